/**
 * Bad input everywhere: any custom_id (forged, stale, binary), any Answer-shaped value through the one render
 * function, and malformed gateway payloads. The engine and the mention parser have their own properties in
 * tests/engine/properties.test.ts.
 */
import fc from "fast-check";
import type { APIEmbed } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type ButtonState,
  ButtonState as ButtonStateSchema,
  decodeButton,
  encodeButton,
} from "../../src/discord/customId.js";
import { DISCORD_LIMITS } from "../../src/discord/limits.js";
import { MESSAGES } from "../../src/discord/messages.js";
import {
  NO_MENTIONS,
  type RenderedMessage,
  renderAnswer,
  renderContext,
  renderNotice,
} from "../../src/discord/render.js";
import { Answer, CommandName } from "../../src/engine/answer.js";
import { type Harness, messageFromResponse, startHarness } from "../support/discordHarness.js";
import {
  IDS,
  SELF,
  autocomplete,
  buttonClick,
  messageCommand,
  messageCreate,
  plainMessage,
  slashCommand,
} from "../../fakeDiscord/index.js";
import { seedEngine } from "../support/seedEngine.js";
import { callbackPath, isAccepted } from "../support/reliability.js";

const SLUG = "blinken-lavrov-geneva";

/** Text people and forgers really produce: any Unicode, Discord syntax, Markdown, lone surrogates, huge runs. */
const hostile = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 120 }),
  fc
    .array(
      fc.constantFrom(
        "<@123456789012345678>",
        "<@&1>",
        "@everyone",
        "@here",
        "**",
        "`",
        "[x](https://e.com)",
        ":",
        "v1",
        "\u0000",
        "\uD800",
        "\u202E",
        "😀",
        " ",
        "\n",
        "a".repeat(700),
      ),
      { maxLength: 10 },
    )
    .map((parts) => parts.join("")),
);

/** custom_ids built from the real grammar with wrong parts, plus anything at all. */
const forgedId = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("v1", "v0", "v2", "", "V1"),
      fc.constantFrom("ctx", "pg", "sg", "post", "x", ""),
      fc.array(
        fc.oneof(
          hostile,
          fc.integer().map(String),
          fc.constantFrom(
            SLUG,
            "search",
            "when",
            "0",
            "-1",
            "1e3",
            "999999",
            "1234567",
            "__proto__",
            "constructor",
            "",
          ),
        ),
        { maxLength: 5 },
      ),
    )
    .map(([version, code, rest]) => [version, code, ...rest].join(":")),
  hostile,
);

const buttonState: fc.Arbitrary<ButtonState> = fc.oneof(
  fc.record({
    kind: fc.constant("context" as const),
    article: fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,12}){0,4}$/),
    sentence: fc.integer({ min: 1, max: 10_000_000 }),
  }),
  fc.record({
    kind: fc.constant("page" as const),
    command: fc.constantFrom(...CommandName.options),
    page: fc.integer({ min: 1, max: 10_000_000 }),
    argument: hostile,
  }),
  fc.record({ kind: fc.constant("suggest" as const), query: hostile.filter((query) => query.trim() !== "") }),
  fc.constant({ kind: "post" as const }),
);

describe("custom_id decoder (property-based)", () => {
  test("GIVEN any string THEN decoding never throws and yields nothing or a valid state that encodes back to itself", () => {
    fc.assert(
      fc.property(forgedId, (customId) => {
        const state = decodeButton(customId);
        if (state === undefined) return;
        expect(ButtonStateSchema.safeParse(state).success).toBe(true);
        const again = encodeButton(state);
        expect(again === undefined ? undefined : decodeButton(again)).toEqual(again === undefined ? undefined : state);
      }),
      { numRuns: 2_000 },
    );
  });

  test("GIVEN any button state THEN its custom_id fits in 100 characters and decodes to the same state, or none is made", () => {
    fc.assert(
      fc.property(buttonState, (state) => {
        const customId = encodeButton(state);
        if (customId === undefined) return;
        expect(customId.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
        expect(decodeButton(customId)).toEqual(ButtonStateSchema.parse(state));
      }),
      { numRuns: 2_000 },
    );
  });
});

/** Every Discord limit a message can break, as a list of violations (empty = fine). */
function violations(message: RenderedMessage): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => (ok ? undefined : problems.push(what));
  check(
    message.allowedMentions === NO_MENTIONS ||
      (message.allowedMentions.parse.length === 0 && message.allowedMentions.repliedUser === false),
    "mentions allowed",
  );
  check((message.content ?? "").length <= DISCORD_LIMITS.content, "content > 2000");
  check(message.embeds.length <= DISCORD_LIMITS.embedsPerMessage, "> 10 embeds");
  let total = 0;
  for (const embed of message.embeds as APIEmbed[]) {
    check((embed.title ?? "").length <= DISCORD_LIMITS.embedTitle, "title > 256");
    check((embed.description ?? "").length <= DISCORD_LIMITS.embedDescription, "description > 4096");
    check((embed.fields ?? []).length <= DISCORD_LIMITS.embedFields, "> 25 fields");
    for (const field of embed.fields ?? []) {
      check(field.name.length > 0 && field.name.length <= DISCORD_LIMITS.fieldName, "field name empty or > 256");
      check(field.value.length > 0 && field.value.length <= DISCORD_LIMITS.fieldValue, "field value empty or > 1024");
    }
    check((embed.footer?.text ?? "").length <= DISCORD_LIMITS.footer, "footer > 2048");
    total +=
      (embed.title ?? "").length +
      (embed.description ?? "").length +
      (embed.footer?.text ?? "").length +
      (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  }
  check(total <= DISCORD_LIMITS.embedTotal, "embeds > 6000 in total");
  check(message.components.length <= DISCORD_LIMITS.rows, "> 5 rows");
  const ids = message.components.flatMap((row) => row.components.map((button) => button.custom_id));
  check(new Set(ids).size === ids.length, "duplicate custom_id");
  for (const row of message.components) {
    check(
      row.components.length >= 1 && row.components.length <= DISCORD_LIMITS.buttonsPerRow,
      "row with 0 or > 5 buttons",
    );
    for (const button of row.components) {
      check(
        button.custom_id.length <= DISCORD_LIMITS.customId && decodeButton(button.custom_id) !== undefined,
        "custom_id > 100 or undecodable",
      );
      check((button.label ?? "").length <= DISCORD_LIMITS.buttonLabel, "label > 80");
    }
  }
  return problems;
}

describe("render (property-based)", () => {
  const knowledge = seedEngine().knowledge;
  const answer = fc
    .record({
      query: hostile,
      command: fc.constantFrom(...CommandName.options),
      argument: hostile,
      answered: fc.boolean(),
      text: fc.oneof(hostile, fc.string({ maxLength: 9_000 })),
      citations: fc.array(
        fc.record({
          article: fc.oneof(fc.constant(SLUG), fc.stringMatching(/^[a-z]{1,90}$/)),
          sentence: fc.integer({ min: 1, max: 10_000_000 }),
          text: fc.oneof(hostile, fc.string({ maxLength: 3_000 })),
        }),
        { maxLength: 60 },
      ),
      source: hostile,
      suggestions: fc.array(fc.record({ label: hostile, query: hostile }), { maxLength: 30 }),
      page: fc.option(
        fc.record({ number: fc.integer({ min: 1, max: 10_000 }), count: fc.integer({ min: 1, max: 10_000 }) }),
        { nil: undefined },
      ),
    })
    .map(({ page, ...rest }) => Answer.parse(page ? { ...rest, page } : rest));

  test("GIVEN any Answer THEN the rendered message is within every Discord limit and can ping no one", () => {
    fc.assert(
      fc.property(answer, fc.boolean(), (value, isPrivate) => {
        const message = renderAnswer(value, knowledge, { private: isPrivate });
        expect(violations(message)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test("GIVEN any context or notice THEN it is within every limit too", () => {
    fc.assert(
      fc.property(
        hostile,
        hostile,
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.record({ number: fc.integer({ min: 1, max: 10_000 }), text: fc.string({ maxLength: 3_000 }) }), {
          maxLength: 12,
        }),
        (title, source, focus, sentences) => {
          expect(violations(renderContext({ article: SLUG, title, source, focus, sentences }))).toEqual([]);
          expect(violations(renderNotice(title))).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("end to end", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => harness.stop());

  async function expectStillAnswering(): Promise<void> {
    const response = await harness.interact(slashCommand("who", { name: "Lavrov" }));
    expect(response.data?.embeds?.[0]?.description).toContain("Sergei Lavrov");
  }

  test("GIVEN 40 forged custom_ids clicked THEN each gets exactly one polite, private or valid reply, and nothing can ping", async () => {
    const answer = await harness.interact(slashCommand("search", { words: "Russia" }));
    const message = messageFromResponse(answer);
    const forged = fc.sample(
      forgedId.filter((id) => id.length > 0 && id.length <= 100),
      { numRuns: 40, seed: 5 },
    );
    for (const customId of forged) {
      const payload = buttonClick(customId, message);
      const response = await harness.interact(payload);
      expect(response.data?.allowed_mentions, customId).toEqual({ parse: [], replied_user: false });
      if (response.data?.content !== undefined && response.data.content !== "")
        expect([MESSAGES.staleButton, MESSAGES.contextGone, MESSAGES.notPrivate], customId).toContain(
          response.data.content,
        );
      else expect(response.data?.embeds?.length, customId).toBe(1);
    }
    await harness.fake.settle(100);
    expect(harness.logs.filter((line) => line.level >= 50)).toEqual([]);
  });

  const malformed: [string, string, () => unknown][] = [
    [
      "an interaction without data",
      "INTERACTION_CREATE",
      () => ({ ...slashCommand("who", { name: "Lavrov" }), data: undefined }),
    ],
    [
      "an interaction without user or member",
      "INTERACTION_CREATE",
      () => ({ ...slashCommand("who", { name: "Lavrov" }, "dm"), user: undefined }),
    ],
    [
      "an interaction of an unknown type",
      "INTERACTION_CREATE",
      () => ({ ...slashCommand("who", { name: "Lavrov" }), type: 99 }),
    ],
    [
      "a modal submit the bot never asked for",
      "INTERACTION_CREATE",
      () => ({ ...slashCommand("who", { name: "Lavrov" }), type: 5 }),
    ],
    [
      "an interaction with a wrong id",
      "INTERACTION_CREATE",
      () => ({ ...slashCommand("who", { name: "Lavrov" }), id: "not-a-snowflake" }),
    ],
    [
      "an autocomplete without options",
      "INTERACTION_CREATE",
      () => ({
        ...autocomplete("who", "name", "Lav"),
        data: { ...autocomplete("who", "name", "Lav").data, options: undefined },
      }),
    ],
    [
      "a message command without its target",
      "INTERACTION_CREATE",
      () => ({
        ...messageCommand("Ask the article", plainMessage("who is Lavrov?")),
        data: { id: IDS.application, name: "Ask the article", type: 3, target_id: IDS.user },
      }),
    ],
    ["a null interaction", "INTERACTION_CREATE", () => null],
    ["a string interaction", "INTERACTION_CREATE", () => "garbage"],
    [
      "a message without author",
      "MESSAGE_CREATE",
      () => ({ ...messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] }), author: undefined }),
    ],
    [
      "a message with a null author",
      "MESSAGE_CREATE",
      () => ({ ...messageCreate("who is Lavrov?", { place: "dm" }), author: null }),
    ],
    [
      "a message whose content is a number",
      "MESSAGE_CREATE",
      () => ({ ...messageCreate("who is Lavrov?", { place: "dm" }), content: 42 }),
    ],
    [
      "a message without mentions",
      "MESSAGE_CREATE",
      () => ({ ...messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] }), mentions: null }),
    ],
    ["an empty message object", "MESSAGE_CREATE", () => ({})],
  ];

  test.each(malformed)(
    "GIVEN %s THEN it is logged and ignored, and the bot keeps answering",
    async (_name, event, make) => {
      const since = harness.fake.calls.length;
      const logged = harness.logs.length;
      const data = make();
      await harness.fake.dispatch(event, data);
      await expectStillAnswering();
      const lines = harness.logs.slice(logged);
      expect(lines.filter((line) => line.msg === "malformed gateway payload ignored")).toEqual([
        expect.objectContaining({ level: 40, event, problem: expect.any(String) }),
      ]);
      expect(lines.filter((line) => line.level >= 50)).toEqual([]);
      expect(harness.fake.calls.slice(since).filter((call) => call.method === "POST")).toHaveLength(1); // the probe's answer only
      if (typeof data === "object" && data !== null && "token" in data)
        expect(JSON.stringify(lines)).not.toContain(String(data.token));
    },
  );

  test("GIVEN an unknown command name THEN the bot says it no longer knows that command", async () => {
    const payload = slashCommand("launch-missiles", { target: "moon" });
    const response = await harness.interact(payload);
    expect(response.data?.content).toBe(MESSAGES.unknownCommand);
    expect((response.data?.flags ?? 0) & 64).toBe(64);
  });

  test("GIVEN valid payloads with any single field deleted or replaced (property-based) THEN discord.js never chokes and the bot keeps answering", async () => {
    const search = await harness.interact(slashCommand("search", { words: "Russia" }));
    const onMessage = messageFromResponse(search);
    const bases: [string, () => unknown][] = [
      ["INTERACTION_CREATE", () => slashCommand("who", { name: "Lavrov" })],
      ["INTERACTION_CREATE", () => slashCommand("ask", { question: "where?" }, "dm")],
      ["INTERACTION_CREATE", () => autocomplete("who", "name", "Lav")],
      ["INTERACTION_CREATE", () => buttonClick(`v1:ctx:${SLUG}:2`, onMessage)],
      ["INTERACTION_CREATE", () => messageCommand("Ask the article", plainMessage("who is Lavrov?"))],
      ["MESSAGE_CREATE", () => messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] })],
      ["MESSAGE_CREATE", () => messageCreate("who is Lavrov?", { place: "dm" })],
    ];
    const logged = harness.logs.length;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(bases.length - 1),
        fc.nat(),
        fc.oneof(fc.constant(DELETE), fc.constant(null), fc.jsonValue({ maxDepth: 2 })),
        async (which, pick, replacement) => {
          const [event, make] = bases[which] ?? ["INTERACTION_CREATE", () => null];
          const base = make();
          const all = paths(base).filter((path) => path.length > 0);
          await harness.fake.dispatch(event, mutate(base, all[pick % all.length] ?? [], replacement));
          const probe = slashCommand("who", { name: "Lavrov" });
          await harness.fake.dispatch("INTERACTION_CREATE", probe);
          const call = await harness.fake.waitForCall(
            (entry) => entry.path === callbackPath(probe) && isAccepted(entry),
          );
          expect(call.status).toBe(204);
        },
      ),
      { numRuns: 200 },
    );
    await harness.fake.settle(100);
    expect(
      harness.logs
        .slice(logged)
        .filter((line) => typeof line.msg === "string" && /unhandled rejection|routing failed/.test(line.msg)),
    ).toEqual([]);
  });
});

const DELETE = Symbol("delete");

/** Every path into a JSON value (object keys and array indexes). */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== "object" || value === null) return [prefix];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => paths(item, [...prefix, key]))];
}

/** A copy of the value with the field at `path` deleted or replaced. */
function mutate(value: unknown, path: string[], replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement === DELETE ? undefined : replacement;
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const index = Number(head);
    const copy = [...value];
    if (rest.length === 0 && replacement === DELETE) copy.splice(index, 1);
    else copy[index] = mutate(copy[index], rest, replacement);
    return copy;
  }
  const copy: Record<string, unknown> = { ...value };
  if (rest.length === 0 && replacement === DELETE) delete copy[head];
  else copy[head] = mutate(copy[head], rest, replacement);
  return copy;
}
