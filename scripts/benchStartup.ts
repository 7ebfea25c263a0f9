/**
 * `npm run bench:startup`: what a user waits for and how much memory the program takes, side by side with a plain
 * fuse.js script doing the least possible, in one run. Rounds alternate the contestants (the order rotates each round),
 * so that a noisy machine slows all of them alike; the ratio is taken within each round, then its median reported.
 *
 *   npm run bench:startup                 7 rounds
 *   npm run bench:startup -- --rounds 15
 *
 * Contestants, each a fresh process, start-up included:
 * - the plain fuse.js script (scripts/startup/plainFuse.mjs) answering every question of tests/eval/questions.yaml;
 * - `npm run ask -- --json` answering the same questions on standard input;
 * - `npm start` in console mode answering `/who Lavrov`.
 * Then bot mode once: the compiled bot against a fake Discord on 127.0.0.1, answering BOT_INTERACTIONS slash commands.
 * Targets (issue 10): the ask within 3× the plain script, the console's peak RSS within 100 MB, the bot's within 150 MB.
 * It runs the compiled program in dist/, as `npm start` does: run `npm run build` after changing the source.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { EVALUATION_SETS } from "../evaluation/evaluationSets.js";
import { percentile } from "../evaluation/percentile.js";
import { loadQuestionSet } from "../evaluation/questionSet.js";
import { measureBotMode } from "./startup/measureBotMode.js";
import { type CommandRun, measureCommand } from "./startup/measureCommand.js";

const ASK_TARGET_RATIO = 3;
const CONSOLE_TARGET_MB = 100;
const BOT_TARGET_MB = 150;
const BOT_INTERACTIONS = 200;

const fromRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

interface Contestant {
  id: "fuse" | "ask" | "console";
  label: string;
  command: string;
  args: readonly string[];
  stdin: string;
  /** Throws when the output shows the run did not do its work (so a fast failure never passes for a fast run). */
  check(run: CommandRun): void;
}

function contestants(questions: readonly string[], articleFile: string): Contestant[] {
  const stdin = `${questions.join("\n")}\n`;
  const expectJsonLines = (who: string) => (run: CommandRun) => {
    const answers = run.stdout.split("\n").filter((line) => line.startsWith("{"));
    if (run.exitCode !== 0 || answers.length !== questions.length)
      throw new Error(`${who}: exit ${run.exitCode}, ${answers.length} answers to ${questions.length} questions`);
  };
  return [
    {
      id: "fuse",
      label: `plain fuse.js script, ${questions.length} questions`,
      command: process.execPath,
      args: [fromRoot("scripts/startup/plainFuse.mjs"), articleFile],
      stdin,
      check: expectJsonLines("plain fuse.js script"),
    },
    {
      id: "ask",
      label: `npm run ask -- --json, ${questions.length} questions`,
      command: "npm",
      args: ["run", "ask", "--", "--json"],
      stdin,
      check: expectJsonLines("npm run ask"),
    },
    {
      id: "console",
      label: "npm start (console), /who Lavrov",
      command: "npm",
      args: ["start"],
      stdin: "/who Lavrov\n",
      check: (run) => {
        if (run.exitCode !== 0 || !run.stdout.includes("Sergei Lavrov"))
          throw new Error(`npm start: exit ${run.exitCode}, no answer naming Sergei Lavrov`);
      },
    },
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rounds: { type: "string", default: "7" } } });
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error("--rounds must be a positive whole number");
  if (!existsSync(fromRoot("dist/src/main.js")))
    throw new Error("dist/ is missing: run `npm run build` (npm ci does it) first");

  const seed = EVALUATION_SETS.find((set) => set.id === "seed");
  if (!seed) throw new Error("the seed evaluation set is missing");
  const questionSet = loadQuestionSet(seed.questionSetFile);
  const questions = questionSet.questions.map((question) => question.q);
  const racers = contestants(questions, fromRoot(`knowledge/articles/${questionSet.article}.md`));

  console.log(
    `npm run bench:startup: ${rounds} rounds, contestants alternating; ${questions.length} questions from tests/eval/questions.yaml`,
  );
  const runs = new Map<Contestant["id"], CommandRun[]>(racers.map((racer) => [racer.id, []]));
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < racers.length; turn++) {
      const racer = racers[(round + turn) % racers.length];
      if (!racer) continue;
      const run = await measureCommand(racer.command, racer.args, racer.stdin);
      racer.check(run);
      runs.get(racer.id)?.push(run);
    }
    process.stdout.write(`  round ${round + 1}/${rounds} done\n`);
  }

  console.log("");
  console.log(`${"".padEnd(40)} median    fastest   slowest   peak RSS (program, largest run)`);
  for (const racer of racers) {
    const times = (runs.get(racer.id) ?? []).map((run) => run.ms);
    const peak = Math.max(...(runs.get(racer.id) ?? []).map((run) => run.programPeakRssMb));
    console.log(
      `${racer.label.padEnd(40)} ${seconds(percentile(times, 50))}  ${seconds(percentile(times, 0))}  ${seconds(percentile(times, 100))}  ${peak.toFixed(0)} MB`,
    );
  }

  const fuseRuns = runs.get("fuse") ?? [];
  const askRuns = runs.get("ask") ?? [];
  const ratios = askRuns.map((run, index) => run.ms / (fuseRuns[index]?.ms ?? Number.NaN));
  const ratio = percentile(ratios, 50);
  const consolePeak = Math.max(...(runs.get("console") ?? []).map((run) => run.programPeakRssMb));
  console.log("");
  console.log(
    `npm run ask / plain fuse.js, median of the rounds' ratios: ${ratio.toFixed(2)}× (target ≤ ${ASK_TARGET_RATIO}×: ${ratio <= ASK_TARGET_RATIO ? "met" : "MISSED"})`,
  );
  console.log(
    `console peak RSS: ${consolePeak.toFixed(0)} MB (target ≤ ${CONSOLE_TARGET_MB} MB: ${consolePeak <= CONSOLE_TARGET_MB ? "met" : "MISSED"})`,
  );

  const bot = await measureBotMode(BOT_INTERACTIONS);
  if (bot.answered !== BOT_INTERACTIONS || bot.exitCode !== 0)
    throw new Error(`bot mode: ${bot.answered} of ${BOT_INTERACTIONS} answered, exit ${bot.exitCode}`);
  console.log(
    `bot mode peak RSS (node dist/src/main.js, ${BOT_INTERACTIONS} /who interactions from a fake Discord, then SIGTERM): ${bot.peakRssMb.toFixed(0)} MB (target ≤ ${BOT_TARGET_MB} MB: ${bot.peakRssMb <= BOT_TARGET_MB ? "met" : "MISSED"})`,
  );
}

const seconds = (ms: number): string => `${(ms / 1_000).toFixed(2)} s`.padEnd(8);

await main();
