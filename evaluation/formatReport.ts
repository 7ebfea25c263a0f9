import type { EvaluationResult, Miss, Ratio, SystemMetrics, SystemResult } from "./runEvaluation.js";

function percent(value: Ratio): string {
  return Number.isNaN(value.rate) ? "n/a" : `${(value.rate * 100).toFixed(1)}% (${value.hits}/${value.total})`;
}

function milliseconds(value: number): string {
  if (Number.isNaN(value)) return "n/a";
  return value < 1 ? `${(value * 1000).toFixed(0)} µs` : `${value.toFixed(2)} ms`;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Markdown table cells must not contain a bare pipe. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

interface Row {
  label: string;
  value: (metrics: SystemMetrics, system: SystemResult) => string;
}

export function formatTable(result: EvaluationResult): string {
  const { counts } = result;
  const rows: Row[] = [
    { label: `Top-1 sentence accuracy (${counts.answerable} answerable)`, value: (m) => percent(m.top1) },
    { label: "Top-3 sentence accuracy", value: (m) => percent(m.top3) },
    { label: "MRR (first 10 ranked)", value: (m) => (Number.isNaN(m.mrr) ? "n/a" : m.mrr.toFixed(3)) },
    {
      label: `Correct abstention = abstention recall (${counts.none} unanswerable)`,
      value: (m) => percent(m.abstentionRecall),
    },
    { label: "Abstention precision", value: (m) => percent(m.abstentionPrecision) },
    { label: `Byline/source/summary answered with the expected words (${counts.meta})`, value: (m) => percent(m.meta) },
    {
      label: "Answer text holds the expected words",
      value: (m, s) => (s.id === "engine" ? percent(m.mustContain) : "n/a"),
    },
    { label: `All questions correct (${counts.questions})`, value: (m) => percent(m.overall) },
    { label: "Median latency per question", value: (m) => milliseconds(m.latency.medianMs) },
    { label: "p99 latency per question", value: (m) => milliseconds(m.latency.p99Ms) },
    { label: "Index build time", value: (m) => milliseconds(m.buildMs) },
  ];
  const header = `| Metric | ${result.systems.map((system) => system.label).join(" | ")} |`;
  const rule = `|---|${result.systems.map(() => "---:").join("|")}|`;
  const body = rows.map(
    (row) =>
      `| ${row.label} | ${result.systems.map((system) => cell(row.value(system.metrics, system))).join(" | ")} |`,
  );
  return [header, rule, ...body].join("\n");
}

export function formatTagTable(result: EvaluationResult): string {
  const tags = [...new Set(result.systems.flatMap((system) => Object.keys(system.byTag)))].sort();
  const header = `| Tag | n | ${result.systems.map((system) => system.label).join(" | ")} |`;
  const rule = `|---|---:|${result.systems.map(() => "---:").join("|")}|`;
  const body = tags.map((tag) => {
    const total = result.systems.map((system) => system.byTag[tag]?.total ?? 0).find((n) => n > 0) ?? 0;
    const cells = result.systems.map((system) => {
      const value = system.byTag[tag];
      return value && !Number.isNaN(value.rate) ? `${(value.rate * 100).toFixed(0)}%` : "n/a";
    });
    return `| ${tag} | ${total} | ${cells.join(" | ")} |`;
  });
  return [header, rule, ...body].join("\n");
}

export function formatMiss(miss: Miss): string {
  const expected = Array.isArray(miss.expect) ? `[${miss.expect.join(", ")}]` : miss.expect;
  const citation = miss.firstCitation
    ? `#${miss.firstCitation.sentence} “${oneLine(miss.firstCitation.text, 90)}”`
    : "none";
  return [
    `- \`${miss.question}\` (expect ${expected}${miss.tags.length > 0 ? `; ${miss.tags.join(", ")}` : ""})`,
    `  - ${miss.reasons.join("; ")}`,
    `  - got: command=${miss.command ?? "n/a"} answered=${miss.answered} first citation=${citation}`,
    `  - text: ${oneLine(miss.text, 240) || "(empty)"}`,
  ].join("\n");
}

/** The full Markdown report of one evaluation: headline table, per-tag table, and the misses of one system. */
export function formatReport(heading: string, result: EvaluationResult, missesOf: string = "engine"): string {
  const { counts } = result;
  const system = result.systems.find((candidate) => candidate.id === missesOf);
  const lines = [
    `## ${heading}`,
    "",
    `Article \`${result.article}\` (${result.source}, ${result.sentenceCount} sentences); ${counts.questions} questions: ${counts.answerable} answerable, ${counts.none} the article does not answer, ${counts.meta} about the byline/source/summary. Question set: \`${result.questionSetFile}\`.`,
    "",
    formatTable(result),
    "",
    "<details><summary>By tag (share of questions correct by their kind's criterion)</summary>",
    "",
    formatTagTable(result),
    "",
    "</details>",
  ];
  if (system) {
    lines.push("", `### Misses of ${system.label} (${system.misses.length})`, "");
    lines.push(system.misses.length === 0 ? "None." : system.misses.map(formatMiss).join("\n"));
  }
  return lines.join("\n");
}

export const HELDOUT_SECTION_TITLE = "Held-out questions, not used for tuning";

/** One held-out set's result, with the tuned set over the same knowledge when it was run too. */
export interface HeldOutReport {
  heading: string;
  result: EvaluationResult;
  tuned?: { heading: string; result: EvaluationResult };
}

function engineMetrics(result: EvaluationResult): SystemMetrics | undefined {
  return result.systems.find((system) => system.id === "engine")?.metrics;
}

/** The engine's headline numbers on each tuned set beside its held-out set: the gap is the tuning optimism. */
export function formatTunedVersusHeldOut(reports: readonly HeldOutReport[]): string {
  const header =
    "| Knowledge | Engine top-1, tuned set | Engine top-1, held-out | Correct abstention, tuned set | Correct abstention, held-out |";
  const rule = "|---|---:|---:|---:|---:|";
  const show = (metrics: SystemMetrics | undefined, pick: (m: SystemMetrics) => Ratio) =>
    metrics ? percent(pick(metrics)) : "n/a";
  const body = reports.map(({ heading, result, tuned }) => {
    const heldOut = engineMetrics(result);
    const tunedMetrics = tuned ? engineMetrics(tuned.result) : undefined;
    return `| ${cell(tuned?.heading ?? heading)} | ${show(tunedMetrics, (m) => m.top1)} | ${show(heldOut, (m) => m.top1)} | ${show(tunedMetrics, (m) => m.abstentionRecall)} | ${show(heldOut, (m) => m.abstentionRecall)} |`;
  });
  return [header, rule, ...body].join("\n");
}

/**
 * The held-out part of the report, kept apart from the tuned sets: a title, what the sets are, the
 * tuned-versus-held-out summary, then each held-out set's full report one heading level down.
 */
export function formatHeldOutSection(reports: readonly HeldOutReport[]): string {
  const lines = [
    `# ${HELDOUT_SECTION_TITLE}`,
    "",
    "Written from the article text alone, without running the engine or reading the tuned question sets; no engine change is tuned against them and no test enforces a floor on them, so these are the honest numbers. The sets above were used for tuning and are optimistic.",
    "",
    formatTunedVersusHeldOut(reports),
  ];
  for (const { heading, result } of reports) lines.push("", formatReport(heading, result).replace(/^(#+) /gm, "#$1 "));
  return lines.join("\n");
}
