import { describe, expect, it } from "vitest";
import { Answer } from "../../src/engine/answer.js";
import { seedArticle, seedEngine, sentenceNumberContaining } from "../support/seedEngine.js";

const engine = seedEngine();

function cited(answer: Answer): number[] {
  return answer.citations.map((citation) => citation.sentence);
}

describe("GIVEN questions the article answers", () => {
  it.each([
    ["/who Lavrov", "Sergei Lavrov", "Sergei Lavrov"],
    ["who is lavrof?", "Sergei Lavrov", "Sergei Lavrov"],
    ["who is Sergey Lavrov?", "Sergei Lavrov", "Sergei Lavrov"],
    ["where will Blinken meet Lavrov?", "Geneva", "in Geneva"],
    ["when will Blinken meet Lavrov?", "Friday", "on Friday"],
    ["how much aid did Washington announce?", "200 million", "200 million dollars"],
    ["how much is $200M in aid?", "200 million", "200 million dollars"],
    ["what does the Kremlin demand?", "NATO", "non-enlargement of NATO"],
    ["¿quién es Zelenski?", "Zelensky", "Volodimir Zelensky"],
    ["¿dónde se reunirán Blinken y Lavrov?", "Geneva", "in Geneva"],
    ["¿cuándo se reunirán Blinken y Lavrov?", "Friday", "on Friday"],
    ["<@123456789012345678> who is stoltenburg?", "Stoltenberg", "Jens Stoltenberg"],
    ["<@!123456789012345678> what is OTAN?", "NATO", "OTAN"],
    ["how many troops has Russia deployed?", "tens of thousands", "tens of thousands of troops"],
    ["who is the head of Ukrainian diplomacy?", "Kuleba", "Dmitro Kuleba"],
    ["where is Blinken expected on Thursday?", "Berlin", "in Berlin on Thursday"],
  ])("%s THEN the answer says %s and cites the sentence with %s", (question, inText, phrase) => {
    const answer = engine.ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain(inText);
    expect(cited(answer)).toContain(sentenceNumberContaining(phrase));
    expect(answer.source).toBe("Ambito");
  });

  it("THEN every citation quotes its sentence verbatim and numbers it from 1", () => {
    const sentences = seedArticle().sentences;
    for (const question of [
      "who is Lavrov?",
      "/aid",
      "/demands",
      "/when",
      "/quote",
      "/search Russia",
      "/summary",
      "/where Geneva",
    ]) {
      const answer = Answer.parse(engine.ask(question));
      for (const citation of answer.citations) expect(citation.text).toBe(sentences[citation.sentence - 1]?.text);
    }
  });

  it("THEN at most three sentences are cited unless the command lists", () => {
    for (const question of ["who is Blinken?", "what about Russia?", "/aid", "/demands", "/summary", "/who Zelensky"]) {
      expect(engine.ask(question).citations.length).toBeLessThanOrEqual(3);
    }
  });
});

describe("GIVEN questions the article does not answer", () => {
  it.each([
    "What is the capital of France?",
    "how many tanks does Russia have?",
    "how much did Germany give?",
    "who won the world cup?",
    "what is Lavrov's age?",
    "when was NATO founded?",
  ])("%s THEN it abstains with suggestions and no citation", (question) => {
    const answer = engine.ask(question);
    expect(answer.answered).toBe(false);
    expect(answer.text).toMatch(/doesn't say|not mentioned/);
    expect(answer.citations).toEqual([]);
    expect(answer.suggestions.length).toBeGreaterThan(0);
  });

  it.each(["who is Boris Johnson?", "/who Macron", "/who Biden"])(
    "%s THEN the name is reported as not mentioned, not matched to another name",
    (question) => {
      const answer = engine.ask(question);
      expect(answer.answered).toBe(false);
      expect(answer.text).toContain("not mentioned in the article");
    },
  );

  it("THEN a suggestion is a command the engine answers", () => {
    const [suggestion] = engine.ask("how much did Germany give?").suggestions;
    expect(suggestion).toBeDefined();
    expect(engine.ask(suggestion?.query ?? "").answered).toBe(true);
  });
});
