import { type Answerer } from "./answerContext.js";
import { sourceAnswer } from "./sourceAnswer.js";

/** /source: where each article comes from (title, source, byline), a page at a time. */
export const answerSource: Answerer = (context, { query, page }) => sourceAnswer(context, query, "source", { page });
