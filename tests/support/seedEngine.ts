import { createEngine, type AnswerEngine } from "../../src/engine/engine.js";
import { loadKnowledge } from "../../src/knowledge/loadKnowledge.js";
import type { KnowledgeArticle } from "../../src/knowledge/schema.js";

let engine: AnswerEngine | undefined;

/** The engine over the real knowledge folder, built once per test file. */
export function seedEngine(): AnswerEngine {
  engine ??= createEngine(loadKnowledge("knowledge"));
  return engine;
}

export function seedArticle(): KnowledgeArticle {
  const article = seedEngine().knowledge.articles.find((candidate) => candidate.slug === "blinken-lavrov-geneva");
  if (!article) throw new Error("the seed article is missing from knowledge/");
  return article;
}

/** The seed sentence a test is about, found by a phrase in it rather than by a hard-coded number. */
export function sentenceNumberContaining(phrase: string): number {
  const sentence = seedArticle().sentences.find((candidate) => candidate.text.includes(phrase));
  if (!sentence) throw new Error(`no seed sentence contains "${phrase}"`);
  return sentence.number;
}

/** The text of the seed sentence that contains a phrase, read from the real knowledge. */
export function seedSentenceContaining(phrase: string): string {
  const number = sentenceNumberContaining(phrase);
  return seedArticle().sentences[number - 1]?.text ?? "";
}
