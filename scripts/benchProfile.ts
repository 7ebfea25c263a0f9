/**
 * Profiling helper for `npm run bench`: builds the engine on N articles (seed + synthetic) and asks
 * the bench questions (after as many warm-up rounds), so a CPU profile shows where build and answer time go:
 *   node --cpu-prof --cpu-prof-dir=.bench-cache/profiles --import tsx scripts/benchProfile.ts 1000 [rounds] [question filter]
 * (1 article = the real knowledge alone.) Prints the mean answer time per question on standard error.
 */
import { join } from "node:path";
import { createEngine } from "../src/engine/engine.js";
import { buildKnowledge, readKnowledgeSources } from "../src/knowledge/loadKnowledge.js";
import { BENCH_QUESTIONS } from "./benchQuestions.js";
import { syntheticSources } from "./syntheticCorpus.js";

const articles = Number(process.argv[2] ?? "1000");
const rounds = Number(process.argv[3] ?? "3");
const filter = (process.argv[4] ?? "").toLowerCase();
const real = readKnowledgeSources(join(import.meta.dirname, "..", "knowledge"));
const sources = articles <= real.length ? real : syntheticSources({ articles, real });
let start = performance.now();
const knowledge = buildKnowledge(sources);
console.error(`knowledge: ${Math.round(performance.now() - start)} ms`);
start = performance.now();
const engine = createEngine(knowledge);
console.error(`index: ${Math.round(performance.now() - start)} ms`);
const questions = BENCH_QUESTIONS.filter((candidate) => candidate.text.toLowerCase().includes(filter));
// Warm every question up first, so the first ones timed are not also paying for the JIT.
for (let round = 0; round < rounds; round += 1) for (const question of questions) engine.ask(question.text);
for (const question of questions) {
  start = performance.now();
  for (let round = 0; round < rounds; round += 1) engine.ask(question.text);
  console.error(`${((performance.now() - start) / rounds).toFixed(3)} ms  ${question.text}`);
}
