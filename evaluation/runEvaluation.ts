import { performance } from "node:perf_hooks";
import { percentile } from "./percentile.js";
import { createEngine } from "../src/engine/engine.js";
import { loadKnowledge } from "../src/knowledge/loadKnowledge.js";
import type { Knowledge } from "../src/knowledge/schema.js";
import { foldText } from "../src/text/normalize.js";
import {
  type EvalQuestion,
  type Expectation,
  findQuestionSetProblems,
  loadQuestionSet,
  type QuestionKind,
  questionKind,
  type QuestionSet,
} from "./questionSet.js";
import {
  engineSystem,
  type EvaluatedSystem,
  fuseBaseline,
  miniSearchBaseline,
  type RankedSentence,
  type SystemReply,
} from "./systems.js";

export const SYSTEM_IDS = ["engine", "fuse", "minisearch"] as const;
export type SystemId = (typeof SYSTEM_IDS)[number];

/** MRR looks at this many ranked sentences; a correct sentence further down counts as not found. */
export const MRR_DEPTH = 10;

export interface EvaluationOptions {
  /** A knowledge folder (holding articles/ and optionally facts/). */
  knowledgeDirectory: string;
  questionSetFile: string;
  /** Which systems to run; all three by default. */
  systems?: readonly SystemId[];
  /** Timed passes over the whole set after the untimed warm-up pass (which is the one scored). 0 times the warm-up pass instead. */
  timedRounds?: number;
}

/** hits / total; rate is NaN when total is 0 (nothing to measure). */
export interface Ratio {
  hits: number;
  total: number;
  rate: number;
}

export interface Latency {
  medianMs: number;
  p99Ms: number;
  samples: number;
}

export interface SystemMetrics {
  /** Top-1 sentence accuracy on answerable questions: answered, and the first ranked sentence is an expected one. */
  top1: Ratio;
  /** Answered, and an expected sentence is among the first three ranked. */
  top3: Ratio;
  /** Mean reciprocal rank of the first expected sentence (within MRR_DEPTH) on answerable questions; 0 when abstained. */
  mrr: number;
  /** Positive class = abstained: of all abstentions, how many were on `none` questions. */
  abstentionPrecision: Ratio;
  /** Positive class = abstained: of the `none` questions, how many were abstained (the "correct abstention" rate). */
  abstentionRecall: Ratio;
  /** `meta` questions answered, with every mustContain word in the text. */
  meta: Ratio;
  /** Questions with mustContain words whose answer text holds all of them (meaningful for the engine only). */
  mustContain: Ratio;
  /** Every question counted once by its kind's criterion (top-1, abstained, meta answered). */
  overall: Ratio;
  latency: Latency;
  /** Time to build the system's index from the knowledge. */
  buildMs: number;
}

export interface QuestionOutcome {
  question: EvalQuestion;
  kind: QuestionKind;
  reply: SystemReply;
  top1: boolean;
  top3: boolean;
  reciprocalRank: number;
  /** The kind's criterion: top-1 for answerable, abstained for none, answered with the right words for meta. */
  correct: boolean;
  mustContainMissing: string[];
}

/** A question the system got wrong in any way, with what it answered instead. */
export interface Miss {
  question: string;
  expect: Expectation;
  tags: readonly string[];
  reasons: string[];
  command?: string;
  answered: boolean;
  firstCitation?: RankedSentence;
  text: string;
}

export interface SystemResult {
  id: SystemId;
  label: string;
  metrics: SystemMetrics;
  /** Correct answers per question tag, by each question's kind criterion. */
  byTag: Record<string, Ratio>;
  outcomes: QuestionOutcome[];
  misses: Miss[];
}

export interface EvaluationResult {
  article: string;
  title: string;
  source: string;
  sentenceCount: number;
  questionSetFile: string;
  counts: { questions: number; answerable: number; none: number; meta: number };
  systems: SystemResult[];
}

export function ratio(hits: number, total: number): Ratio {
  return { hits, total, rate: total === 0 ? Number.NaN : hits / total };
}

export function missingWords(text: string, words: readonly string[]): string[] {
  const folded = foldText(text);
  return words.filter((word) => !folded.includes(foldText(word)));
}

export function scoreQuestion(question: EvalQuestion, articleSlug: string, reply: SystemReply): QuestionOutcome {
  const kind = questionKind(question);
  const expected = Array.isArray(question.expect) ? question.expect : [];
  const isExpected = (ranked: RankedSentence) => ranked.article === articleSlug && expected.includes(ranked.sentence);
  const rank = reply.ranked.slice(0, MRR_DEPTH).findIndex(isExpected);
  const first = reply.ranked[0];
  const top1 = kind === "answerable" && reply.answered && first !== undefined && isExpected(first);
  const top3 = kind === "answerable" && reply.answered && rank >= 0 && rank < 3;
  const reciprocalRank = kind === "answerable" && reply.answered && rank >= 0 ? 1 / (rank + 1) : 0;
  const mustContainMissing = missingWords(reply.text, question.mustContain);
  const correct =
    kind === "answerable"
      ? top1
      : kind === "none"
        ? !reply.answered
        : reply.answered && mustContainMissing.length === 0;
  return { question, kind, reply, top1, top3, reciprocalRank, correct, mustContainMissing };
}

function describeExpectation(expect: Expectation): string {
  return Array.isArray(expect)
    ? `sentence ${expect.join(" or ")}`
    : expect === "none"
      ? "an abstention"
      : "a byline/source answer";
}

export function missOf(outcome: QuestionOutcome): Miss | undefined {
  const { question, kind, reply } = outcome;
  const reasons: string[] = [];
  if (kind === "answerable" && !outcome.top1) {
    const first = reply.ranked[0];
    if (!reply.answered) reasons.push(`abstained, expected ${describeExpectation(question.expect)}`);
    else
      reasons.push(
        `top-1 was ${first ? `sentence ${first.sentence}` : "no citation"}, expected ${describeExpectation(question.expect)}`,
      );
  }
  if (kind === "none" && reply.answered) reasons.push("answered instead of abstaining");
  if (kind === "meta" && !reply.answered) reasons.push("abstained on a byline/source question");
  if (outcome.mustContainMissing.length > 0)
    reasons.push(`text lacks ${outcome.mustContainMissing.map((word) => `"${word}"`).join(", ")}`);
  if (reasons.length === 0) return undefined;
  const first = reply.ranked[0];
  return {
    question: question.q,
    expect: question.expect,
    tags: question.tags,
    reasons,
    ...(reply.command === undefined ? {} : { command: reply.command }),
    answered: reply.answered,
    ...(first === undefined ? {} : { firstCitation: first }),
    text: reply.text,
  };
}

export function computeMetrics(
  outcomes: readonly QuestionOutcome[],
  latencySamples: readonly number[],
  buildMs: number,
): SystemMetrics {
  const answerable = outcomes.filter((outcome) => outcome.kind === "answerable");
  const none = outcomes.filter((outcome) => outcome.kind === "none");
  const meta = outcomes.filter((outcome) => outcome.kind === "meta");
  const abstained = outcomes.filter((outcome) => !outcome.reply.answered);
  const withWords = outcomes.filter((outcome) => outcome.question.mustContain.length > 0);
  const count = (list: readonly QuestionOutcome[], test: (outcome: QuestionOutcome) => boolean) =>
    list.filter(test).length;
  return {
    top1: ratio(
      count(answerable, (outcome) => outcome.top1),
      answerable.length,
    ),
    top3: ratio(
      count(answerable, (outcome) => outcome.top3),
      answerable.length,
    ),
    mrr:
      answerable.length === 0
        ? Number.NaN
        : answerable.reduce((sum, outcome) => sum + outcome.reciprocalRank, 0) / answerable.length,
    abstentionPrecision: ratio(
      count(abstained, (outcome) => outcome.kind === "none"),
      abstained.length,
    ),
    abstentionRecall: ratio(
      count(none, (outcome) => !outcome.reply.answered),
      none.length,
    ),
    meta: ratio(
      count(meta, (outcome) => outcome.correct),
      meta.length,
    ),
    mustContain: ratio(
      count(withWords, (outcome) => outcome.mustContainMissing.length === 0),
      withWords.length,
    ),
    overall: ratio(
      count(outcomes, (outcome) => outcome.correct),
      outcomes.length,
    ),
    latency: {
      medianMs: percentile(latencySamples, 50),
      p99Ms: percentile(latencySamples, 99),
      samples: latencySamples.length,
    },
    buildMs,
  };
}

function byTag(outcomes: readonly QuestionOutcome[]): Record<string, Ratio> {
  const tallies = new Map<string, { hits: number; total: number }>();
  for (const outcome of outcomes) {
    for (const tag of [`kind:${outcome.kind}`, ...outcome.question.tags]) {
      const tally = tallies.get(tag) ?? { hits: 0, total: 0 };
      tally.total += 1;
      if (outcome.correct) tally.hits += 1;
      tallies.set(tag, tally);
    }
  }
  return Object.fromEntries(
    [...tallies.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([tag, tally]) => [tag, ratio(tally.hits, tally.total)]),
  );
}

interface BuiltSystem {
  system: EvaluatedSystem & { id: SystemId };
  buildMs: number;
}

function buildSystems(ids: readonly SystemId[], knowledge: Knowledge, set: QuestionSet): BuiltSystem[] {
  const article = knowledge.articles.find((candidate) => candidate.slug === set.article);
  if (!article) throw new Error(`question set article "${set.article}" is not in the knowledge folder`);
  const builders: Record<SystemId, () => EvaluatedSystem> = {
    engine: () => engineSystem(createEngine(knowledge)),
    fuse: () => fuseBaseline([article]),
    minisearch: () => miniSearchBaseline([article]),
  };
  return ids.map((id) => {
    const started = performance.now();
    const system = builders[id]();
    return { system: { ...system, id }, buildMs: performance.now() - started };
  });
}

/**
 * Runs the question set through each system: one untimed warm-up pass (the scored replies), then
 * `timedRounds` timed passes in which the systems are interleaved question by question, in rotating
 * order, so that all of them see the same machine load.
 */
export function runEvaluation(options: EvaluationOptions): EvaluationResult {
  const set = loadQuestionSet(options.questionSetFile);
  const knowledge = loadKnowledge(options.knowledgeDirectory);
  const article = knowledge.articles.find((candidate) => candidate.slug === set.article);
  const problems = findQuestionSetProblems(set, article);
  if (problems.length > 0 || !article) throw new Error(`${options.questionSetFile}:\n${problems.join("\n")}`);

  const built = buildSystems(options.systems ?? SYSTEM_IDS, knowledge, set);
  const timedRounds = options.timedRounds ?? 3;
  const samples = built.map((): number[] => []);
  const timedReply = (index: number, question: string): SystemReply => {
    const entry = built[index];
    if (!entry) throw new Error(`no system at ${index}`);
    const started = performance.now();
    const reply = entry.system.reply(question);
    samples[index]?.push(performance.now() - started);
    return reply;
  };

  const replies = built.map(({ system }, index) =>
    set.questions.map((question) => (timedRounds === 0 ? timedReply(index, question.q) : system.reply(question.q))),
  );
  for (let round = 0; round < timedRounds; round += 1) {
    set.questions.forEach((question, questionIndex) => {
      for (let offset = 0; offset < built.length; offset += 1)
        timedReply((questionIndex + round + offset) % built.length, question.q);
    });
  }

  const systems = built.map(({ system, buildMs }, index): SystemResult => {
    const outcomes = set.questions.map((question, questionIndex) => {
      const reply = replies[index]?.[questionIndex];
      if (!reply) throw new Error(`no reply for question ${questionIndex}`);
      return scoreQuestion(question, article.slug, reply);
    });
    return {
      id: system.id,
      label: system.label,
      metrics: computeMetrics(outcomes, samples[index] ?? [], buildMs),
      byTag: byTag(outcomes),
      outcomes,
      misses: outcomes.flatMap((outcome) => missOf(outcome) ?? []),
    };
  });

  const kinds = set.questions.map(questionKind);
  return {
    article: article.slug,
    title: article.meta.title,
    source: article.meta.source,
    sentenceCount: article.sentences.length,
    questionSetFile: options.questionSetFile,
    counts: {
      questions: set.questions.length,
      answerable: kinds.filter((kind) => kind === "answerable").length,
      none: kinds.filter((kind) => kind === "none").length,
      meta: kinds.filter((kind) => kind === "meta").length,
    },
    systems,
  };
}
