import { answerQuestion } from "../answerQuestion.js";
import { type Answerer, suggestionsFor, notMentioned } from "./answerContext.js";

/**
 * /who <name>: the name read as a "who" question about itself, so that an entity gets its facts, an
 * author the byline, a description ("NATO chief") the sentence that answers it, and a name the article
 * never prints "not mentioned", never the nearest other name.
 */
export const answerWho: Answerer = (context, { query, argument }) => {
  if (argument.length === 0)
    return context.factory.abstained(
      query,
      "who",
      context.factory.messages.nameMissing(context.factory.messages.personOrOrganisation),
      suggestionsFor(context),
    );
  const answer = answerQuestion(context, query, argument, { command: "who", type: "who" });
  // Listings are only read into free text (/ask); a "who" question is never one.
  return "listing" in answer ? notMentioned(context, query, "who", argument) : answer;
};
