/** npm run build-lexicon (also run by `prepare` at `npm ci`): WordNet → the word-relation cache the engine reads. */
import { buildWordRelationsFile, WORD_RELATIONS_FILE } from "../../src/lexicon/defaultWordRelations.js";

const started = performance.now();
const table = buildWordRelationsFile();
console.log(
  `${WORD_RELATIONS_FILE}: ${table.split("\n").length} stems, ${(table.length / 1e6).toFixed(1)} MB, ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
