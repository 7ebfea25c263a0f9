import type { WordVectors } from "../vectors/wordVectors.js";

export interface Neighbour {
  /** The index term (stem) of the vocabulary word. */
  term: string;
  surface: string;
  similarity: number;
}

/**
 * The knowledge's own words that mean nearly the same as a question word ("soldiers" → troops,
 * "assistance" → aid), by cosine similarity of word vectors. The vocabulary's vectors are packed in
 * one array, so a look-up is a scan of integer dot products: about a millisecond per 10,000 words.
 * Only words the knowledge lacks are looked up (see analyseQuestion).
 */
export class SemanticNeighbours {
  private readonly rows: Int8Array;
  private readonly surfaces: string[] = [];
  private readonly terms: string[] = [];

  constructor(
    private readonly vectors: WordVectors,
    vocabulary: Iterable<readonly [surface: string, term: string]>,
  ) {
    const found: Int8Array[] = [];
    for (const [surface, term] of vocabulary) {
      const row = vectors.row(surface);
      if (!row) continue;
      found.push(row);
      this.surfaces.push(surface);
      this.terms.push(term);
    }
    this.rows = new Int8Array(found.length * vectors.dimensions);
    found.forEach((row, i) => this.rows.set(row, i * vectors.dimensions));
  }

  /** Vocabulary words at least `minSimilarity` close to the word, best first, at most `limit`, one per term. */
  near(word: string, minSimilarity: number, limit: number): Neighbour[] {
    const query = this.vectors.row(word);
    if (!query) return [];
    const dimensions = this.vectors.dimensions;
    const best = new Map<string, Neighbour>();
    for (let i = 0; i < this.terms.length; i += 1) {
      const similarity = this.vectors.similarityOfRows(query, this.rows.subarray(i * dimensions, (i + 1) * dimensions));
      const term = this.terms[i] ?? "";
      if (similarity < minSimilarity || this.surfaces[i] === word) continue;
      const known = best.get(term);
      if (!known || known.similarity < similarity) best.set(term, { term, surface: this.surfaces[i] ?? "", similarity });
    }
    return [...best.values()].sort((a, b) => b.similarity - a.similarity).slice(0, limit);
  }
}
