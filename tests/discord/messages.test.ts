/** End to end: mentions in a guild channel and direct messages, through the real discord.js client and the fake Discord. */
import { describe, expect, test } from "vitest";
import type { AnswerEngine } from "../../src/engine/engine.js";
import { type SentMessage, useSharedHarness } from "../support/discordHarness.js";
import { HUMAN, IDS, OTHER_BOT, SELF, messageCreate } from "../../fakeDiscord/index.js";
import { seedSentenceContaining, sentenceNumberContaining } from "../support/seedEngine.js";

/** Read from the real knowledge, so the test follows the article rather than a copy of it. */
const LAVROV_SENTENCE = seedSentenceContaining("Sergei Lavrov");
const LAVROV_NUMBER = sentenceNumberContaining("Sergei Lavrov");
const NO_PING = { parse: [], replied_user: false };

const harness = useSharedHarness();

function expectLavrovAnswer(message: SentMessage): void {
  const embed = message.embeds?.[0];
  expect(embed?.description).toContain("Sergei Lavrov");
  expect(embed?.fields?.[0]).toEqual({ name: `Sentence ${LAVROV_NUMBER}`, value: `> ${LAVROV_SENTENCE}` });
  expect(embed?.footer?.text).toMatch(/^Source: Ambito · /);
}

describe("mentions in a guild channel", () => {
  test("GIVEN a message starting with <@bot> THEN the bot replies to that message with a cited answer and pings no one", async () => {
    const question = messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] });
    const { message } = await harness.sendMessage(question);
    expect(message.message_reference?.message_id).toBe(question.id);
    expect(message.allowed_mentions).toEqual(NO_PING);
    expectLavrovAnswer(message);
  });

  test("GIVEN the nickname form <@!bot> in the middle of the message THEN it is answered too", async () => {
    const { message } = await harness.sendMessage(
      messageCreate(`so, <@!${IDS.bot}> who is lavrof?`, { mentions: [SELF] }),
    );
    expectLavrovAnswer(message);
  });

  test("GIVEN a bare mention THEN the reply is the help text", async () => {
    const { message } = await harness.sendMessage(messageCreate(`<@${IDS.bot}>`, { mentions: [SELF] }));
    expect(message.embeds?.[0]?.description).toContain("/who");
    expect(message.embeds?.[0]?.description).toContain("/search");
    expect(message.allowed_mentions).toEqual(NO_PING);
  });

  test("GIVEN a message that does not mention the bot THEN no reply", async () => {
    expect(await harness.sendMessageExpectingSilence(messageCreate("who is Lavrov?"))).toEqual([]);
  });

  test("GIVEN @everyone or @here without a mention of the bot THEN no reply", async () => {
    expect(
      await harness.sendMessageExpectingSilence(messageCreate("@everyone who is Lavrov?", { mentionEveryone: true })),
    ).toEqual([]);
    expect(
      await harness.sendMessageExpectingSilence(messageCreate("@here who is Lavrov?", { mentionEveryone: true })),
    ).toEqual([]);
  });

  test("GIVEN a mention of the bot's managed role THEN no reply (only a mention of the bot user counts)", async () => {
    expect(
      await harness.sendMessageExpectingSilence(
        messageCreate(`<@&${IDS.botRole}> who is Lavrov?`, { mentionRoles: [IDS.botRole] }),
      ),
    ).toEqual([]);
  });

  test("GIVEN a message from another bot that mentions this bot THEN no reply", async () => {
    expect(
      await harness.sendMessageExpectingSilence(
        messageCreate(`<@${IDS.bot}> who is Lavrov?`, { author: OTHER_BOT, mentions: [SELF] }),
      ),
    ).toEqual([]);
  });

  test("GIVEN the bot's own message that contains its mention THEN no reply", async () => {
    expect(
      await harness.sendMessageExpectingSilence(
        messageCreate(`<@${IDS.bot}> who is Lavrov?`, { author: SELF, mentions: [SELF] }),
      ),
    ).toEqual([]);
  });

  test("GIVEN an @everyone question that mentions the bot THEN it is answered, and the reply cannot ping anyone", async () => {
    const question = messageCreate(`@everyone <@${IDS.bot}> who is Lavrov? <@&${IDS.otherRole}> <@${HUMAN.id}>`, {
      mentions: [SELF, HUMAN],
      mentionRoles: [IDS.otherRole],
      mentionEveryone: true,
    });
    const { message } = await harness.sendMessage(question);
    expect(message.allowed_mentions).toEqual(NO_PING);
    expect(message.content ?? "").not.toMatch(/@everyone|@here|<@/);
    expectLavrovAnswer(message);
  });

  test("GIVEN a mention that asks a listing question THEN Prev/Next buttons page the same command", async () => {
    const { message } = await harness.sendMessage(messageCreate(`<@${IDS.bot}> /search Russia`, { mentions: [SELF] }));
    const ids = (message.components ?? []).flatMap((row) => row.components.map((component) => component.custom_id));
    expect(ids).toContain("v1:pg:search:2:Russia");
  });
});

describe("direct messages", () => {
  test("GIVEN a DM THEN every message is a question, answered in the DM", async () => {
    const { call, message } = await harness.sendMessage(messageCreate("who is Lavrov?", { place: "dm" }));
    expect(call.path).toBe(`/channels/${IDS.dmChannel}/messages`);
    expect(message.allowed_mentions).toEqual(NO_PING);
    expectLavrovAnswer(message);
  });

  test("GIVEN a DM that mentions the bot THEN the mention is ignored and the question answered", async () => {
    const { message } = await harness.sendMessage(
      messageCreate(`<@${IDS.bot}> where will Blinken meet Lavrov?`, { place: "dm", mentions: [SELF] }),
    );
    expect(message.embeds?.[0]?.description).toContain("Geneva");
  });

  test("GIVEN a DM without text (an attachment only) THEN the help text", async () => {
    const { message } = await harness.sendMessage(messageCreate("", { place: "dm" }));
    expect(message.embeds?.[0]?.description).toContain("/who");
  });

  test("GIVEN a DM from a bot THEN no reply", async () => {
    expect(
      await harness.sendMessageExpectingSilence(messageCreate("who is Lavrov?", { place: "dm", author: OTHER_BOT })),
    ).toEqual([]);
  });

  test("GIVEN a question the article does not answer THEN the DM says so with suggestion buttons", async () => {
    const { message } = await harness.sendMessage(messageCreate("What is the capital of France?", { place: "dm" }));
    expect(message.embeds?.[0]?.title).toBe("Not in the article");
    expect((message.components ?? []).flatMap((row) => row.components).length).toBeGreaterThan(0);
  });
});

describe("a message handler that throws", () => {
  test("GIVEN the engine throws THEN the bot replies with a short apology, logs the error and keeps answering", async () => {
    const broken: AnswerEngine = {
      ...harness.realEngine,
      knowledge: harness.realEngine.knowledge,
      ask: () => {
        throw new Error("engine exploded");
      },
    };
    harness.engine.current = broken;
    const { message } = await harness.sendMessage(messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] }));
    expect(message.content).toMatch(/^Sorry, something went wrong/);
    expect(message.allowed_mentions).toEqual(NO_PING);
    await harness.fake.settle(50);
    expect(harness.logs.find((line) => line.kind === "mention" && line.outcome === "error")).toMatchObject({
      level: 50,
    });

    harness.engine.current = harness.realEngine;
    const { message: next } = await harness.sendMessage(messageCreate("who is Lavrov?", { place: "dm" }));
    expectLavrovAnswer(next);
  });
});

describe("logs", () => {
  test("GIVEN a handled mention and DM THEN one line each with kind, command, outcome and latency", async () => {
    await harness.sendMessage(messageCreate(`<@${IDS.bot}> /aid`, { mentions: [SELF] }));
    await harness.sendMessage(messageCreate("/demands", { place: "dm" }));
    await harness.fake.settle(50);
    expect(harness.logs.filter((line) => line.msg === "message handled" && line.command === "aid")).toEqual([
      expect.objectContaining({ kind: "mention", place: "guild", outcome: "answered", latencyMs: expect.any(Number) }),
    ]);
    expect(harness.logs.filter((line) => line.msg === "message handled" && line.command === "demands")).toEqual([
      expect.objectContaining({ kind: "dm", place: "dm", outcome: "answered" }),
    ]);
  });
});

describe("the language of a mention or DM", () => {
  test("GIVEN a question asked in Spanish THEN the reply's labels and footer are Spanish, the quote verbatim", async () => {
    const { message } = await harness.sendMessage(
      messageCreate(`<@${IDS.bot}> ¿quién es Lavrov?`, { mentions: [SELF] }),
    );
    const embed = message.embeds?.[0];
    expect(embed?.fields?.[0]).toEqual({ name: `Frase ${LAVROV_NUMBER}`, value: `> ${LAVROV_SENTENCE}` });
    expect(embed?.footer?.text).toMatch(/^Fuente: Ambito · /);
  });

  test("GIVEN a DM in English THEN the reply stays English", async () => {
    const { message } = await harness.sendMessage(messageCreate("who is Lavrov?", { place: "dm" }));
    expectLavrovAnswer(message);
  });
});
