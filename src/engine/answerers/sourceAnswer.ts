import type { Answer, CommandName } from "../answer.js";
import type { KnowledgeArticle } from "../../knowledge/schema.js";
import { type AnswerContext, paginate } from "./answerContext.js";

const ARTICLES_PER_PAGE = 5;

function describe(article: KnowledgeArticle, withBio: boolean): string {
  const { title, source, byline, published, url, author_bio } = article.meta;
  const parts = [`“${title}”, from ${source}`];
  parts.push(byline ? `written by ${byline}` : "no author named");
  if (published) parts.push(`published ${published}`);
  if (url) parts.push(url);
  const line = `${parts.join("; ")}.`;
  return withBio && author_bio ? `${line} About the author: ${author_bio}` : line;
}

/** Where the article comes from: title, source, byline; with the author's bio when the question is about the author. */
export function sourceAnswer(
  context: AnswerContext,
  query: string,
  command: CommandName,
  options: { aboutAuthor?: boolean; page?: number } = {},
): Answer {
  const { aboutAuthor = false, page = 1 } = options;
  const { items, page: pageInfo } = paginate(context.view.knowledge.articles, page, ARTICLES_PER_PAGE);
  const text = items.map((article) => describe(article, aboutAuthor)).join("\n");
  const answer = context.factory.answered(query, command, text, [], pageInfo.count > 1 ? pageInfo : undefined);
  return { ...answer, source: [...new Set(items.map((article) => article.meta.source))].join(", ") };
}
