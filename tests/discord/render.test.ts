import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { APIEmbed } from "discord-api-types/v10";
import { DISCORD_LIMITS, truncate } from "../../src/discord/limits.js";
import { type RenderedMessage, renderAnswer, renderContext, renderNotice } from "../../src/discord/render.js";
import { Answer } from "../../src/engine/answer.js";
import { loadKnowledge } from "../../src/knowledge/loadKnowledge.js";
import { discordMessages } from "../../src/discord/messages.js";
import { seedEngine } from "../support/seedEngine.js";

const knowledge = loadKnowledge("knowledge");
const article = knowledge.articles[0];
if (!article) throw new Error("the seed article is missing");
const TITLE = article.meta.title;
const sentence = (number: number) => ({
  article: article.slug,
  sentence: number,
  text: article.sentences[number - 1]?.text ?? "",
});

function answer(overrides: Partial<Answer> = {}): Answer {
  return Answer.parse({
    query: "who is Lavrov?",
    command: "who",
    argument: "Lavrov",
    answered: true,
    text: "Sergei Lavrov: Russia's foreign minister.",
    citations: [sentence(1)],
    source: "Ambito",
    suggestions: [],
    ...overrides,
  });
}

function embedTotal(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

function expectWithinLimits(message: RenderedMessage): void {
  expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
  expect((message.content ?? "").length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  for (const embed of message.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
    expect(embedTotal(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  }
  expect(message.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.rows);
  const ids: string[] = [];
  for (const row of message.components) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonsPerRow);
    for (const component of row.components) {
      expect((component.label ?? "").length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonLabel);
      if ("custom_id" in component) {
        expect(component.custom_id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
        ids.push(component.custom_id);
      }
    }
  }
  expect(new Set(ids).size).toBe(ids.length);
}

describe("renderAnswer", () => {
  test("GIVEN an answer THEN the embed leads with the direct answer, quotes each cited sentence with its number and names the source and title", () => {
    const message = renderAnswer(answer({ citations: [sentence(1), sentence(9)] }), knowledge);
    const embed = message.embeds[0];
    expect(embed?.description).toBe("Sergei Lavrov: Russia's foreign minister.");
    expect(embed?.fields).toEqual([
      { name: "Sentence 1", value: `> ${sentence(1).text}` },
      { name: "Sentence 9", value: `> ${sentence(9).text}` },
    ]);
    expect(embed?.footer?.text).toBe(`Source: Ambito · ${TITLE}`);
    expect(embed?.title).toBeUndefined();
    expect(
      message.components.flatMap((row) =>
        row.components.map((button) => ("custom_id" in button ? button.custom_id : "")),
      ),
    ).toEqual([`v1:ctx:${article.slug}:1`, `v1:ctx:${article.slug}:9`]);
    expectWithinLimits(message);
  });

  test("GIVEN an abstention THEN it looks different (title, colour, no context) and offers the suggestions as buttons", () => {
    const abstention = answer({
      answered: false,
      text: "The article doesn't say what the capital of France is.",
      citations: [],
      suggestions: [
        { label: "Who is Lavrov?", query: "/who Lavrov" },
        { label: "The aid", query: "/aid" },
      ],
    });
    const message = renderAnswer(abstention, knowledge);
    const [embed] = message.embeds;
    const answered = renderAnswer(answer(), knowledge).embeds[0];
    expect(embed?.title).toBe("Not in the article");
    expect(embed?.color).not.toBe(answered?.color);
    expect(embed?.fields).toBeUndefined();
    expect(message.components).toEqual([
      {
        type: 1,
        components: [
          { type: 2, style: 1, custom_id: "v1:sg:/who Lavrov", label: "Who is Lavrov?" },
          { type: 2, style: 1, custom_id: "v1:sg:/aid", label: "The aid" },
        ],
      },
    ]);
  });

  test("GIVEN a private answer THEN it carries a Post to channel button", () => {
    const message = renderAnswer(answer(), knowledge, { private: true });
    const labels = message.components.flatMap((row) => row.components.map((button) => button.label));
    expect(labels).toContain("Post to channel");
    expect(
      renderAnswer(answer(), knowledge).components.flatMap((row) => row.components.map((button) => button.label)),
    ).not.toContain("Post to channel");
  });

  test("GIVEN page 1 of 3 THEN Prev is disabled, Next asks for page 2, and the footer shows the page", () => {
    const paged = answer({ command: "search", argument: "troops", page: { number: 1, count: 3 } });
    const message = renderAnswer(paged, knowledge);
    const buttons = message.components.flatMap((row) => row.components);
    expect(buttons).toContainEqual({
      type: 2,
      style: 1,
      custom_id: "v1:pg:search:1:troops",
      label: "Prev",
      disabled: true,
    });
    expect(buttons).toContainEqual({ type: 2, style: 1, custom_id: "v1:pg:search:2:troops", label: "Next" });
    expect(message.embeds[0]?.footer?.text).toMatch(/Page 1 of 3$/);
  });

  test("GIVEN the last page THEN Next is disabled", () => {
    const message = renderAnswer(
      answer({ command: "search", argument: "troops", page: { number: 3, count: 3 } }),
      knowledge,
    );
    const buttons = message.components.flatMap((row) => row.components);
    expect(buttons).toContainEqual({
      type: 2,
      style: 1,
      custom_id: "v1:pg:search:3:troops",
      label: "Next",
      disabled: true,
    });
  });

  test("GIVEN text with mentions, Markdown and a masked link THEN it is shown inert and nothing can ping", () => {
    const hostile = answer({
      answered: false,
      text: "The article doesn't say anything about @everyone **bold** [click](https://evil.example) <@&123>",
      citations: [],
    });
    const message = renderAnswer(hostile, knowledge);
    const description = message.embeds[0]?.description ?? "";
    expect(description).toContain("\\*\\*bold\\*\\*");
    expect(description).toContain("\\[click](https://evil.example)");
    expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  test("GIVEN an answer far beyond every Discord limit THEN it is cut cleanly to fit", () => {
    const huge = answer({
      command: "search",
      argument: "y".repeat(95),
      text: "word ".repeat(3_000),
      citations: Array.from({ length: 40 }, (_, index) => ({
        article: article.slug,
        sentence: index + 1,
        text: `${"long sentence ".repeat(150)}${index}`,
      })),
      suggestions: Array.from({ length: 12 }, (_, index) => ({
        label: `suggestion ${index} ${"x".repeat(120)}`,
        query: `/who person${index}`,
      })),
      page: { number: 2, count: 9 },
    });
    const message = renderAnswer(huge, knowledge, { private: true });
    expectWithinLimits(message);
    const embed = message.embeds[0];
    expect(embed?.description?.endsWith("…")).toBe(true);
    expect(embed?.fields?.at(-1)?.value).toMatch(/^…and \d+ more not shown$/);
  });

  test("GIVEN any answer at all THEN the message stays within Discord's limits", () => {
    const text = fc.string({ unit: "binary", maxLength: 5_000 });
    const arbitraryAnswer = fc.record({
      query: text,
      command: fc.constantFrom("ask", "who", "search", "when", "help"),
      argument: text,
      answered: fc.boolean(),
      text,
      citations: fc.array(
        fc.record({
          article: fc.constantFrom(article.slug, "other-article"),
          sentence: fc.integer({ min: 1, max: 40 }),
          text,
        }),
        { maxLength: 30 },
      ),
      source: fc.string({ maxLength: 300 }),
      suggestions: fc.array(fc.record({ label: text, query: text }), { maxLength: 8 }),
      page: fc.option(fc.record({ number: fc.integer({ min: 1, max: 50 }), count: fc.integer({ min: 1, max: 50 }) }), {
        nil: undefined,
      }),
    });
    fc.assert(
      fc.property(arbitraryAnswer, fc.boolean(), (value, isPrivate) => {
        const { page, ...rest } = value;
        const parsed = Answer.parse(page ? { ...rest, page } : rest);
        expectWithinLimits(renderAnswer(parsed, knowledge, { private: isPrivate }));
      }),
      { numRuns: 200 },
    );
  });
});

describe("follow-ups and the thread button", () => {
  test("GIVEN an answer read about an earlier subject THEN its description opens with it, in the asker's language", () => {
    const followUp = answer({ about: "Sergei Lavrov", text: "Geneva (Friday)." });
    expect(renderAnswer(followUp, knowledge).embeds[0]?.description).toBe("(about Sergei Lavrov)\nGeneva (Friday).");
    expect(renderAnswer(followUp, knowledge, { language: "es" }).embeds[0]?.description).toMatch(
      /^\(sobre Sergei Lavrov\)\n/,
    );
  });

  test("GIVEN a subject with Markdown THEN it is shown inert, as the answer's own text is", () => {
    const description = renderAnswer(answer({ about: "**Lavrov**" }), knowledge).embeds[0]?.description;
    expect(description).toMatch(/^\(about \\\*\\\*Lavrov\\\*\\\*\)\n/);
  });

  test("GIVEN a thread question THEN one more button beside the feedback ones; none for help or without a question", () => {
    const ids = (message: RenderedMessage) =>
      message.components.flatMap((row) => row.components.map((b) => b.custom_id));
    const withThread = renderAnswer(answer(), knowledge, {
      feedbackFor: "1577075769841025029",
      threadQuestion: "who is Lavrov?",
    });
    expect(withThread.components.at(-1)?.components.map((component) => component.custom_id)).toEqual([
      "v1:vt:up:1577075769841025029",
      "v1:vt:down:1577075769841025029",
      "v1:th:who is Lavrov?",
    ]);
    expect(ids(renderAnswer(answer(), knowledge))).not.toContain("v1:th:who is Lavrov?");
    const help = answer({ command: "help", argument: "", answered: true, citations: [] });
    expect(ids(renderAnswer(help, knowledge, { threadQuestion: "help" })).some((id) => id.startsWith("v1:th:"))).toBe(
      false,
    );
  });

  test("GIVEN the most buttons an answer can have plus the thread button THEN still within 5 rows of 5, ids unique", () => {
    const many = answer({
      answered: false,
      citations: [1, 2, 3, 4, 5].map(sentence),
      page: { number: 2, count: 3 },
      suggestions: [1, 2, 3, 4, 5].map((n) => ({ label: `s${n}`, query: `/who s${n}` })),
    });
    const message = renderAnswer(many, knowledge, {
      private: true,
      feedbackFor: "1577075769841025029",
      threadQuestion: "who is Lavrov?",
    });
    expectWithinLimits(message);
    const ids = message.components.flatMap((row) => row.components.map((component) => component.custom_id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("v1:th:who is Lavrov?");
  });
});

describe("renderContext and renderNotice", () => {
  test("GIVEN a sentence with its neighbours THEN the focus is bold and the footer names the source and title", () => {
    const message = renderContext({
      article: article.slug,
      title: TITLE,
      source: "Ambito",
      focus: 2,
      sentences: [1, 2, 3].map((number) => ({ number, text: sentence(number).text })),
    });
    const embed = message.embeds[0];
    expect(embed?.title).toBe("Sentence 2 in context");
    expect(embed?.description).toContain(`**[2] ${sentence(2).text}**`);
    expect(embed?.description).toContain(`[1] ${sentence(1).text}`);
    expect(embed?.footer?.text).toContain("Source: Ambito");
    expectWithinLimits(message);
  });

  test("GIVEN a notice longer than a message may be THEN it is cut to 2,000 characters", () => {
    expectWithinLimits(renderNotice("a ".repeat(3_000)));
  });
});

describe("truncate", () => {
  test("GIVEN text within the limit THEN it is unchanged", () => {
    expect(truncate("short", 10)).toBe("short");
  });
  test("GIVEN text over the limit THEN it ends at a word boundary with an ellipsis", () => {
    expect(truncate("the quick brown fox jumps", 12)).toBe("the quick…");
  });
  test("GIVEN an emoji on the cut THEN no half surrogate pair is left", () => {
    const cut = truncate(`${"a".repeat(8)}😀😀😀`, 10);
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe("GIVEN /help rendered for Discord", () => {
  const engine = seedEngine();
  test("THEN it says where a follow-up keeps its context on Discord, in the person's language; other answers do not", () => {
    const english = renderAnswer(engine.run({ command: "help" }), knowledge).embeds[0]?.description ?? "";
    const spanish = renderAnswer(engine.run({ command: "help", language: "es" }), knowledge, { language: "es" })
      .embeds[0]?.description;
    expect(english).toContain(discordMessages("en").followUpHelp);
    expect(spanish).toContain(discordMessages("es").followUpHelp);
    const lavrov = renderAnswer(engine.run({ command: "who", argument: "Lavrov" }), knowledge).embeds[0]?.description;
    expect(lavrov).not.toContain(discordMessages("en").followUpHelp);
  });
});
