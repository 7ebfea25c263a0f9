import { fileURLToPath } from "node:url";

/** A knowledge folder and the question set written for it. */
export interface EvaluationSet {
  id: "seed" | "second-article";
  heading: string;
  knowledgeDirectory: string;
  questionSetFile: string;
}

const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** The seed article with its curated facts, and an independent article with no facts file (to keep the engine general). */
export const EVALUATION_SETS: readonly EvaluationSet[] = Object.freeze([
  {
    id: "seed",
    heading: "Seed article (curated facts)",
    knowledgeDirectory: fromRoot("knowledge"),
    questionSetFile: fromRoot("tests/eval/questions.yaml"),
  },
  {
    id: "second-article",
    heading: "Second article (no facts file)",
    knowledgeDirectory: fromRoot("tests/fixtures/second-article/knowledge"),
    questionSetFile: fromRoot("tests/fixtures/second-article/questions.yaml"),
  },
]);
