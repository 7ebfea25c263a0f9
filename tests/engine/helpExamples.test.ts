import { describe, expect, test } from "vitest";
import { engineMessages } from "../../src/engine/messages.js";
import { seedEngine } from "../support/seedEngine.js";

const engine = seedEngine();

/** The questions /help shows, quoted “…” or «…»: a person will copy them, so each must really be answered. */
function examples(text: string): string[] {
  return [...text.matchAll(/[“«]([^”»]+)[”»]/g)].map((match) => match[1] ?? "");
}

describe.each(["en", "es"] as const)("GIVEN /help in %s", (language) => {
  const [first, second, asked, followUp, ...rest] = examples(engineMessages(language).helpFreeText);

  test("THEN its two example questions are answered from the article", () => {
    for (const question of [first, second]) expect(engine.ask(question ?? "", { language }).answered).toBe(true);
    expect(rest).toEqual([]);
  });

  test("THEN its follow-up example is answered about the subject of the question before it", () => {
    const answer = engine.ask(followUp ?? "", { language, previous: [asked ?? ""] });
    expect(answer.answered).toBe(true);
    expect(answer.about).toBe("Sergei Lavrov");
    expect(answer.text).toContain("Geneva");
  });
});
