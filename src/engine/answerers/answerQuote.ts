import type { Quote } from "../../knowledge/schema.js";
import { type Answerer, paginate, suggestionsFor, whoSuggestion, notMentioned } from "./answerContext.js";
import { resolveName } from "./resolveName.js";

const QUOTES_PER_PAGE = 5;

/** /quote [speaker]: the article's direct quotes, each with its speaker and sentence, paginated. */
export const answerQuote: Answerer = (context, { query, argument, page }) => {
  const all: Array<{ articleIndex: number; quote: Quote; speaker: string }> = [];
  for (const articleIndex of context.view.listedArticles) {
    const facts = context.view.facts(articleIndex);
    for (const quote of facts.quotes) {
      all.push({
        articleIndex,
        quote,
        speaker: facts.entities.find((entity) => entity.id === quote.speaker)?.name ?? quote.speaker,
      });
    }
  }

  let selected = all;
  if (argument.length > 0) {
    const ref = resolveName(context.view, argument);
    if (!ref) return notMentioned(context, query, "quote", argument);
    selected = all.filter(
      ({ articleIndex, quote }) => articleIndex === ref.articleIndex && quote.speaker === ref.entity.id,
    );
    if (selected.length === 0)
      return context.factory.abstained(query, "quote", context.factory.messages.noQuotesBy(ref.entity.name), [
        whoSuggestion(context.factory.messages, ref.entity.name),
        ...suggestionsFor(context),
      ]);
  }
  if (selected.length === 0)
    return context.factory.abstained(query, "quote", context.factory.messages.noQuotes, suggestionsFor(context));

  const { items, page: pageInfo } = paginate(selected, page, QUOTES_PER_PAGE);
  const text = items.map(({ speaker, quote }) => `${speaker}: “${quote.text.replace(/^[“"]|[”"]$/g, "")}”`).join("\n");
  const citations = context.factory.citationsOf(
    items.map(({ articleIndex, quote }) => ({ articleIndex, number: quote.sentence })),
    QUOTES_PER_PAGE,
  );
  return context.factory.answered(query, "quote", text, citations, pageInfo);
};
