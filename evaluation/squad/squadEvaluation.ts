import { performance } from "node:perf_hooks";
import { answerabilityFeatures } from "../../src/engine/answerability/answerabilityFeatures.js";
import { REFUSAL_MODEL, refusalProbability } from "../../src/engine/answerability/refusalModel.js";
import { considerQuestion, supportingSentences } from "../../src/engine/answerQuestion.js";
import { createAnswerContext, createEngine } from "../../src/engine/engine.js";
import { SEARCH_CONFIG } from "../../src/engine/searchConfig.js";
import type { Knowledge } from "../../src/knowledge/schema.js";
import { parseInput } from "../../src/engine/parseInput.js";
import { buildKnowledge, readKnowledgeSources } from "../../src/knowledge/loadKnowledge.js";
import { foldText } from "../../src/text/normalize.js";
import { loadQuestionSet, questionKind } from "../questionSet.js";
import { percentile } from "../percentile.js";
import { ratio, type Latency, type Ratio } from "../runEvaluation.js";
import { engineSystem, type EvaluatedSystem, fuseBaseline, miniSearchBaseline, type SystemReply } from "../systems.js";
import type { WordVectors } from "../../src/vectors/wordVectors.js";
import { type SquadArticle, squadArticleSource, type SquadQuestion } from "./squadDataset.js";

/** How many citations a gold answer may appear in (besides the answer text) to count as right. */
export const CITATIONS_LOOKED_AT = 3;

/** SQuAD's own answer normalisation: case, accents, punctuation, articles and spacing do not matter. */
export function normaliseAnswer(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/\b(?:a|an|the)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function holdsAnswer(text: string, answers: readonly string[]): boolean {
  const padded = ` ${normaliseAnswer(text)} `;
  return answers.some((answer) => {
    const gold = normaliseAnswer(answer);
    return gold.length > 0 && padded.includes(` ${gold} `);
  });
}

export interface SquadOutcome {
  question: SquadQuestion;
  article: string;
  reply: SystemReply;
  /** Answerable, answered, and a gold answer is in the answer text or one of the first three citations. */
  right: boolean;
  /** Answerable, answered, and a gold answer is in the first citation. */
  top1: boolean;
  refused: boolean;
}

export function scoreSquadReply(question: SquadQuestion, article: string, reply: SystemReply): SquadOutcome {
  const refused = !reply.answered;
  const cited = reply.ranked.slice(0, CITATIONS_LOOKED_AT).filter((ranked) => ranked.article === article);
  const right =
    !question.impossible &&
    !refused &&
    (holdsAnswer(reply.text, question.answers) || cited.some((ranked) => holdsAnswer(ranked.text, question.answers)));
  const first = reply.ranked[0];
  const top1 =
    !question.impossible &&
    !refused &&
    first !== undefined &&
    first.article === article &&
    holdsAnswer(first.text, question.answers);
  return { question, article, reply, right, top1, refused };
}

export interface SquadMetrics {
  /** Answerable questions answered with a gold answer in the text or the first three citations. */
  right: Ratio;
  top1: Ratio;
  /** Of the unanswerable questions, how many were refused. */
  abstentionRecall: Ratio;
  /** Of the refusals, how many were on unanswerable questions: whether a refusal means anything. */
  abstentionPrecision: Ratio;
  latency: Latency;
  buildMs: number;
}

export interface SquadSystemResult {
  id: string;
  label: string;
  metrics: SquadMetrics;
  outcomes: SquadOutcome[];
}

export function squadMetrics(
  outcomes: readonly SquadOutcome[],
  latencySamples: readonly number[],
  buildMs: number,
): SquadMetrics {
  const answerable = outcomes.filter((outcome) => !outcome.question.impossible);
  const impossible = outcomes.filter((outcome) => outcome.question.impossible);
  const refused = outcomes.filter((outcome) => outcome.refused);
  return {
    right: ratio(answerable.filter((outcome) => outcome.right).length, answerable.length),
    top1: ratio(answerable.filter((outcome) => outcome.top1).length, answerable.length),
    abstentionRecall: ratio(impossible.filter((outcome) => outcome.refused).length, impossible.length),
    abstentionPrecision: ratio(refused.filter((outcome) => outcome.question.impossible).length, refused.length),
    latency: {
      medianMs: percentile(latencySamples, 50),
      p99Ms: percentile(latencySamples, 99),
      samples: latencySamples.length,
    },
    buildMs,
  };
}

export interface SquadEvaluationOptions {
  squad: readonly SquadArticle[];
  /** The shipped knowledge folder: the SQuAD articles are loaded next to it, as a user would drop them in. */
  seedKnowledgeDirectory: string;
  /** The seed's question set, asked with only the SQuAD articles loaded (off-topic check). */
  seedQuestionSetFile: string;
  /** Also run the engine with these word vectors, to show what they add. */
  vectors?: WordVectors;
}

export interface SquadEvaluationResult {
  articles: Array<{ title: string; slug: string; sentences: number; answerable: number; impossible: number }>;
  systems: SquadSystemResult[];
  /** SQuAD questions asked with only the seed loaded: every one should be refused. */
  squadQuestionsWithSeedOnly: Ratio;
  /** The seed's free-text content questions asked with only the SQuAD articles loaded: every one should be refused. */
  seedQuestionsWithSquadOnly: Ratio;
  /** The engine's refusals if the refusal model's threshold were each of these (for reading only: it is chosen on development data). */
  refusalTradeOff: Array<{ threshold: number; precision: Ratio; recall: Ratio; right: Ratio }>;
}

/**
 * Every question as the engine decides it: refused by a gate before the model, or the model's
 * probability that it is unanswerable (undefined when the answer comes from curated facts), and
 * whether the reply would be right if answered.
 */
function refusalTradeOff(
  knowledge: Knowledge,
  questions: ReadonlyArray<{ article: string; question: SquadQuestion }>,
): SquadEvaluationResult["refusalTradeOff"] {
  const context = createAnswerContext(knowledge);
  const decided = questions.map(({ article, question }) => {
    const considered = considerQuestion(context, question.question, question.question);
    if (considered.kind === "settled")
      return {
        impossible: question.impossible,
        gated: !considered.answer.answered,
        probability: undefined,
        rightIfAnswered: false,
      };
    // A listing ("timeline?") is answered by another command, never by a cited sentence.
    if (considered.kind === "listing")
      return { impossible: question.impossible, gated: false, probability: undefined, rightIfAnswered: false };
    const top = considered.eligible[0];
    const gated = !top || top.score < SEARCH_CONFIG.abstention.minScore;
    const probability =
      top && !context.view.isCurated(top.sentence.articleIndex)
        ? refusalProbability(answerabilityFeatures(context.view, considered.analysed, considered.eligible))
        : undefined;
    // What answering would cite: the best sentence and the runners-up close to it, at most three.
    const cited = top ? supportingSentences(top, considered.eligible) : [];
    const slug = knowledge.articles[top?.sentence.articleIndex ?? -1]?.slug;
    const rightIfAnswered =
      slug === article && cited.some((candidate) => holdsAnswer(candidate.sentence.text, question.answers));
    return { impossible: question.impossible, gated, probability, rightIfAnswered };
  });
  const impossible = decided.filter((item) => item.impossible).length;
  const answerable = decided.length - impossible;
  return [0.5, 0.6, 0.7, REFUSAL_MODEL.threshold, 0.8, 0.9].map((threshold) => {
    const refused = decided.filter(
      (item) => item.gated || (item.probability !== undefined && item.probability >= threshold),
    );
    const rightRefusals = refused.filter((item) => item.impossible).length;
    const right = decided.filter((item) => !item.impossible && !refused.includes(item) && item.rightIfAnswered).length;
    return {
      threshold,
      precision: ratio(rightRefusals, refused.length),
      recall: ratio(rightRefusals, impossible),
      right: ratio(right, answerable),
    };
  });
}

function timed<T>(build: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = build();
  return { value, ms: performance.now() - started };
}

/**
 * Crowd-written questions about articles nobody here wrote: each SQuAD article is loaded next to the
 * shipped knowledge, and every question goes to this engine and to the two baselines, interleaved
 * question by question so that they share the machine's load.
 */
export function runSquadEvaluation(options: SquadEvaluationOptions): SquadEvaluationResult {
  const seedSources = readKnowledgeSources(options.seedKnowledgeDirectory);
  const squadSources = options.squad.map(squadArticleSource);
  const knowledge = buildKnowledge([...seedSources, ...squadSources]);
  const squadArticles = knowledge.articles.filter((article) =>
    options.squad.some((squad) => squad.slug === article.slug),
  );

  const builders: Array<() => EvaluatedSystem> = [
    () => engineSystem(createEngine(knowledge)),
    ...(options.vectors
      ? [
          () => ({
            ...engineSystem(createEngine(knowledge, { vectors: options.vectors })),
            id: "engine-vectors",
            label: "This engine + word vectors",
          }),
        ]
      : []),
    () => miniSearchBaseline(knowledge.articles),
    () => fuseBaseline(knowledge.articles),
  ];
  const built = builders.map((build) => timed(build));
  const questions = options.squad.flatMap((article) =>
    article.questions.map((question) => ({ article: article.slug, question })),
  );
  const samples = built.map((): number[] => []);
  const outcomes = built.map((): SquadOutcome[] => []);
  questions.forEach(({ article, question }, index) => {
    for (let offset = 0; offset < built.length; offset += 1) {
      const systemIndex = (index + offset) % built.length;
      const system = built[systemIndex]?.value;
      if (!system) continue;
      const reply = timed(() => system.reply(question.question));
      samples[systemIndex]?.push(reply.ms);
      outcomes[systemIndex]?.push(scoreSquadReply(question, article, reply.value));
    }
  });
  const systems = built.map(({ value, ms }, index) => ({
    id: value.id,
    label: value.label,
    metrics: squadMetrics(outcomes[index] ?? [], samples[index] ?? [], ms),
    outcomes: outcomes[index] ?? [],
  }));

  const seedOnly = createEngine(buildKnowledge(seedSources));
  const squadOnly = createEngine(buildKnowledge(squadSources));
  // Free-text questions only: a slash command such as /search or /when lists what any article holds.
  const isFreeText = (text: string) => {
    const parsed = parseInput(text);
    return parsed.kind === "request" && parsed.command === "ask";
  };
  const seedQuestions = loadQuestionSet(options.seedQuestionSetFile).questions.filter(
    (question) => questionKind(question) !== "meta" && isFreeText(question.q),
  );
  const refusedBy = (engine: ReturnType<typeof createEngine>, texts: readonly string[]) =>
    ratio(texts.filter((text) => !engine.ask(text).answered).length, texts.length);

  return {
    articles: options.squad.map((article) => ({
      title: article.title,
      slug: article.slug,
      sentences: squadArticles.find((candidate) => candidate.slug === article.slug)?.sentences.length ?? 0,
      answerable: article.questions.filter((question) => !question.impossible).length,
      impossible: article.questions.filter((question) => question.impossible).length,
    })),
    systems,
    squadQuestionsWithSeedOnly: refusedBy(
      seedOnly,
      questions.map(({ question }) => question.question),
    ),
    seedQuestionsWithSquadOnly: refusedBy(
      squadOnly,
      seedQuestions.map((question) => question.q),
    ),
    refusalTradeOff: refusalTradeOff(knowledge, questions),
  };
}
