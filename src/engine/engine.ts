import type { Answer, AutocompleteChoice, AutocompleteKind, EngineRequest, SentenceContext } from "./answer.js";
import type { Knowledge } from "../knowledge/schema.js";

/** The pure answer engine: built once from validated knowledge, then only reads. No Discord in here. */
export interface AnswerEngine {
  /** Free text or slash-style text ("/who Lavrov", "<@123> who is lavrof?", "¿dónde?"). Never throws. */
  ask(input: string): Answer;
  /** A structured request, as slash commands and buttons send it. Never throws. */
  run(request: EngineRequest): Answer;
  /** Up to 25 choices for a Discord autocomplete box; best first. Never throws. */
  autocomplete(kind: AutocompleteKind, partial: string): AutocompleteChoice[];
  /** The sentence with its neighbours, or undefined when the article or sentence does not exist. */
  context(article: string, sentence: number, radius?: number): SentenceContext | undefined;
  readonly knowledge: Knowledge;
}

export declare function createEngine(knowledge: Knowledge): AnswerEngine;
