import { describe, expect, it } from "vitest";
import { COMMAND_CATALOGUE } from "../../src/engine/commandCatalogue.js";
import { seedArticle, seedEngine, sentenceNumberContaining } from "../support/seedEngine.js";

const engine = seedEngine();

describe("GIVEN each command", () => {
  it("/aid THEN the amount and the aid sentence", () => {
    const answer = engine.run({ command: "aid" });
    expect(answer.text).toContain("200 million");
    expect(answer.citations.map((c) => c.sentence)).toContain(sentenceNumberContaining("200 million dollars"));
  });

  it("/demands THEN NATO's non-expansion and the demand sentences", () => {
    const answer = engine.run({ command: "demands" });
    expect(answer.text).toMatch(/NATO/);
    expect(answer.citations.map((c) => c.sentence)).toContain(sentenceNumberContaining("non-enlargement of NATO"));
  });

  it("/when THEN a timeline from Wednesday to Friday, in order", () => {
    const answer = engine.run({ command: "when" });
    const days = answer.text.split("\n").map((line) => line.split(":")[0]);
    expect(days[0]).toBe("Wednesday");
    expect(days.at(-1)).toBe("Friday");
    expect(days.indexOf("Thursday")).toBeGreaterThan(days.lastIndexOf("Wednesday"));
    expect(answer.page).toEqual({ number: 1, count: 1 });
  });

  it("/where with no place THEN Geneva, Kiev and Berlin with what happens there", () => {
    const answer = engine.run({ command: "where" });
    for (const place of ["Geneva", "Kiev", "Berlin"]) expect(answer.text).toContain(place);
  });

  it.each(["Ginebra", "geneve", "Genava"])("/where %s THEN Geneva", (place) => {
    expect(engine.run({ command: "where", argument: place }).text).toMatch(/^Geneva/);
  });

  it("/where Atlantis THEN not mentioned", () => {
    const answer = engine.run({ command: "where", argument: "Atlantis" });
    expect(answer.answered).toBe(false);
    expect(answer.text).toContain("not mentioned");
  });

  it("/quote Stoltenberg THEN his words, verbatim in the cited sentence", () => {
    const answer = engine.run({ command: "quote", argument: "Stoltenberg" });
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.text).toContain("in the face of the threat from Russia");
  });

  it("/quote Putin THEN says the article quotes no words of him", () => {
    const answer = engine.run({ command: "quote", argument: "Putin" });
    expect(answer.answered).toBe(false);
    expect(answer.text).toContain("quotes no words");
  });

  it("/search troops border THEN the troops sentence first", () => {
    const answer = engine.run({ command: "search", argument: "troops border" });
    expect(answer.citations[0]?.sentence).toBe(sentenceNumberContaining("tens of thousands of troops"));
  });

  it("/search Russia THEN pages of five, and page 2 continues page 1", () => {
    const first = engine.run({ command: "search", argument: "Russia" });
    const second = engine.run({ command: "search", argument: "Russia", page: 2 });
    expect(first.citations).toHaveLength(5);
    expect(first.page?.count).toBeGreaterThan(1);
    expect(second.page?.number).toBe(2);
    const firstNumbers = new Set(first.citations.map((c) => c.sentence));
    expect(second.citations.some((c) => firstNumbers.has(c.sentence))).toBe(false);
  });

  it("/search with page:2 typed THEN the second page", () => {
    expect(engine.ask("/search Russia page:2").page?.number).toBe(2);
  });

  it("/summary THEN a curated summary citing the article", () => {
    const answer = engine.run({ command: "summary" });
    expect(answer.text).toMatch(/Geneva/);
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it("/source THEN Ambito, the title and the byline, not as article sentences", () => {
    const answer = engine.run({ command: "source" });
    expect(answer.text).toContain("Ambito");
    expect(answer.text).toContain(seedArticle().meta.title);
    expect(answer.text).toContain("David William");
    expect(answer.citations).toEqual([]);
  });

  it("/help THEN every command of the catalogue", () => {
    const text = engine.run({ command: "help" }).text;
    for (const command of COMMAND_CATALOGUE) expect(text).toContain(`/${command.name}`);
  });

  it.each([
    ["when?", "when"],
    ["¿dónde?", "where"],
    ["what is the timeline?", "when"],
    ["what is this article about?", "summary"],
  ] as const)("free text %s THEN the %s listing", (question, command) => {
    const answer = engine.ask(question);
    expect(answer.command).toBe(command);
    expect(answer.answered).toBe(true);
  });

  it("who wrote this article? THEN the byline", () => {
    expect(engine.ask("who wrote this article?").text).toContain("David William");
  });
});

describe("GIVEN autocomplete and context", () => {
  it.each([
    ["who", "zelen", "Volodimir Zelensky"],
    ["where", "kyiv", "Kiev"],
    ["who", "otan", "NATO"],
    ["quote", "blink", "Blinken"],
  ] as const)("%s box with %s THEN %s first", (kind, partial, expected) => {
    expect(engine.autocomplete(kind, partial)[0]?.name).toBe(expected);
  });

  it("THEN an empty box shows the main names, and garbage shows at most 25 safe choices", () => {
    expect(engine.autocomplete("who", "").length).toBeGreaterThan(3);
    for (const garbage of ["\u0000\u0001", "x".repeat(5000), "<@&123>", "((((", "🙂"]) {
      const choices = engine.autocomplete("who", garbage);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
    }
  });

  it("THEN context gives the sentence with its neighbours, and nothing for a sentence that does not exist", () => {
    const context = engine.context("blinken-lavrov-geneva", 2);
    expect(context?.sentences.map((s) => s.number)).toEqual([1, 2, 3]);
    expect(engine.context("blinken-lavrov-geneva", 99)).toBeUndefined();
    expect(engine.context("no-such-article", 1)).toBeUndefined();
  });
});
