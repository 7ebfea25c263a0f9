/** npm ci runs this (postinstall): converts the word vectors once into .cache/, so no start-up pays for it. */
import { performance } from "node:perf_hooks";
import { convertWinkVectors, WORD_VECTORS_FILE } from "../src/vectors/buildWordVectors.js";

const started = performance.now();
const count = convertWinkVectors();
console.log(`word vectors: ${count.toLocaleString("en-US")} words → ${WORD_VECTORS_FILE} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
