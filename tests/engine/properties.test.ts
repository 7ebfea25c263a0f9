import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Answer, CommandName } from "../../src/engine/answer.js";
import { cleanInput, parseInput } from "../../src/engine/parseInput.js";
import { seedEngine } from "../support/seedEngine.js";

const engine = seedEngine();
const PING = /@everyone|@here|<@[!&]?\d+>/;

/** Strings users really send: any Unicode, plus Discord syntax and words of the article mixed in. */
const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc
    .array(
      fc.constantFrom(
        "<@123456789012345678>",
        "<@!1>",
        "<@&42>",
        "@everyone",
        "@here",
        "/who",
        "/search",
        "Lavrov",
        "¿dónde",
        "$200M",
        "**",
        "`",
        "\u0000",
        "\u202E",
        "̸̢͝",
        " ",
        "page:9",
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(" ")),
);

describe("GIVEN any input at all (property-based)", () => {
  it("THEN ask returns a valid Answer that cannot ping anyone, and never throws", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const answer = Answer.parse(engine.ask(text));
        expect(JSON.stringify(answer)).not.toMatch(PING);
        expect(answer.text.length).toBeLessThan(4_000);
      }),
      { numRuns: 400 },
    );
  });

  it("THEN a follow-up in any conversation returns a valid Answer that cannot ping anyone, and never throws", () => {
    const followUp = fc.oneof(
      hostileText,
      fc.constantFrom("and he?", "what did he say?", "why?", "and $&?", "who announced it?", "¿y él?", "and $1 them"),
    );
    fc.assert(
      fc.property(fc.array(hostileText, { maxLength: 7 }), followUp, (previous, text) => {
        const answer = Answer.parse(engine.ask(text, { previous }));
        expect(JSON.stringify(answer)).not.toMatch(PING);
        expect(answer.argument.length).toBeLessThan(4_000);
      }),
      { numRuns: 300 },
    );
  });

  it("THEN run accepts any command, argument and page without throwing", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...CommandName.options), fc.string()),
        hostileText,
        fc.integer(),
        (command, argument, page) => {
          const answer = Answer.parse(engine.run({ command: command as CommandName, argument, page }));
          expect(JSON.stringify(answer)).not.toMatch(PING);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("THEN autocomplete gives at most 25 choices within Discord's 100-character limit", () => {
    fc.assert(
      fc.property(fc.constantFrom("who", "where", "quote"), hostileText, (kind, partial) => {
        const choices = engine.autocomplete(kind, partial);
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const choice of choices) {
          expect(choice.name.length).toBeGreaterThan(0);
          expect(choice.name.length).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("THEN the mention parser removes every Discord mention and leaves no control character", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const cleaned = cleanInput(text);
        expect(cleaned).not.toMatch(PING);
        expect(cleaned).not.toMatch(/[\p{Cc}\p{Cf}]/u);
        expect(() => parseInput(text)).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });

  it("THEN context is the asked sentence with its neighbours when the article has it, and undefined otherwise", () => {
    const article = engine.knowledge.articles[0];
    if (!article) throw new Error("the seed knowledge has no article");
    const count = article.sentences.length;
    // Half the slugs are the real one, so that the sentence numbers (in range and out of it) are really exercised.
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(article.slug), fc.string()),
        fc.integer({ min: -5, max: count + 5 }),
        (slug, sentence) => {
          const context = engine.context(slug, sentence);
          const exists = slug === article.slug && sentence >= 1 && sentence <= count;
          expect(context !== undefined).toBe(exists);
          if (!context) return;
          expect(context.focus).toBe(sentence);
          const expected = [sentence - 1, sentence, sentence + 1].filter((number) => number >= 1 && number <= count);
          expect(context.sentences.map((candidate) => candidate.number)).toEqual(expected);
        },
      ),
    );
    expect(engine.context("blinken-lavrov-geneva", 18)?.sentences.map((s) => s.number)).toEqual([17, 18]);
  });
});
