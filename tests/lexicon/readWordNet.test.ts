import { describe, expect, test } from "vitest";
import { formatRelationTable, readWordRelations } from "../../src/lexicon/readWordNet.js";
import { WordRelations } from "../../src/lexicon/wordRelations.js";

// A four-synset dictionary in WordNet's own file format (tests/fixtures/wordnet).
const DICTIONARY = "tests/fixtures/wordnet";

describe("GIVEN a WordNet dictionary", () => {
  test("THEN a word relates to the other words of its most frequent sense and to what derives from it", () => {
    const relations = readWordRelations(DICTIONARY, 1);
    // aid's first sense holds "assistance" (stem assist); "military_aid" is not a single word.
    expect([...(relations.get("aid") ?? [])]).toEqual(["assist"]);
  });

  test("THEN rarer senses count only when asked for", () => {
    expect(relations(1, "aid")).not.toContain("crutch");
    expect(relations(2, "aid")).toContain("crutch");
  });

  test("THEN a derivation belongs to the word it is made from, not to its synonyms", () => {
    // "abet" derives from "assistance" only: it is related to assistance (stem assist), not to aid.
    expect(relations(2, "assist")).toEqual(expect.arrayContaining(["aid", "abet"]));
    expect(relations(2, "aid")).not.toContain("abet");
  });

  test("THEN the table it writes is read back by bisection", () => {
    const table = formatRelationTable(readWordRelations(DICTIONARY, 2));
    const lookup = WordRelations.fromTable(table);
    expect(lookup.relatedStems("aid")).toEqual(["assist", "crutch"]);
    expect(lookup.relatedStems("abet")).toEqual([]);
  });
});

function relations(senses: number, word: string): string[] {
  return [...(readWordRelations(DICTIONARY, senses).get(word) ?? [])];
}
