import { fileURLToPath } from "node:url";

/** A knowledge folder and the question set written for it. */
export interface EvaluationSet {
  id: "seed" | "second-article" | "seed-paraphrase" | "second-article-paraphrase";
  heading: string;
  knowledgeDirectory: string;
  questionSetFile: string;
}

/**
 * A question set nobody tunes the engine against: written from the article text alone, without running
 * the engine or reading the tuned sets, so its scores are the honest ones. Reported in its own section
 * of `npm run eval`; only its validity is tested (tests/eval/heldout.test.ts), never a quality floor.
 */
export interface HeldOutSet extends Omit<EvaluationSet, "id"> {
  id: "seed-heldout" | "second-article-heldout" | "seed-paraphrase-heldout" | "second-article-paraphrase-heldout";
  /** The tuned set over the same knowledge, to read the two side by side. */
  tunedCounterpart: EvaluationSet["id"];
}

const fromRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

const SEED_KNOWLEDGE = fromRoot("knowledge");
const SECOND_KNOWLEDGE = fromRoot("tests/fixtures/second-article/knowledge");

/** The seed article with its curated facts, and an independent article with no facts file (to keep the engine general). */
export const EVALUATION_SETS: readonly EvaluationSet[] = Object.freeze([
  {
    id: "seed",
    heading: "Seed article (curated facts)",
    knowledgeDirectory: SEED_KNOWLEDGE,
    questionSetFile: fromRoot("tests/eval/questions.yaml"),
  },
  {
    id: "second-article",
    heading: "Second article (no facts file)",
    knowledgeDirectory: SECOND_KNOWLEDGE,
    questionSetFile: fromRoot("tests/fixtures/second-article/questions.yaml"),
  },
  {
    id: "seed-paraphrase",
    heading: "Seed article asked in other words (curated facts)",
    knowledgeDirectory: SEED_KNOWLEDGE,
    questionSetFile: fromRoot("tests/eval/paraphrase/seed.yaml"),
  },
  {
    id: "second-article-paraphrase",
    heading: "Second article asked in other words (no facts file)",
    knowledgeDirectory: SECOND_KNOWLEDGE,
    questionSetFile: fromRoot("tests/eval/paraphrase/second.yaml"),
  },
]);

/** Held-out questions over the same two knowledge folders; see HeldOutSet. */
export const HELDOUT_SETS: readonly HeldOutSet[] = Object.freeze([
  {
    id: "seed-heldout",
    heading: "Held-out: seed article (curated facts)",
    knowledgeDirectory: SEED_KNOWLEDGE,
    questionSetFile: fromRoot("tests/eval/heldout/seed.yaml"),
    tunedCounterpart: "seed",
  },
  {
    id: "second-article-heldout",
    heading: "Held-out: second article (no facts file)",
    knowledgeDirectory: SECOND_KNOWLEDGE,
    questionSetFile: fromRoot("tests/eval/heldout/second.yaml"),
    tunedCounterpart: "second-article",
  },
  {
    id: "seed-paraphrase-heldout",
    heading: "Held-out: seed article asked in other words",
    knowledgeDirectory: SEED_KNOWLEDGE,
    questionSetFile: fromRoot("tests/eval/heldout/seed-paraphrase.yaml"),
    tunedCounterpart: "seed-paraphrase",
  },
  {
    id: "second-article-paraphrase-heldout",
    heading: "Held-out: second article asked in other words",
    knowledgeDirectory: SECOND_KNOWLEDGE,
    questionSetFile: fromRoot("tests/eval/heldout/second-paraphrase.yaml"),
    tunedCounterpart: "second-article-paraphrase",
  },
]);

/** Tuned sets that may also train the refusal model (npm run train-abstain): never the held-out ones. */
export const TRAINING_QUESTION_SETS: readonly EvaluationSet[] = EVALUATION_SETS;
