import { describe, expect, test } from "vitest";
import { createEngine } from "../../src/engine/engine.js";
import { engineMessages } from "../../src/engine/messages.js";
import { loadKnowledge } from "../../src/knowledge/loadKnowledge.js";

const engine = createEngine(loadKnowledge("knowledge"));

/** Every message with sample arguments, so that functions are compared by what they say. */
function rendered(language: "en" | "es"): Map<string, string> {
  const messages = engineMessages(language);
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === "string") out.set(key, value);
    else if (typeof value === "function") out.set(key, String((value as (...args: unknown[]) => unknown)(3, 5)));
    else for (const [type, text] of Object.entries(value as Record<string, string>)) out.set(`${key}.${type}`, text);
  }
  return out;
}

describe("GIVEN the engine's own sentences in English and Spanish", () => {
  test("THEN Spanish has every key English has, and none of its sentences is an English copy", () => {
    const english = rendered("en");
    const spanish = rendered("es");
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
    const copies = [...english].filter(([key, text]) => spanish.get(key) === text).map(([key]) => key);
    expect(copies).toEqual([]);
  });

  test("WHEN asked in Spanish THEN refusals, suggestions and help are in Spanish, and quotes stay as the article prints them", () => {
    expect(engine.ask("/who Biden", { language: "es" }).text).toBe("El artículo no menciona «Biden».");
    const refused = engine.ask("¿cuál es la capital de Francia?", { language: "es" });
    expect(refused.answered).toBe(false);
    expect(refused.text).toMatch(/^El artículo no dice /);
    expect(refused.suggestions.map((suggestion) => suggestion.label)).toContain("¿Quién es Blinken?");
    expect(engine.run({ command: "help", language: "es" }).text).toContain("Respondo preguntas sobre el artículo");
    const lavrov = engine.ask("/who Lavrov", { language: "es" });
    expect(lavrov.citations[0]?.text).toBe(engine.ask("/who Lavrov").citations[0]?.text);
  });

  test("WHEN no language is given THEN the engine speaks English, as before", () => {
    expect(engine.ask("/who Biden").text).toBe("“Biden” is not mentioned in the article.");
    expect(engine.run({ command: "aid", language: "en" }).text).toContain("200 million");
  });
});
