/**
 * npm run eval [-- --rounds N] [-- --json] [-- --squad FILE_OR_FOLDER] [-- --vectors]
 * Scores this engine against two baselines (fuse.js with default options, MiniSearch BM25) on the
 * evaluation question sets and prints a Markdown report: the side-by-side table, a per-tag breakdown,
 * and every miss of this engine with what it answered instead. The held-out sets (tests/eval/heldout/,
 * never used for tuning) follow in their own section, then follow-up questions asked in their conversations
 * (evaluation/conversations.ts), tuned and held-out side by side. Always exits 0: the thresholds live in
 * tests/eval/eval.test.ts and apply to the tuned sets only.
 * Then external data: the SQuAD 2.0 file or folder given with --squad (shared/datasets' article by
 * default), scored side by side with the baselines; --vectors adds the engine with word vectors
 * there (converted on first use, about 40 s), to show what they add.
 */
import { existsSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { CONVERSATION_SETS, evaluateConversations, formatConversationReport } from "../evaluation/conversations.js";
import { EVALUATION_SETS, HELDOUT_SETS } from "../evaluation/evaluationSets.js";
import { formatHeldOutSection, formatReport } from "../evaluation/formatReport.js";
import { type EvaluationResult, runEvaluation } from "../evaluation/runEvaluation.js";
import { formatSquadReport } from "../evaluation/squad/formatSquadReport.js";
import { readSquad } from "../evaluation/squad/squadDataset.js";
import { runSquadEvaluation } from "../evaluation/squad/squadEvaluation.js";
import { SHARED_SQUAD_FILE } from "../evaluation/squad/squadSets.js";
import { defaultWordVectors } from "./vectors/buildWordVectors.js";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    json: { type: "boolean", default: false },
    squad: { type: "string", default: SHARED_SQUAD_FILE },
    vectors: { type: "boolean", default: false },
  },
});
const timedRounds = Number.parseInt(values.rounds, 10);
if (!Number.isInteger(timedRounds) || timedRounds < 0) {
  console.error(`--rounds must be a whole number ≥ 0, got "${values.rounds}"`);
  process.exit(2);
}

const evaluate = (set: { knowledgeDirectory: string; questionSetFile: string }): EvaluationResult => {
  const result = runEvaluation({
    knowledgeDirectory: set.knowledgeDirectory,
    questionSetFile: set.questionSetFile,
    timedRounds,
  });
  return { ...result, questionSetFile: relative(process.cwd(), result.questionSetFile) };
};

const results = EVALUATION_SETS.map((set) => ({ set, result: evaluate(set) }));
const heldOut = HELDOUT_SETS.map((set) => ({ set, result: evaluate(set) }));
const conversations = CONVERSATION_SETS.map((set) => ({ set, metrics: evaluateConversations(set) }));
const squadSource = relative(process.cwd(), values.squad);
const squad = existsSync(values.squad)
  ? runSquadEvaluation({
      squad: readSquad(values.squad),
      seedKnowledgeDirectory: fileURLToPath(new URL("../knowledge", import.meta.url)),
      seedQuestionSetFile: fileURLToPath(new URL("../tests/eval/questions.yaml", import.meta.url)),
      ...(values.vectors ? { vectors: defaultWordVectors() } : {}),
    })
  : undefined;

if (values.json) {
  const summarise = (set: { id: string }, result: EvaluationResult, isHeldOut: boolean) => ({
    set: set.id,
    heldOut: isHeldOut,
    ...result,
    systems: result.systems.map(({ outcomes: _outcomes, ...system }) => system),
  });
  const squadSummary = squad && {
    set: "squad",
    source: squadSource,
    ...squad,
    systems: squad.systems.map(({ outcomes: _outcomes, ...system }) => system),
  };
  console.log(
    JSON.stringify(
      [
        ...results.map(({ set, result }) => summarise(set, result, false)),
        ...heldOut.map(({ set, result }) => summarise(set, result, true)),
        ...conversations.map(({ set, metrics }) => ({
          set: `conversations-${set.id}`,
          heldOut: set.heldOut,
          ...metrics,
          misses: set.heldOut ? [] : metrics.misses,
        })),
        ...(squadSummary ? [squadSummary] : []),
      ],
      null,
      2,
    ),
  );
} else {
  console.log("# Answer quality: `npm run eval`\n");
  console.log(
    `Latency: one untimed warm-up pass (the one scored), then ${timedRounds} timed passes with the three systems interleaved question by question; Node ${process.version}.\n`,
  );
  for (const { set, result } of results) {
    console.log(formatReport(set.heading, result));
    console.log("");
  }
  const reports = heldOut.map(({ set, result }) => {
    const tuned = results.find((entry) => entry.set.id === set.tunedCounterpart);
    return {
      heading: set.heading,
      result,
      ...(tuned ? { tuned: { heading: tuned.set.heading, result: tuned.result } } : {}),
    };
  });
  console.log(formatHeldOutSection(reports));
  console.log("");
  console.log(formatConversationReport(conversations));
  console.log("");
  console.log(
    squad ? formatSquadReport(squadSource, squad) : `## External: SQuAD 2.0\n\nSkipped: ${squadSource} does not exist.`,
  );
}
