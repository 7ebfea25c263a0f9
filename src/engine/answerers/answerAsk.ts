import { answerQuestion, type ListingCommand } from "../answerQuestion.js";
import type { Answer } from "../answer.js";
import { type AnswerContext, type AnswerRequest, suggestionsFor } from "./answerContext.js";

/**
 * /ask and free text: the answer from the sentences, or the listing command to run instead when the
 * question asks for a whole listing ("when?", "timeline"): the engine runs it, so no answerer calls another.
 */
export function answerAsk(
  context: AnswerContext,
  { query, argument, page }: AnswerRequest,
): Answer | { listing: ListingCommand } {
  if (argument.length === 0)
    return context.factory.abstained(query, "ask", context.factory.messages.empty, suggestionsFor(context));
  return answerQuestion(context, query, argument, { page });
}
