import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { SentenceScores } from "../../src/engine/sentenceScores.js";

describe("GIVEN scores added to sentences", () => {
  test("THEN best(n) is the first n of all touched ids sorted by score, ties by lower id", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 49 }), fc.integer({ min: 0, max: 5 })), { maxLength: 120 }),
        fc.integer({ min: 1, max: 12 }),
        (additions, count) => {
          const scores = new SentenceScores(50);
          const expected = new Map<number, number>();
          for (const [id, value] of additions) {
            scores.add(id, value);
            expected.set(id, (expected.get(id) ?? 0) + value);
          }
          const sorted = [...expected].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
          expect(scores.best(count)).toEqual(sorted.slice(0, count));
          for (const [id, value] of expected) expect(scores.get(id)).toBe(value);
        },
      ),
    );
  });

  test("THEN a copy takes more evidence without changing the original, and ids outside the index are ignored", () => {
    const scores = new SentenceScores(3);
    scores.add(1, 2);
    const copy = scores.copy();
    copy.add(1, 1);
    copy.add(2, 5);
    copy.add(7, 9);
    expect([scores.get(1), scores.has(2), scores.ids]).toEqual([2, false, [1]]);
    expect([copy.get(1), copy.get(2), copy.ids]).toEqual([3, 5, [1, 2]]);
  });
});
