import { describe, expect, test } from "vitest";
import { createEngine } from "../../src/engine/engine.js";
import { loadKnowledge } from "../../src/knowledge/loadKnowledge.js";

const seed = createEngine(loadKnowledge("knowledge"));
const tram = createEngine(loadKnowledge("tests/fixtures/second-article/knowledge"));

describe("GIVEN commands named after curated topics (/aid, /demands)", () => {
  test("WHEN the seed's facts curate the topic THEN the topic's answer is given with its sentences", () => {
    const answer = seed.ask("/aid");
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain("200 million");
    expect(answer.citations.map((citation) => citation.sentence)).toContain(6);
  });

  test("WHEN no article curates the topic THEN the command says so instead of answering from some sentence that uses the word", () => {
    for (const command of ["aid", "demands"]) {
      const answer = tram.ask(`/${command}`);
      expect(answer.answered).toBe(false);
      expect(answer.text).toBe(`No article here has curated facts for /${command}; ask in your own words with /ask.`);
      expect(answer.suggestions.length).toBeGreaterThan(0);
    }
  });

  test("WHEN a free-text question touches a curated topic it misses THEN the topic's command is offered under the topic's own name", () => {
    const answer = seed.ask("how many tanks are in the aid package?");
    expect(answer.answered).toBe(false);
    expect(answer.suggestions).toContainEqual({ label: "Aid to Ukraine", query: "/aid" });
  });
});

describe("GIVEN /who, which reads its argument as a 'who' question about itself", () => {
  test("WHEN the argument describes someone rather than naming them THEN the sentence that names them answers", () => {
    const answer = seed.ask("/who NATO chief");
    expect(answer.text).toContain("Stoltenberg");
    expect(answer.citations[0]?.sentence).toBe(17);
  });

  test("WHEN the argument is a listing word THEN it is not read as a request for the timeline", () => {
    const answer = seed.ask("/who timeline");
    expect(answer.command).toBe("who");
    expect(answer.answered).toBe(false);
  });

  test("WHEN a capitalised name is the whole argument and the article lacks it THEN it is 'not mentioned'", () => {
    expect(seed.ask("/who Macron").text).toBe("“Macron” is not mentioned in the article.");
  });
});
