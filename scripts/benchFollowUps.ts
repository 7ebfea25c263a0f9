/**
 * npm run bench:follow-ups [-- --sizes 0,10000] [-- --rounds 5]
 * What reading a follow-up in its conversation costs: every follow-up turn of the seed's tuned conversation set
 * (tests/eval/conversations/seed.yaml) asked with its earlier turns (`ask(q, { previous })`) and, interleaved with
 * it in the same run, the same question asked alone (`ask(q)`). Over the seed knowledge alone and over 10,000
 * articles (synthetic ones with the seed among them, as `npm run bench` builds them). Prints medians, p99s and their
 * ratios; the engine is warmed up first, and each round asks every turn both ways.
 */
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { CONVERSATION_SETS, loadConversationSet } from "../evaluation/conversations.js";
import { percentile } from "../evaluation/percentile.js";
import { createEngine } from "../src/engine/engine.js";
import { buildKnowledge, readKnowledgeSources } from "../src/knowledge/loadKnowledge.js";
import { syntheticSources } from "./syntheticCorpus.js";

const { values } = parseArgs({
  options: { sizes: { type: "string", default: "0,10000" }, rounds: { type: "string", default: "5" } },
});
const sizes = values.sizes.split(",").map((size) => Number.parseInt(size, 10));
const rounds = Number.parseInt(values.rounds, 10);
if (sizes.some((size) => !Number.isInteger(size) || size < 0) || !Number.isInteger(rounds) || rounds < 1) {
  console.error("--sizes takes whole numbers (0 = the seed knowledge alone), --rounds a whole number ≥ 1");
  process.exit(2);
}

const seedSet = CONVERSATION_SETS.find((set) => set.id === "seed");
if (!seedSet) throw new Error("the seed conversation set is missing");
const turns = loadConversationSet(seedSet.file).conversations.flatMap(({ turns: conversation }) =>
  conversation.slice(1).map((turn, index) => ({
    question: turn.q,
    previous: conversation.slice(0, index + 1).map((earlier) => earlier.q),
  })),
);

const median = (samples: number[]) => percentile(samples, 50);
const format = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);

console.log(`# Follow-ups: asked in their conversation vs alone (\`npm run bench:follow-ups\`)\n`);
console.log(
  `${turns.length} later turns of ${seedSet.file.split("/").slice(-3).join("/")}, ${rounds} rounds, both ways interleaved turn by turn; Node ${process.version}.\n`,
);
console.log("| Knowledge | Alone: median / p99 | In conversation: median / p99 | Ratio of medians / of p99s |");
console.log("|---|---:|---:|---:|");
const real = readKnowledgeSources(fileURLToPath(new URL("../knowledge", import.meta.url)));
for (const size of sizes) {
  const sources = size === 0 ? real : syntheticSources({ articles: size, real });
  const engine = createEngine(buildKnowledge(sources));
  for (const turn of turns) engine.ask(turn.question, { previous: turn.previous });
  const alone: number[] = [];
  const inConversation: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const turn of turns) {
      let start = performance.now();
      engine.ask(turn.question);
      alone.push(performance.now() - start);
      start = performance.now();
      engine.ask(turn.question, { previous: turn.previous });
      inConversation.push(performance.now() - start);
    }
  }
  const label = size === 0 ? "seed article" : `${size.toLocaleString("en")} articles`;
  console.log(
    `| ${label} | ${format(median(alone))} / ${format(percentile(alone, 99))} | ${format(median(inConversation))} / ${format(percentile(inConversation, 99))} | ${(median(inConversation) / median(alone)).toFixed(2)}× / ${(percentile(inConversation, 99) / percentile(alone, 99)).toFixed(2)}× |`,
  );
}
