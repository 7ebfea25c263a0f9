import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { words } from "../../src/text/normalize.js";
import { WordIds } from "../../src/text/wordIds.js";
import { seedArticle } from "../support/seedEngine.js";

function scannedWords(table: WordIds, text: string): string[] {
  const count = table.scan(text);
  return Array.from(table.ids.subarray(0, count), (id) => table.words[id] ?? `<no word ${id}>`);
}

/** Text built to hit the edges of words(): possessives, underscores, case, digits, accents, controls. */
const wordishText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc
    .array(
      fc.constantFrom(
        "Russia",
        "'s",
        "'S",
        "s",
        "_",
        "'",
        " ",
        "Lavrov's",
        "it's_",
        "200",
        "Ginebra",
        "Ginébra",
        "KYIV",
        "\u212A",
        "\u00DF",
        "\u2019s",
        "\t",
        "\n",
        "\u0000",
        "x",
        "'s'",
        "-",
      ),
      { maxLength: 20 },
    )
    .map((parts) => parts.join("")),
);

describe("WordIds", () => {
  it("GIVEN the seed article THEN it reads the same words as words(), sentence by sentence", () => {
    const table = new WordIds();
    for (const sentence of seedArticle().sentences)
      expect(scannedWords(table, sentence.text)).toEqual(words(sentence.text));
  });

  it("GIVEN any text THEN it reads the same words as words() (property-based)", () => {
    const table = new WordIds();
    fc.assert(
      fc.property(wordishText, (text) => {
        expect(scannedWords(table, text)).toEqual(words(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it("GIVEN the same word in different cases and texts THEN it has one id, and distinct words have distinct ids", () => {
    const table = new WordIds();
    const first = scannedWords(table, "Lavrov met BLINKEN in Geneva.");
    const again = scannedWords(table, "blinken and lavrov, Geneva");
    expect(again).toEqual(["blinken", "and", "lavrov", "geneva"]);
    expect(table.words).toEqual([...new Set([...first, ...again])]);
  });

  it("GIVEN two words with the same hash THEN each keeps its own id", () => {
    // "yaczf" and "glbpp" collide under 32-bit FNV-1a, the table's hash: found by search, not chosen.
    const table = new WordIds();
    expect(scannedWords(table, "yaczf glbpp yaczf glbpp")).toEqual(["yaczf", "glbpp", "yaczf", "glbpp"]);
    expect(table.words).toEqual(["yaczf", "glbpp"]);
  });

  it("GIVEN a text that folds into more words than it has characters THEN none is lost", () => {
    const text = "\u00BD ".repeat(300); // "½" folds to "1⁄2": two words from one character
    expect(scannedWords(new WordIds(), text)).toEqual(words(text));
    expect(words(text)).toHaveLength(600);
  });

  it("GIVEN more words than its table first holds THEN every word keeps its own id", () => {
    const table = new WordIds();
    const many = Array.from({ length: 20_000 }, (_, index) => `w${index.toString(36)}`);
    expect(scannedWords(table, many.join(" "))).toEqual(many);
    expect(scannedWords(table, many.slice(0, 50).reverse().join(" "))).toEqual(many.slice(0, 50).reverse());
  });
});
