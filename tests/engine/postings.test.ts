import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OccurrenceLog, Postings } from "../../src/engine/postings.js";

/** Sentences as lists of term ids, laid out the way SentenceIndex records them. */
function postingsOf(termCount: number, sentences: readonly (readonly number[])[]): Postings {
  const log = new OccurrenceLog();
  sentences.forEach((terms, sentence) => terms.forEach((term) => log.add(term, sentence)));
  return Postings.fromOccurrences(termCount, log);
}

function listOf(postings: Postings, term: number): Array<[number, number]> {
  const list: Array<[number, number]> = [];
  postings.forEach(term, (sentence, count) => list.push([sentence, count]));
  return list;
}

const TERMS = 6;
const corpus = fc.array(fc.array(fc.integer({ min: 0, max: TERMS - 1 }), { maxLength: 12 }), { maxLength: 60 });

describe("Postings", () => {
  it("GIVEN a term repeated in a sentence THEN the sentence is listed once with the count", () => {
    const postings = postingsOf(3, [[0, 1, 0], [2], [0]]);
    expect(listOf(postings, 0)).toEqual([
      [0, 2],
      [2, 1],
    ]);
    expect(listOf(postings, 1)).toEqual([[0, 1]]);
    expect(postings.frequency(0)).toBe(2);
  });

  it("GIVEN any corpus THEN each term lists exactly the sentences containing it, in order, with counts (property-based)", () => {
    fc.assert(
      fc.property(corpus, (sentences) => {
        const postings = postingsOf(TERMS, sentences);
        for (let term = 0; term < TERMS; term += 1) {
          const expected = sentences.flatMap((terms, sentence): Array<[number, number]> => {
            const count = terms.filter((candidate) => candidate === term).length;
            return count > 0 ? [[sentence, count]] : [];
          });
          expect(listOf(postings, term)).toEqual(expected);
          expect(postings.frequency(term)).toBe(expected.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("GIVEN any range of sentences THEN occursBetween agrees with a plain scan (property-based)", () => {
    fc.assert(
      fc.property(corpus, fc.integer({ min: 0, max: TERMS - 1 }), fc.nat(70), fc.nat(70), (sentences, term, a, b) => {
        const [first, end] = a <= b ? [a, b] : [b, a];
        const expected = sentences.some(
          (terms, sentence) => sentence >= first && sentence < end && terms.includes(term),
        );
        expect(postingsOf(TERMS, sentences).occursBetween(term, first, end)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("GIVEN more occurrences than the log first holds THEN none is lost", () => {
    const sentences = Array.from({ length: 40_000 }, (_, sentence) => [sentence % TERMS, (sentence + 1) % TERMS]);
    const postings = postingsOf(TERMS, sentences);
    const total = Array.from({ length: TERMS }, (_, term) => postings.frequency(term)).reduce(
      (sum, value) => sum + value,
      0,
    );
    expect(total).toBe(80_000);
  });
});
