import { describe, expect, test } from "vitest";
import { createQuestionGate } from "../../src/discord/questionGate.js";

describe("GIVEN the question limit", () => {
  test("WHEN a person goes over it THEN the notice is in their language, and English without one", () => {
    const gate = createQuestionGate({ max: 1, windowMs: 10_000 }, { now: () => 0 });
    expect(gate.check("1", "es").allowed).toBe(true);
    const spanish = gate.check("1", "es");
    expect(spanish.allowed ? "" : spanish.notice).toMatch(/^Preguntas más deprisa de lo que puedo responder/);
    const english = gate.check("1");
    expect(english.allowed ? "" : english.notice).toMatch(/^You're asking faster than I can answer/);
  });
});
