import type { Ratio } from "../runEvaluation.js";
import type { SquadEvaluationResult, SquadMetrics } from "./squadEvaluation.js";

function percent(value: Ratio): string {
  return Number.isNaN(value.rate) ? "n/a" : `${(value.rate * 100).toFixed(1)}% (${value.hits}/${value.total})`;
}

function milliseconds(value: number): string {
  if (Number.isNaN(value)) return "n/a";
  return value < 1 ? `${(value * 1000).toFixed(0)} µs` : `${value.toFixed(2)} ms`;
}

const ROWS: ReadonlyArray<readonly [string, (metrics: SquadMetrics) => string]> = [
  ["Answerable: gold answer in the answer text or first 3 citations", (m) => percent(m.right)],
  ["Answerable: gold answer in the first citation", (m) => percent(m.top1)],
  ["Refusals that were right (abstention precision)", (m) => percent(m.abstentionPrecision)],
  ["Unanswerable questions refused (abstention recall)", (m) => percent(m.abstentionRecall)],
  ["Median latency per question", (m) => milliseconds(m.latency.medianMs)],
  ["p99 latency per question", (m) => milliseconds(m.latency.p99Ms)],
  ["Index build time (all articles)", (m) => milliseconds(m.buildMs)],
];

/** The SQuAD section of `npm run eval`: the articles, the side-by-side table and the off-topic checks. */
export function formatSquadReport(source: string, result: SquadEvaluationResult): string {
  const questions = result.articles.reduce((sum, article) => sum + article.answerable + article.impossible, 0);
  const header = `| Metric | ${result.systems.map((system) => system.label).join(" | ")} |`;
  const rule = `|---|${result.systems.map(() => "---:").join("|")}|`;
  const body = ROWS.map(
    ([label, value]) => `| ${label} | ${result.systems.map((system) => value(system.metrics)).join(" | ")} |`,
  );
  return [
    "## External: SQuAD 2.0 articles and their crowd-written questions",
    "",
    `Source \`${source}\`: ${result.articles.map((article) => `${article.title} (${article.sentences} sentences; ${article.answerable} answerable, ${article.impossible} unanswerable questions)`).join("; ")}. ${questions} questions in all, each article loaded next to the shipped knowledge. Nobody here wrote these questions; the engine was developed on other SQuAD articles, and the refusal model was never trained on an article evaluated here.`,
    "",
    [header, rule, ...body].join("\n"),
    "",
    "Off-topic questions, which every system should refuse:",
    "",
    `- these SQuAD questions asked with only the shipped knowledge loaded: ${percent(result.squadQuestionsWithSeedOnly)} refused;`,
    `- the seed's free-text questions (byline questions and slash commands aside) asked with only these SQuAD articles loaded: ${percent(result.seedQuestionsWithSquadOnly)} refused.`,
    "",
    "The refusal model's trade-off on these questions, had its threshold been another (it is chosen on development articles, never here; gate refusals count at every threshold):",
    "",
    "| Refuse at | Refusals right (precision) | Unanswerable refused (recall) | Answerable right |",
    "|---:|---:|---:|---:|",
    ...result.refusalTradeOff.map(
      (point) =>
        `| ${point.threshold.toFixed(2)} | ${percent(point.precision)} | ${percent(point.recall)} | ${percent(point.right)} |`,
    ),
  ].join("\n");
}
