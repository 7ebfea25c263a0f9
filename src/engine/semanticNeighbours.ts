import type { WordVectors } from "../vectors/wordVectors.js";

export interface Neighbour {
  /** The index term (stem) of the vocabulary word. */
  term: string;
  surface: string;
  /** Cosine similarity. */
  similarity: number;
  /** CSLS (see WordVectors): similarity corrected for words that are near everything. */
  csls: number;
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
  private readonly hubness: number[] = [];

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
      this.hubness.push(vectors.hubnessOf(surface));
    }
    this.rows = new Int8Array(found.length * vectors.dimensions);
    found.forEach((row, i) => this.rows.set(row, i * vectors.dimensions));
  }

  /** Does the word have a vector (is it a real word, rather than a typo or a name)? */
  knows(word: string): boolean {
    return this.vectors.has(word);
  }

  /** Vocabulary words whose CSLS with the word reaches `minCsls`, best first, at most `limit`, one per term. */
  near(word: string, minCsls: number, limit: number): Neighbour[] {
    const query = this.vectors.row(word);
    if (!query) return [];
    const dimensions = this.vectors.dimensions;
    const queryHubness = this.vectors.hubnessOf(word);
    const best = new Map<string, Neighbour>();
    for (let i = 0; i < this.terms.length; i += 1) {
      const similarity = this.vectors.similarityOfRows(query, this.rows.subarray(i * dimensions, (i + 1) * dimensions));
      const csls = 2 * similarity - queryHubness - (this.hubness[i] ?? 0);
      const term = this.terms[i] ?? "";
      if (csls < minCsls || this.surfaces[i] === word) continue;
      const known = best.get(term);
      if (!known || known.csls < csls) best.set(term, { term, surface: this.surfaces[i] ?? "", similarity, csls });
    }
    return [...best.values()].sort((a, b) => b.csls - a.csls).slice(0, limit);
  }
}
