import { describe, expect, test } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadKnowledge } from "../../src/knowledge/loadKnowledge.js";
import { EVALUATION_SETS } from "../../evaluation/evaluationSets.js";
import {
  findQuestionSetProblems,
  loadQuestionSet,
  preferredSentenceCounts,
  QuestionSet,
  questionKind,
} from "../../evaluation/questionSet.js";

const loaded = EVALUATION_SETS.map((set) => {
  const questions = loadQuestionSet(set.questionSetFile);
  const article = loadKnowledge(set.knowledgeDirectory).articles.find(
    (candidate) => candidate.slug === questions.article,
  );
  return { set, questions, article };
});

function countKinds(questions: QuestionSet) {
  const kinds = questions.questions.map(questionKind);
  return {
    total: kinds.length,
    none: kinds.filter((kind) => kind === "none").length,
    meta: kinds.filter((kind) => kind === "meta").length,
  };
}

function loadedSet(id: string) {
  const entry = loaded.find((candidate) => candidate.set.id === id);
  if (!entry) throw new Error(`no evaluation set ${id}`);
  return entry;
}

describe("GIVEN the evaluation question sets", () => {
  test.each(loaded)("THEN every sentence the $set.id set expects exists in its article", ({ questions, article }) => {
    expect(findQuestionSetProblems(questions, article)).toEqual([]);
  });

  test("THEN the seed set has at least 150 questions, 30 of them unanswerable, and byline questions", () => {
    const counts = countKinds(loadedSet("seed").questions);
    expect(counts.total).toBeGreaterThanOrEqual(150);
    expect(counts.none).toBeGreaterThanOrEqual(30);
    expect(counts.meta).toBeGreaterThanOrEqual(5);
  });

  test("THEN every sentence of the seed article is the preferred answer of at least 3 questions", () => {
    const { questions, article } = loadedSet("seed");
    const counts = preferredSentenceCounts(questions);
    const thin = (article?.sentences ?? [])
      .filter((sentence) => (counts.get(sentence.number) ?? 0) < 3)
      .map((sentence) => sentence.number);
    expect(article?.sentences.length).toBe(18);
    expect(thin).toEqual([]);
  });

  test("THEN the second article has at least 25 questions, 6 unanswerable, every sentence covered, and no facts file", () => {
    const { set, questions, article } = loadedSet("second-article");
    const counts = countKinds(questions);
    expect(counts.total).toBeGreaterThanOrEqual(25);
    expect(counts.none).toBeGreaterThanOrEqual(6);
    const covered = new Set(
      questions.questions.flatMap((question) => (Array.isArray(question.expect) ? question.expect : [])),
    );
    expect(
      (article?.sentences ?? []).filter((sentence) => !covered.has(sentence.number)).map((sentence) => sentence.number),
    ).toEqual([]);
    expect(existsSync(join(set.knowledgeDirectory, "facts"))).toBe(false);
  });
});

describe("GIVEN a question set file with mistakes", () => {
  test("THEN the schema refuses an unknown tag and an empty expectation, naming the question", () => {
    const result = QuestionSet.safeParse({
      article: "some-article",
      questions: [
        { q: "who is Lavrov?", expect: [1], tags: ["not-a-tag"] },
        { q: "where?", expect: [] },
      ],
    });
    const paths = result.error?.issues.map((issue) => issue.path.join(".")) ?? [];
    expect(paths).toEqual(expect.arrayContaining(["questions.0.tags.0", "questions.1.expect"]));
  });

  test("THEN the schema refuses the same question twice, whatever its case", () => {
    const result = QuestionSet.safeParse({
      article: "some-article",
      questions: [
        { q: "who is Lavrov?", expect: [1] },
        { q: "Who is Lavrov?", expect: "none" },
      ],
    });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["questions.1.q", "duplicates questions[0]"],
    ]);
  });
});
