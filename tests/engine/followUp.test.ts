import { describe, expect, test } from "vitest";
import { Answer } from "../../src/engine/answer.js";
import { createEngine } from "../../src/engine/engine.js";
import { MAX_EARLIER_TURNS, needsContext } from "../../src/engine/followUp.js";
import { loadKnowledge } from "../../src/knowledge/loadKnowledge.js";
import { seedEngine, sentenceNumberContaining } from "../support/seedEngine.js";

const engine = seedEngine();
const GENEVA = sentenceNumberContaining("Sergei Lavrov on Friday in Geneva");
const AID = sentenceNumberContaining("200 million");

/** Asks the turns in order, each with the ones before it as its conversation; returns every answer. */
function converse(...turns: string[]): Answer[] {
  return turns.map((turn, index) => Answer.parse(engine.ask(turn, { previous: turns.slice(0, index) })));
}

describe("GIVEN a question that may lean on earlier turns", () => {
  test.each([
    "and where will he meet Blinken?",
    "what did she say?",
    "why?",
    "¿y cuándo?",
    "and Putin?",
    "what about the aid?",
    "¿y qué dijo él?",
  ])("needsContext(%j) is true", (text) => expect(needsContext(text)).toBe(true));

  test.each([
    "who is Lavrov?",
    "where will Blinken meet Lavrov?",
    "how much aid did Washington announce?",
    "/who Putin",
  ])("needsContext(%j) is false: it stands on its own", (text) => expect(needsContext(text)).toBe(false));
});

describe("GIVEN the seed article and a conversation", () => {
  test("WHEN 'and where will he meet Blinken?' follows 'who is Lavrov?' THEN it is Geneva, read about Sergei Lavrov", () => {
    const [, followUp] = converse("who is Lavrov?", "and where will he meet Blinken?");
    expect(followUp?.answered).toBe(true);
    expect(followUp?.text).toContain("Geneva");
    expect(followUp?.citations[0]?.sentence).toBe(GENEVA);
    expect(followUp?.about).toBe("Sergei Lavrov");
    // The question as read is self-contained, so paging and feedback can re-run it without the conversation.
    expect(followUp?.argument).toBe("where will Sergei Lavrov meet Blinken?");
    expect(followUp?.query).toBe("and where will he meet Blinken?");
  });

  test("WHEN the subject came from the earlier answer, not its words THEN the pronoun points at the person answered", () => {
    const [, followUp] = converse("who is the Russian foreign minister?", "where will he meet Blinken?");
    expect(followUp?.about).toBe("Sergei Lavrov");
    expect(followUp?.text).toContain("Geneva");
  });

  test("WHEN 'and Putin?' follows THEN the earlier question is asked about Putin", () => {
    const [first, followUp] = converse("who is Lavrov?", "and Putin?");
    expect(followUp?.about).toBe("Vladimir Putin");
    expect(followUp?.argument).toBe("who is Putin?");
    expect(followUp?.text).toContain("Putin");
    expect(followUp?.text).not.toBe(first?.text);
  });

  test("WHEN 'it' points at something that is no entity THEN the earlier question's words stand in for it", () => {
    const [, followUp] = converse("how much aid did the US give?", "who announced it?");
    expect(followUp?.citations[0]?.sentence).toBe(AID);
    expect(followUp?.about).toBe("“how much aid did the US give?”");
  });

  test("WHEN a lone 'when?' follows THEN the earlier question is asked with 'when', not the whole timeline", () => {
    const [, followUp] = converse("where will Lavrov meet Blinken?", "when?");
    expect(followUp?.command).toBe("ask");
    expect(followUp?.argument).toBe("when Lavrov meet Blinken?");
    expect(followUp?.text).toContain("Friday");
  });

  test("WHEN a Spanish follow-up leaves the subject unsaid THEN it is read about the earlier one and answered in Spanish", () => {
    const previous = ["who is Lavrov?"];
    const followUp = engine.ask("¿y dónde se reunirá con Blinken?", { previous, language: "es" });
    expect(followUp.about).toBe("Sergei Lavrov");
    expect(followUp.text).toContain("Geneva");
  });

  test("WHEN a chain of follow-ups goes on THEN each keeps the subject the one before it took", () => {
    const answers = converse("who is Lavrov?", "where will he meet Blinken?", "what did he say?");
    expect(answers.slice(1).map((answer) => answer.about)).toEqual(["Sergei Lavrov", "Sergei Lavrov"]);
    expect(answers[2]?.argument).toBe("what did Sergei Lavrov say?");
  });

  test("WHEN the earlier turn was a slash command THEN its argument is the subject", () => {
    const followUp = engine.ask("where will he meet Blinken?", { previous: ["/who Lavrov"] });
    expect(followUp.about).toBe("Sergei Lavrov");
  });

  test("WHEN an earlier turn asked about nothing ('and?', '/help') THEN it is no subject, nor words for 'it'", () => {
    const fresh = engine.ask("who announced it?");
    expect(engine.ask("who announced it?", { previous: ["and?", "/help"] })).toEqual(fresh);
  });

  test("WHEN a follow-up names its own subject THEN it is answered as a fresh question", () => {
    const fresh = engine.ask("how much aid did Washington announce?");
    const [, followUp] = converse("who is Lavrov?", "how much aid did Washington announce?");
    expect(followUp?.about).toBeUndefined();
    expect(followUp).toEqual(fresh);
  });

  test("WHEN a name in the question explains its own pronoun THEN nothing earlier is taken", () => {
    const [, followUp] = converse("who is Lavrov?", "what did Blinken say about his meeting?");
    expect(followUp?.about).toBeUndefined();
    expect(followUp?.argument).toBe("what did Blinken say about his meeting?");
  });

  test("WHEN 'he' follows a question that names no person and whose answer names none THEN it says it cannot tell who", () => {
    const [, followUp] = converse("what is the capital of France?", "what did he say?");
    expect(followUp?.answered).toBe(false);
    expect(followUp?.text).toMatch(/can't tell who or what “he” means/);
    expect(followUp?.citations).toEqual([]);
  });

  test("WHEN the unresolved follow-up is in Spanish THEN the refusal is in Spanish", () => {
    const followUp = engine.ask("¿y qué dijo él?", { previous: ["what is the capital of France?"], language: "es" });
    expect(followUp.text).toMatch(/No sé a quién o a qué se refiere «él»/);
  });

  test("WHEN the follow-up is not in the article THEN it is refused, still read about the subject", () => {
    const [, followUp] = converse("who is Lavrov?", "how many tanks does he have?");
    expect(followUp?.answered).toBe(false);
    expect(followUp?.about).toBe("Sergei Lavrov");
    expect(followUp?.citations).toEqual([]);
  });

  test("WHEN the conversation is longer than the bound THEN only the latest turns count", () => {
    const old = ["who is Lavrov?", ...Array.from({ length: MAX_EARLIER_TURNS }, () => "how much aid did the US give?")];
    expect(engine.ask("where will he meet Blinken?", { previous: old }).about).not.toBe("Sergei Lavrov");
  });

  test.each([[undefined], [[]], [[42, null, "who is Lavrov?"]], ["who is Lavrov?"]])(
    "WHEN previous is %j THEN the engine neither throws nor takes a subject it was not given",
    (previous) => {
      const answer = Answer.parse(engine.ask("where will he meet Blinken?", { previous: previous as string[] }));
      expect(answer.text).toContain("Geneva");
    },
  );

  test("WHEN no previous turn is given THEN every question is answered exactly as before (evaluation unchanged)", () => {
    for (const question of ["what did he say?", "why?", "and Putin?", "who is Lavrov?"])
      expect(engine.ask(question, { previous: [] })).toEqual(engine.ask(question));
  });
});

describe("GIVEN an article with no curated facts", () => {
  const second = createEngine(loadKnowledge("tests/fixtures/second-article/knowledge"));
  test("WHEN a follow-up points back with 'it' THEN the earlier question's words carry it", () => {
    const first = second.ask("how much will the tram line cost?");
    const followUp = second.ask("who will pay for it?", { previous: ["how much will the tram line cost?"] });
    expect(first.answered).toBe(true);
    expect(followUp.about).toBe("“how much will the tram line cost?”");
    expect(followUp.answered).toBe(true);
  });
});
