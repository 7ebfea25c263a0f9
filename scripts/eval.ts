/**
 * npm run eval [-- --rounds N] [-- --json]
 * Scores this engine against two baselines (fuse.js with default options, MiniSearch BM25) on the
 * evaluation question sets and prints a Markdown report: the side-by-side table, a per-tag breakdown,
 * and every miss of this engine with what it answered instead. Always exits 0: the thresholds live in
 * tests/eval/eval.test.ts.
 */
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { EVALUATION_SETS } from "../tests/eval/evaluationSets.js";
import { formatReport } from "../tests/eval/formatReport.js";
import { runEvaluation } from "../tests/eval/runEvaluation.js";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "5" }, json: { type: "boolean", default: false } } });
const timedRounds = Number.parseInt(values.rounds, 10);
if (!Number.isInteger(timedRounds) || timedRounds < 0) {
  console.error(`--rounds must be a whole number ≥ 0, got "${values.rounds}"`);
  process.exit(2);
}

const results = EVALUATION_SETS.map((set) => ({ set, result: runEvaluation({ knowledgeDirectory: set.knowledgeDirectory, questionSetFile: set.questionSetFile, timedRounds }) }));

if (values.json) {
  console.log(JSON.stringify(results.map(({ set, result }) => ({ set: set.id, ...result, systems: result.systems.map(({ outcomes: _outcomes, ...system }) => system) })), null, 2));
} else {
  console.log("# Answer quality: `npm run eval`\n");
  console.log(`Latency: one untimed warm-up pass (the one scored), then ${timedRounds} timed passes with the three systems interleaved question by question; Node ${process.version}.\n`);
  for (const { set, result } of results) {
    console.log(formatReport(set.heading, { ...result, questionSetFile: relative(process.cwd(), result.questionSetFile) }));
    console.log("");
  }
}
