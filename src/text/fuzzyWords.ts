import { distance as levenshtein } from "fastest-levenshtein";
import type * as passjoinModule from "mnemonist/passjoin-index.js";
import { createRequire } from "node:module";
import { editDistance } from "./editDistance.js";

/** How many typing mistakes a word of this length may carry: one up to 8 letters, two from 9. */
export function allowedEdits(word: string): number {
  return word.length >= 9 ? 2 : 1;
}

const MAX_EDITS = 2;

// mnemonist's package entry loads all of its forty structures at every start-up; this one file is enough.
// Its per-structure files are exported for require() only, hence createRequire. The file sets module.exports to the
// class while its typings say `export default`, which TypeScript reads from ESM as `.default.default`.
const PassjoinIndex = createRequire(import.meta.url)(
  "mnemonist/passjoin-index.js",
) as typeof passjoinModule.default.default;

/**
 * Words within a small edit distance of a query word, found through a Pass-Join index (mnemonist):
 * it looks only at words sharing an exact segment with the query, so a lookup costs microseconds
 * whether the vocabulary has 300 words or 30,000. Fuse.js scores every word instead (measured in
 * docs/ENGINE_DESIGN.md), which is fine for a 25-name autocomplete box but not for every word of every question.
 */
export class FuzzyWords {
  private readonly index = new PassjoinIndex<string>(levenshtein, MAX_EDITS);

  constructor(words: Iterable<string>) {
    for (const word of words) if (word.length > MAX_EDITS) this.index.add(word);
  }

  /** Candidates best first; adjacent transpositions count as one edit ("lavrvo" → "lavrov"). */
  near(word: string): Array<{ word: string; edits: number }> {
    if (word.length <= MAX_EDITS) return [];
    const limit = allowedEdits(word);
    const found: Array<{ word: string; edits: number }> = [];
    for (const candidate of this.index.search(word)) {
      const edits = editDistance(word, candidate, limit);
      if (edits <= limit && candidate !== word) found.push({ word: candidate, edits });
    }
    return found.sort((a, b) => a.edits - b.edits || a.word.localeCompare(b.word));
  }
}
