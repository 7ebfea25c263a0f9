import { describe, expect, test } from "vitest";
import { groupGaps } from "../../src/gaps/groupGaps.js";
import { wordingKey } from "../../src/gaps/wordingKey.js";
import type { UnansweredQuestion } from "../../src/store/questionStore.js";

function refused(text: string, minutesAgo: number, overrides: Partial<UnansweredQuestion> = {}): UnansweredQuestion {
  return {
    text,
    askedAt: new Date(Date.UTC(2026, 5, 1, 12) - minutesAgo * 60_000),
    answered: false,
    downVotes: 0,
    citedArticle: undefined,
    citedSentences: [],
    ...overrides,
  };
}

describe("wordingKey", () => {
  test.each([
    ["capital of France?", "What's the capital of france"],
    ["How many tanks does Russia have?", "russia's tanks, how many"],
    ["¿Cuántos tanques tiene Rusia?", "cuantos TANQUES tiene rusia"],
  ])("GIVEN %j and %j THEN they share a key", (first, second) => {
    expect(wordingKey(first)).toBe(wordingKey(second));
  });

  test("GIVEN questions about different things THEN their keys differ", () => {
    expect(wordingKey("capital of France?")).not.toBe(wordingKey("capital of Germany?"));
  });

  test("GIVEN a question of stop words only THEN its key is its words, not empty", () => {
    expect(wordingKey("what is it?")).toBe("is it what");
  });
});

describe("groupGaps", () => {
  test("GIVEN alike and different questions THEN groups are counted, most frequent first, latest wording leading", () => {
    const groups = groupGaps([
      refused("capital of France?", 30),
      refused("How many tanks?", 5),
      refused("What's the capital of france", 10),
      refused("who won the match", 20, { answered: true, downVotes: 2, citedArticle: "a", citedSentences: [4, 5] }),
      refused("Who won the match?", 1),
      refused("capital of France?", 40),
    ]);
    expect(groups.map((group) => [group.question, group.count, group.refused, group.downVotes])).toEqual([
      ["What's the capital of france", 3, 3, 0],
      ["Who won the match?", 2, 1, 2],
      ["How many tanks?", 1, 1, 0],
    ]);
    expect(groups[0]?.examples).toEqual(["What's the capital of france", "capital of France?"]);
    expect(groups[0]?.lastAsked).toEqual(new Date(Date.UTC(2026, 5, 1, 12) - 10 * 60_000));
    expect(groups[1]?.cited).toEqual({ article: "a", sentence: 4 });
  });
});
