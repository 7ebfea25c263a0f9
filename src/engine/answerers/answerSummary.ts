import { type Answerer, paginate } from "./answerContext.js";

const ARTICLES_PER_PAGE = 3;
const LEAD_SENTENCES = 2;

/** /summary: the curated summary of each article, or its lead sentences when it has no facts file. */
export const answerSummary: Answerer = (context, { query, page }) => {
  const articles = context.view.knowledge.articles.map((article, articleIndex) => ({ article, articleIndex }));
  const { items, page: pageInfo } = paginate(articles, page, ARTICLES_PER_PAGE);
  const lines: string[] = [];
  const refs: Array<{ articleIndex: number; number: number }> = [];
  for (const { article, articleIndex } of items) {
    const summary = article.facts?.summary;
    const numbers = summary
      ? summary.sentences
      : article.sentences.slice(0, LEAD_SENTENCES).map((sentence) => sentence.number);
    const text = summary
      ? summary.text
      : article.sentences
          .slice(0, LEAD_SENTENCES)
          .map((sentence) => sentence.text)
          .join(" ");
    lines.push(items.length > 1 || pageInfo.count > 1 ? `${article.meta.title}: ${text}` : text);
    refs.push(...numbers.map((number) => ({ articleIndex, number })));
  }
  return context.factory.answered(
    query,
    "summary",
    lines.join("\n"),
    context.factory.citationsOf(refs),
    pageInfo.count > 1 ? pageInfo : undefined,
  );
};
