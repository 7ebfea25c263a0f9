import { describe, expect, test } from "vitest";
import { loadKnowledge } from "../../src/knowledge/loadKnowledge.js";
import { EVALUATION_SETS, type HeldOutSet, HELDOUT_SETS } from "../../evaluation/evaluationSets.js";
import {
  findQuestionSetProblems,
  loadQuestionSet,
  normaliseQuestion,
  preferredSentenceCounts,
  type QuestionSet,
  questionKind,
} from "../../evaluation/questionSet.js";

/**
 * The held-out sets are only checked for validity here: they parse, their sentence numbers point at the
 * sentences they were written against, and they have the promised size and spread. Deliberately no
 * quality floor: the point of a held-out set is that nobody tunes against it.
 */

interface Requirements {
  sentenceCount: number;
  /** The first words of every sentence, in order: the numbering the questions were written against. */
  openings: readonly string[];
  minQuestions: number;
  minAnswerable: number;
  minNone: number;
  /** Every sentence must be the preferred (first) answer of at least this many questions. */
  minPreferredPerSentence: number;
}

const SEED_OPENINGS = [
  "Blinken, who will",
  "Russia has deployed",
  "Although it denies",
  "The US Secretary",
  "“I strongly hope",
  "Washington also announced",
  "President Zelensky, who",
  "After his visit",
  "And, above all,",
  "The Kremlin demanded",
  "Blinken, for his",
  "“We have to",
  "Moscow has stressed",
  "The head of",
  "Blinken reaffirmed on",
  "Moscow downplayed these",
  "NATO Secretary General",
  "To overcome these",
];

const SECOND_OPENINGS = [
  "Riverside City Council",
  "The project will",
  "Mayor Helen Carter",
  "Construction is due",
  "The line will",
  "Trams will run",
  "Councillor James Whitfield,",
  "“We are asking",
  "Shop owners on",
  "The council promised",
  "Transport director Priya",
  "She added that",
  "A public consultation",
  "The contract to",
  "The council will",
];

const REQUIREMENTS: Record<HeldOutSet["id"], Requirements> = {
  "seed-heldout": {
    sentenceCount: 18,
    openings: SEED_OPENINGS,
    minQuestions: 80,
    minAnswerable: 60,
    minNone: 20,
    minPreferredPerSentence: 3,
  },
  "second-article-heldout": {
    sentenceCount: 15,
    openings: SECOND_OPENINGS,
    minQuestions: 40,
    minAnswerable: 30,
    minNone: 10,
    minPreferredPerSentence: 2,
  },
  "seed-paraphrase-heldout": {
    sentenceCount: 18,
    openings: SEED_OPENINGS,
    minQuestions: 40,
    minAnswerable: 30,
    minNone: 10,
    minPreferredPerSentence: 0,
  },
  "second-article-paraphrase-heldout": {
    sentenceCount: 15,
    openings: SECOND_OPENINGS,
    minQuestions: 40,
    minAnswerable: 30,
    minNone: 10,
    minPreferredPerSentence: 0,
  },
};

const loaded = HELDOUT_SETS.map((set) => {
  const questions = loadQuestionSet(set.questionSetFile);
  const article = loadKnowledge(set.knowledgeDirectory).articles.find(
    (candidate) => candidate.slug === questions.article,
  );
  const tuned = EVALUATION_SETS.find((candidate) => candidate.id === set.tunedCounterpart);
  return { id: set.id, set, questions, article, tuned, requirements: REQUIREMENTS[set.id] };
});

function kindCounts(questions: QuestionSet) {
  const kinds = questions.questions.map(questionKind);
  return {
    total: kinds.length,
    answerable: kinds.filter((kind) => kind === "answerable").length,
    none: kinds.filter((kind) => kind === "none").length,
  };
}

/** A slash command with no argument (`/aid`, `/source`) has one spelling, so both sets may hold it. */
const isBareCommand = (q: string) => /^\/[a-z]+$/i.test(q.trim());

const firstWords = (text: string) => text.split(/\s+/).slice(0, 3).join(" ");

describe.each(loaded)("GIVEN the held-out set $id", ({ set, questions, article, tuned, requirements }) => {
  test("THEN it is about an article of the knowledge folder and every expected sentence exists", () => {
    expect(article?.slug).toBe(questions.article);
    expect(findQuestionSetProblems(questions, article)).toEqual([]);
  });

  test("THEN the article is still numbered the way the questions were written against", () => {
    const sentences = article?.sentences ?? [];
    expect(sentences).toHaveLength(requirements.sentenceCount);
    expect(sentences.map((sentence) => firstWords(sentence.text))).toEqual(requirements.openings);
  });

  test("THEN it has the promised number of answerable and unanswerable questions", () => {
    const counts = kindCounts(questions);
    expect(counts.total).toBeGreaterThanOrEqual(requirements.minQuestions);
    expect(counts.answerable).toBeGreaterThanOrEqual(requirements.minAnswerable);
    expect(counts.none).toBeGreaterThanOrEqual(requirements.minNone);
  });

  test(`THEN every sentence is the preferred answer of at least ${requirements.minPreferredPerSentence} questions`, () => {
    const counts = preferredSentenceCounts(questions);
    const thin = (article?.sentences ?? []).filter(
      (sentence) => (counts.get(sentence.number) ?? 0) < requirements.minPreferredPerSentence,
    );
    expect(thin.map((sentence) => sentence.number)).toEqual([]);
  });

  test("THEN it shares no question with any tuned set over the same article, compared as normalised text (bare commands aside), and is not itself a tuned set", () => {
    expect(tuned, `no tuned set ${set.tunedCounterpart}`).toBeDefined();
    expect(EVALUATION_SETS.map((candidate) => candidate.questionSetFile)).not.toContain(set.questionSetFile);
    const tunedQuestions = new Set(
      EVALUATION_SETS.filter((candidate) => candidate.knowledgeDirectory === set.knowledgeDirectory).flatMap(
        (candidate) =>
          loadQuestionSet(candidate.questionSetFile).questions.map((question) => normaliseQuestion(question.q)),
      ),
    );
    const shared = questions.questions
      .map((question) => question.q)
      .filter((q) => tunedQuestions.has(normaliseQuestion(q)));
    expect(shared.filter((q) => !isBareCommand(q))).toEqual([]);
  });
});
