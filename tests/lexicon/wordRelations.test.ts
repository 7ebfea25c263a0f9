import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { WordRelations } from "../../src/lexicon/wordRelations.js";

describe("GIVEN a sorted relation table", () => {
  test("THEN every stem in it is found, and no stem outside it", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 40 }),
        fc.stringMatching(/^[a-z]{1,8}$/),
        (stems, probe) => {
          const sorted = [...stems].sort();
          const lookup = WordRelations.fromTable(sorted.map((stem) => `${stem}\t${stem}x ${stem}y`).join("\n"));
          for (const stem of sorted) expect(lookup.relatedStems(stem)).toEqual([`${stem}x`, `${stem}y`]);
          expect(lookup.relatedStems(probe)).toEqual(stems.includes(probe) ? [`${probe}x`, `${probe}y`] : []);
        },
      ),
    );
  });

  test("THEN the empty table relates nothing", () => {
    expect(WordRelations.empty().relatedStems("aid")).toEqual([]);
    expect(WordRelations.empty().size).toBe(0);
  });
});
