import { describe, expect, test } from "vitest";
import { languageOfLocale, languageOfQuestion } from "../../src/discord/language.js";
import { discordMessages } from "../../src/discord/messages.js";

describe("GIVEN Discord locales and questions", () => {
  test("THEN both Spanish locales read Spanish, and every other locale English", () => {
    expect(["es-ES", "es-419"].map(languageOfLocale)).toEqual(["es", "es"]);
    expect(["en-US", "en-GB", "fr", "pt-BR", undefined, null].map(languageOfLocale)).toEqual(
      Array.from({ length: 6 }, () => "en"),
    );
  });

  test("THEN a question with Spanish marks is Spanish whatever the server, and one without follows the server", () => {
    expect(languageOfQuestion("¿dónde se reunirán?", "en-US")).toBe("es");
    expect(languageOfQuestion("cuando llega Blinken", "en-US")).toBe("es");
    expect(languageOfQuestion("who is Lavrov?", "es-ES")).toBe("es");
    expect(languageOfQuestion("who is Lavrov?", "en-US")).toBe("en");
    expect(languageOfQuestion("who is Lavrov?", undefined)).toBe("en");
  });
});

describe("GIVEN the adapter's words", () => {
  test("THEN Spanish has every key English has, and none is an English copy", () => {
    // Functions are compared by what they say, called with arguments of the shapes they take.
    const ARGUMENT_SETS: unknown[][] = [
      [3, 5],
      [{ max: 5, windowMs: 10_000 }, 3],
      ["Ambito", ["Title"]],
      ["Title", 3, ["First sentence.", "Second sentence."]],
    ];
    const sample = (value: unknown): string => {
      if (typeof value !== "function") return String(value);
      for (const args of ARGUMENT_SETS) {
        try {
          return String((value as (...args: unknown[]) => unknown)(...args));
        } catch {
          // not this shape
        }
      }
      throw new Error("no sample arguments fit");
    };
    const english = discordMessages("en");
    const spanish = discordMessages("es");
    expect(Object.keys(spanish).sort()).toEqual(Object.keys(english).sort());
    const copies = Object.keys(english).filter(
      (key) => sample(english[key as keyof typeof english]) === sample(spanish[key as keyof typeof spanish]),
    );
    expect(copies).toEqual([]);
  });
});
