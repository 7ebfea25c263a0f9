import { describe, expect, test } from "vitest";
import { clauseHolding } from "../../src/engine/answerers/directAnswer.js";
import { seedEngine } from "../support/seedEngine.js";

const engine = seedEngine();

describe("GIVEN questions that use the words of a byline question about something else", () => {
  test("WHEN the source of a river is asked THEN the byline is not the answer", () => {
    const answer = engine.ask("What was the source of the Rhine in the last Ice Age?");
    expect(answer.command).toBe("ask");
    expect(answer.answered).toBe(false);
    expect(answer.text).not.toContain("David William");
  });

  test.each([
    "who wrote this?",
    "what is the source?",
    "who is the author of the article?",
    "which newspaper published it?",
  ])("WHEN %s THEN the source answers", (question) => {
    const answer = engine.ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(/Ambito|David William/);
  });
});

describe("GIVEN a long sentence as the direct answer", () => {
  const sentence =
    "In 1965, after years of work on recursive functions and on the theory of automata, Juris Hartmanis and Richard Stearns, who were then at General Electric, published the paper that gave the field its name, and which introduced time and space complexity classes, the foundations of later work.";

  test("THEN the clauses around what was asked are kept, marked as cut", () => {
    const clause = clauseHolding(sentence, ["Juris Hartmanis"]);
    expect(clause).toContain("Juris Hartmanis and Richard Stearns");
    expect(clause.length).toBeLessThanOrEqual(245);
  });

  test("THEN a short sentence is given whole", () => {
    expect(clauseHolding("Trams run every six minutes.", ["six"])).toBe("Trams run every six minutes.");
  });
});
