/**
 * npm run train-abstain -- --squad FOLDER_OR_FILE [--squad …] [--min-precision 0.8] [--out FILE]
 *
 * Trains the refusal model (src/engine/answerability/refusalModel.json): a logistic regression over
 * ANSWERABILITY_FEATURES, on development data from many articles:
 * - SQuAD 2.0 articles given with --squad (crowd-written questions, unanswerable ones marked), each
 *   loaded next to the shipped knowledge as the evaluation does, plus some questions of another
 *   article as off-topic ones; articles without unanswerable questions are skipped, and the shared
 *   evaluation article and the reserved ones (Normans, Rhine) are refused, so that nothing is trained
 *   on what it is judged on;
 * - the tuned question sets of the seed and tram articles (tests/eval/questions.yaml, …).
 * The threshold is the lowest whose refusals, predicted for articles held out of the fit (5 folds by
 * article), are right at least --min-precision of the time. Only questions that reach the model count:
 * the ones a gate settles earlier (byline, unknown name, off-topic), and answers from curated facts
 * (which pass hard constraints instead), are not its decision.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ANSWERABILITY_FEATURES, answerabilityFeatures } from "../src/engine/answerability/answerabilityFeatures.js";
import { parseRefusalModel } from "../src/engine/answerability/refusalModel.js";
import { considerQuestion } from "../src/engine/answerQuestion.js";
import { createAnswerContext } from "../src/engine/engine.js";
import { parseInput } from "../src/engine/parseInput.js";
import { SEARCH_CONFIG } from "../src/engine/searchConfig.js";
import { type ArticleSource, buildKnowledge, readKnowledgeSources } from "../src/knowledge/loadKnowledge.js";
import { TRAINING_QUESTION_SETS } from "../evaluation/evaluationSets.js";
import { loadQuestionSet } from "../evaluation/questionSet.js";
import { readSquad, squadArticleSource } from "../evaluation/squad/squadDataset.js";
import { RESERVED_SQUAD_TITLES, SHARED_SQUAD_FILE } from "../evaluation/squad/squadSets.js";
import { auc, type Example, fitLogistic, predict } from "./abstain/logisticRegression.js";

const { values } = parseArgs({
  options: {
    squad: { type: "string", multiple: true, default: [] },
    "min-precision": { type: "string", default: "0.8" },
    /** Questions of another article asked of each article, labelled unanswerable. */
    "off-topic": { type: "string", default: "0" },
    out: {
      type: "string",
      default: fileURLToPath(new URL("../src/engine/answerability/refusalModel.json", import.meta.url)),
    },
  },
});
const minPrecision = Number(values["min-precision"]);
const offTopicPerArticle = Number(values["off-topic"]);
if (values.squad.length === 0 || !(minPrecision > 0 && minPrecision < 1)) {
  console.error(
    "usage: npm run train-abstain -- --squad FOLDER_OR_FILE [--squad …] [--min-precision 0.8] [--out FILE]",
  );
  process.exit(2);
}

interface Labelled extends Example {
  group: string;
}

const seedSources = readKnowledgeSources(fileURLToPath(new URL("../knowledge", import.meta.url)));
const evaluationTitles = new Set(readSquad(SHARED_SQUAD_FILE).map((article) => article.title));

/** Features of every question that reaches the refusal model, in one knowledge. */
function examplesOf(
  group: string,
  sources: readonly ArticleSource[],
  questions: ReadonlyArray<{ text: string; unanswerable: boolean }>,
): Labelled[] {
  const context = createAnswerContext(buildKnowledge(sources));
  return questions.flatMap(({ text, unanswerable }) => {
    const parsed = parseInput(text);
    if (parsed.kind !== "request" || parsed.command !== "ask") return [];
    const considered = considerQuestion(context, text, parsed.argument);
    if (considered.kind !== "ranked") return [];
    const top = considered.eligible[0];
    if (!top || top.score < SEARCH_CONFIG.abstention.minScore || context.view.isCurated(top.sentence.articleIndex))
      return [];
    return [
      {
        group,
        features: answerabilityFeatures(context.view, considered.analysed, considered.eligible),
        label: unanswerable ? 1 : 0,
      },
    ];
  });
}

const examples: Labelled[] = [];
const articles = values.squad
  .flatMap((path) => readSquad(path))
  .filter((article) => {
    const reserved = RESERVED_SQUAD_TITLES.has(article.title) || evaluationTitles.has(article.title);
    if (reserved) console.error(`skipped ${article.title}: reserved for evaluation`);
    return !reserved && article.questions.some((question) => question.impossible);
  });
articles.forEach((article, i) => {
  // The article's own questions, and (as questions it cannot answer) some of the next article's:
  // off-topic questions that share a few words by chance are what a drop-in article mostly meets.
  const offTopic = (articles[(i + 1) % articles.length]?.questions ?? [])
    .filter((question) => !question.impossible)
    .slice(0, offTopicPerArticle);
  const questions = [
    ...article.questions.map((question) => ({ text: question.question, unanswerable: question.impossible })),
    ...offTopic.map((question) => ({ text: question.question, unanswerable: true })),
  ];
  examples.push(...examplesOf(article.title, [...seedSources, squadArticleSource(article)], questions));
  console.error(`${article.title}: ${examples.length} examples so far`);
});
const used = articles.map((article) => article.title);
for (const set of TRAINING_QUESTION_SETS) {
  const questions = loadQuestionSet(set.questionSetFile).questions.filter((question) => question.expect !== "meta");
  examples.push(
    ...examplesOf(
      set.id,
      readKnowledgeSources(set.knowledgeDirectory),
      questions.map((question) => ({ text: question.q, unanswerable: question.expect === "none" })),
    ),
  );
}

// Out-of-fold predictions: five folds of whole articles, so the threshold is judged on unseen articles.
const groups = [...new Set(examples.map((example) => example.group))];
const foldOf = new Map(groups.map((group, i) => [group, i % 5]));
const scored: Array<{ score: number; label: 0 | 1 }> = [];
for (let fold = 0; fold < 5; fold += 1) {
  const model = fitLogistic(examples.filter((example) => foldOf.get(example.group) !== fold));
  for (const example of examples)
    if (foldOf.get(example.group) === fold)
      scored.push({ score: predict(model, example.features), label: example.label });
}

/** Precision and recall of "refuse when score ≥ threshold", over the out-of-fold predictions. */
function tradeOff(threshold: number): { threshold: number; refusals: number; precision: number; recall: number } {
  const refused = scored.filter((item) => item.score >= threshold);
  const right = refused.filter((item) => item.label === 1).length;
  const positives = scored.filter((item) => item.label === 1).length;
  return {
    threshold,
    refusals: refused.length,
    precision: refused.length === 0 ? 1 : right / refused.length,
    recall: positives === 0 ? 0 : right / positives,
  };
}

const curve = Array.from({ length: 99 }, (_, i) => tradeOff((i + 1) / 100));
const chosen = curve.find((point) => point.precision >= minPrecision && point.refusals > 0) ?? tradeOff(1);
const model = fitLogistic(examples);
const result = parseRefusalModel({
  features: [...ANSWERABILITY_FEATURES],
  mean: model.mean,
  scale: model.scale,
  weights: model.weights,
  bias: model.bias,
  threshold: chosen.threshold,
  trainedOn: {
    squadArticles: used,
    questionSets: TRAINING_QUESTION_SETS.map((set) => set.id),
    examples: examples.length,
    unanswerable: examples.filter((example) => example.label === 1).length,
    minPrecision,
    offTopicPerArticle,
    outOfFold: {
      auc: Number(auc(scored).toFixed(3)),
      precision: Number(chosen.precision.toFixed(3)),
      recall: Number(chosen.recall.toFixed(3)),
    },
    tradeOff: curve
      .filter((_, i) => i % 10 === 9)
      .map((point) => ({
        threshold: point.threshold,
        precision: Number(point.precision.toFixed(3)),
        recall: Number(point.recall.toFixed(3)),
      })),
  },
});
writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
console.log(
  JSON.stringify(
    {
      ...result.trainedOn,
      weights: Object.fromEntries(
        ANSWERABILITY_FEATURES.map((name, i) => [name, Number((model.weights[i] ?? 0).toFixed(3))]),
      ),
    },
    null,
    2,
  ),
);
