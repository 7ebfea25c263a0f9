import { ENGINE_MESSAGES } from "../messages.js";
import { type Answerer, suggestionsFor } from "./answerContext.js";
import { answerQuestion } from "./askAnswerer.js";

/** /who <name>: the entity's facts; unknown names are "not mentioned", never the nearest other name. */
export const answerWho: Answerer = (context, { query, argument }) => {
  if (argument.length === 0) return context.factory.abstained(query, "who", ENGINE_MESSAGES.nameMissing("person or organisation"), suggestionsFor(context));
  return answerQuestion(context, query, `who is ${argument}`, "who");
};
