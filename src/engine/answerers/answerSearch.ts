import { analyseQuestion } from "../analyseQuestion.js";
import { safeEcho } from "../parseInput.js";
import { rankSentences } from "../rankSentences.js";
import { SEARCH_CONFIG } from "../searchConfig.js";
import { type Answerer, paginate, suggestionsFor } from "./answerContext.js";

/** /search <words>: the sentences that match, ranked, a page at a time. */
export const answerSearch: Answerer = (context, { query, argument, page }) => {
  if (argument.length === 0)
    return context.factory.abstained(query, "search", context.factory.messages.empty, suggestionsFor(context));
  const analysed = { ...analyseQuestion(context.view, argument), type: "what" as const };
  const ranked = rankSentences(context.view, context.features, analysed).filter(
    (candidate) => candidate.score >= SEARCH_CONFIG.abstention.minScore,
  );
  const words = safeEcho(argument);
  if (ranked.length === 0)
    return context.factory.abstained(
      query,
      "search",
      context.factory.messages.noMatches(words),
      suggestionsFor(context),
    );
  const pageSize = SEARCH_CONFIG.limits.searchPageSize;
  const { items, page: pageInfo } = paginate(ranked, page, pageSize);
  const citations = context.factory.citationsOf(
    items.map(({ sentence }) => ({ articleIndex: sentence.articleIndex, number: sentence.number })),
    pageSize,
  );
  return context.factory.answered(
    query,
    "search",
    context.factory.messages.searchHeader(ranked.length, words),
    citations,
    pageInfo,
  );
};
