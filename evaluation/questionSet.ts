import { readFileSync } from "node:fs";
import { parseYaml } from "../src/knowledge/yaml.js";
import { foldText } from "../src/text/normalize.js";
import { z } from "zod";
import { SentenceNumber, Slug, type Article } from "../src/knowledge/schema.js";

/**
 * What a question expects:
 * - a list of sentence numbers: any of them is a correct top-1 (order = preference, the first is the best answer);
 * - "none": the article does not answer it, so the right reply is an abstention;
 * - "meta": answered from the article's metadata (byline, source, summary): answered with any or no citations.
 */
export const Expectation = z.union([z.literal("none"), z.literal("meta"), z.array(SentenceNumber).min(1)]);
export type Expectation = z.infer<typeof Expectation>;

/** Tags break the results down by the kind of difficulty a question carries. */
export const QuestionTag = z.enum([
  "who",
  "what",
  "where",
  "when",
  "how-much",
  "why",
  "quote",
  "command",
  "paraphrase",
  "typo",
  "alias",
  "spanish",
  "number-format",
  "mention",
  "byline",
  "abstain-offtopic",
  "abstain-near-miss",
  "abstain-unknown-name",
]);
export type QuestionTag = z.infer<typeof QuestionTag>;

export const EvalQuestion = z.strictObject({
  q: z.string().trim().min(1),
  expect: Expectation,
  /** Words the answer text must contain, compared case- and accent-insensitively. */
  mustContain: z.array(z.string().trim().min(1)).default([]),
  tags: z.array(QuestionTag).default([]),
});
export type EvalQuestion = z.infer<typeof EvalQuestion>;

/**
 * The text two questions are compared by to find near-copies: case, accents, punctuation, spacing and a
 * leading bot mention do not make a question new.
 */
export function normaliseQuestion(question: string): string {
  return foldText(question.replace(/<@!?\d+>/g, " "))
    .replace(/[^\p{L}\p{N}/]+/gu, " ")
    .trim();
}

export const QuestionSet = z
  .strictObject({
    /** The slug of the article the sentence numbers refer to. */
    article: Slug,
    questions: z.array(EvalQuestion).min(1),
  })
  .superRefine((set, context) => {
    const seen = new Map<string, number>();
    set.questions.forEach((question, index) => {
      const key = question.q.trim().toLowerCase();
      const earlier = seen.get(key);
      if (earlier !== undefined)
        context.addIssue({
          code: "custom",
          path: ["questions", index, "q"],
          message: `duplicates questions[${earlier}]`,
        });
      else seen.set(key, index);
    });
  });
export type QuestionSet = z.infer<typeof QuestionSet>;

export type QuestionKind = "answerable" | "none" | "meta";

export function questionKind(question: EvalQuestion): QuestionKind {
  if (question.expect === "none") return "none";
  if (question.expect === "meta") return "meta";
  return "answerable";
}

/** Reads and validates a question set; the error names the file and every problem. */
export function loadQuestionSet(file: string): QuestionSet {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${(error as Error).message.split("\n")[0]}`, { cause: error });
  }
  const parsed = QuestionSet.safeParse(data);
  if (!parsed.success) throw new Error(`${file}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Problems a schema cannot see: the article must exist and hold every expected sentence. */
export function findQuestionSetProblems(set: QuestionSet, article: Article | undefined): string[] {
  if (!article) return [`article "${set.article}" is not in the knowledge folder`];
  const count = article.sentences.length;
  const problems: string[] = [];
  set.questions.forEach((question, index) => {
    if (!Array.isArray(question.expect)) return;
    for (const sentence of question.expect) {
      if (sentence > count)
        problems.push(
          `questions[${index}] "${question.q}": sentence ${sentence} does not exist (the article has ${count})`,
        );
    }
  });
  return problems;
}

/** How many questions name each sentence as their preferred (first) answer. */
export function preferredSentenceCounts(set: QuestionSet): Map<number, number> {
  const counts = new Map<number, number>();
  for (const question of set.questions) {
    if (!Array.isArray(question.expect)) continue;
    const first = question.expect[0];
    if (first !== undefined) counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  return counts;
}
