/**
 * End to end: follow-up questions through the real discord.js client, the real engine and the fake Discord, with the
 * conversation read back from Discord (reply chains, threads opened by the "Follow up in a thread" button, DMs).
 */
import { join } from "node:path";
import Database from "better-sqlite3";
import type { APIMessage } from "discord-api-types/v10";
import { afterAll, describe, expect, test, vi } from "vitest";
import { IDS, SELF, buttonClick, messageCreate, slashCommand, userWithId } from "../../fakeDiscord/index.js";
import type { AnswerEngine } from "../../src/engine/engine.js";
import { STORE_FILE } from "../../src/store/openStore.js";
import { openSqliteStore } from "../../src/store/sqliteStore.js";
import { type Harness, type SentMessage, customIds, useSharedHarness } from "../support/discordHarness.js";
import { collectLogs, temporaryDataDir } from "../support/storeFixtures.js";

const LAVROV = "(about Sergei Lavrov)";
const MESSAGE_CONTENT = 1 << 15;

const dataDir = temporaryDataDir();
const store = openSqliteStore({
  file: join(dataDir, STORE_FILE),
  personKey: "follow-up-test-key-0123456789",
  logger: collectLogs().logger,
});
afterAll(() => store.close());

/** Sends a person's message and resolves with the bot's reply: as sent, and as Discord stored it (with its id). */
async function ask(
  harness: Harness,
  payload: { channel_id: string },
): Promise<{ sent: SentMessage; posted: APIMessage }> {
  const { call, message } = await harness.sendMessage(payload);
  return { sent: message, posted: call.response as APIMessage };
}

/** A message as Discord would hand it back now (a reply's `referenced_message`, a click's `message`). */
function stored(harness: Harness, id: string): APIMessage {
  const message = harness.fake.storedMessage(id);
  if (!message) throw new Error(`the fake Discord has no message ${id}`);
  return message;
}

function description(message: SentMessage): string {
  return message.embeds?.[0]?.description ?? "";
}

function citesGeneva(message: SentMessage): boolean {
  return (message.embeds?.[0]?.fields ?? []).some((field) => field.value.includes("Geneva"));
}

/** Wraps the engine to record the `previous` each question was asked with. */
function spyOnPrevious(harness: Harness): Map<string, readonly string[]> {
  const seen = new Map<string, readonly string[]>();
  const real = harness.realEngine;
  const spy: AnswerEngine = {
    ...real,
    knowledge: real.knowledge,
    ask: (text, options) => {
      seen.set(text, options?.previous ?? []);
      return real.ask(text, options);
    },
  };
  harness.engine.current = spy;
  return seen;
}

function readsSince(harness: Harness, since: number) {
  return harness.fake.callsMatching((call) => call.method === "GET" && call.path.startsWith("/channels/"), since);
}

describe("reply chains in a server channel", () => {
  const harness = useSharedHarness({ store });

  test("GIVEN a mention 'who is Lavrov?' WHEN the person replies to the answer 'and where will he meet Blinken?' THEN the answer cites Geneva about Sergei Lavrov", async () => {
    const question = messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] });
    const first = await ask(harness, question);
    expect(description(first.sent)).not.toContain("(about");
    expect(customIds(first.sent)).toContain("v1:th:who is Lavrov?");

    // No mention in the text: the reply keeps its ping, so Discord lists the bot in `mentions` and delivers the text.
    const followUp = messageCreate("and where will he meet Blinken?", { replyTo: stored(harness, first.posted.id) });
    const second = await ask(harness, followUp);
    expect(second.sent.message_reference?.message_id).toBe(followUp.id);
    expect(description(second.sent).split("\n")[0]).toBe(LAVROV);
    expect(citesGeneva(second.sent)).toBe(true);
    // The answer's thread button carries the question as the engine read it, subject included.
    expect(customIds(second.sent)).toContain("v1:th:where will Sergei Lavrov meet Blinken?");
    await vi.waitFor(() =>
      expect(harness.logs.find((line) => line.eventId === followUp.id && line.msg === "message handled")).toMatchObject(
        {
          kind: "reply",
          turns: 1,
          outcome: "answered",
        },
      ),
    );
  });

  test("GIVEN a follow-up in Spanish THEN the subject line is Spanish: (sobre …)", async () => {
    const first = await ask(harness, messageCreate(`<@${IDS.bot}> ¿quién es Lavrov?`, { mentions: [SELF] }));
    const { sent } = await ask(
      harness,
      messageCreate("¿y dónde se reunirá con Blinken?", { replyTo: stored(harness, first.posted.id) }),
    );
    expect(description(sent).split("\n")[0]).toBe("(sobre Sergei Lavrov)");
    expect(citesGeneva(sent)).toBe(true);
  });

  test("GIVEN a chain of three questions THEN the third is asked with the two before it, oldest first", async () => {
    const seen = spyOnPrevious(harness);
    const first = await ask(harness, messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] }));
    const second = await ask(
      harness,
      messageCreate("and where will he meet Blinken?", { replyTo: stored(harness, first.posted.id) }),
    );
    await ask(harness, messageCreate(`<@${IDS.bot}> why?`, { replyTo: stored(harness, second.posted.id) }));
    expect(seen.get("why?")).toEqual(["who is Lavrov?", "and where will he meet Blinken?"]);
  });

  test("GIVEN a reply to an answer that needs no context THEN it is answered afresh, without reading the channel", async () => {
    const first = await ask(harness, messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] }));
    const since = harness.fake.calls.length;
    const second = await ask(harness, messageCreate("who is Zelensky?", { replyTo: stored(harness, first.posted.id) }));
    expect(description(second.sent)).not.toContain("(about");
    expect(description(second.sent)).toContain("Zelensky");
    expect(readsSince(harness, since)).toEqual([]);
  });

  test("GIVEN a reply to someone else's message THEN it is no follow-up: ignored without a mention, answered afresh with one", async () => {
    const other = messageCreate("who is Lavrov?", { author: userWithId("1100000000000000777") });
    await harness.sendMessageExpectingSilence(other);
    const seen = spyOnPrevious(harness);
    expect(
      await harness.sendMessageExpectingSilence(
        messageCreate("and where will he meet Blinken?", { replyTo: stored(harness, other.id) }),
      ),
    ).toEqual([]);
    const { sent } = await ask(
      harness,
      messageCreate(`<@${IDS.bot}> and where will he meet Blinken?`, {
        mentions: [SELF],
        replyTo: stored(harness, other.id),
      }),
    );
    expect(seen.get("and where will he meet Blinken?")).toEqual([]);
    expect(description(sent)).not.toContain("(about");
  });

  test("GIVEN a reply to the bot that dropped its ping THEN Discord withholds its text and the bot stays quiet", async () => {
    const first = await ask(harness, messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] }));
    const quiet = messageCreate("and where will he meet Blinken?", {
      replyTo: stored(harness, first.posted.id),
      ping: false,
    });
    expect(await harness.sendMessageExpectingSilence(quiet)).toEqual([]);
  });

  test("GIVEN a reply to a slash command's answer THEN the chain starts with the question its thread button carries", async () => {
    const seen = spyOnPrevious(harness);
    const slash = slashCommand("who", { name: "Lavrov" });
    await harness.interact(slash);
    const answer = harness.fake.originalMessage(slash.token);
    if (!answer) throw new Error("no answer to the slash command");
    await ask(harness, messageCreate(`<@${IDS.bot}> and where will he meet Blinken?`, { replyTo: answer }));
    expect(seen.get("and where will he meet Blinken?")).toEqual(["/who Lavrov"]);
  });
});

describe("the Follow up in a thread button", () => {
  const harness = useSharedHarness({ store });

  /** Asks with /ask, then clicks the answer's thread button; resolves with the thread's id and the click's reply. */
  async function openThread(question: string): Promise<{ threadId: string; notice: string; answer: APIMessage }> {
    const slash = slashCommand("ask", { question });
    const response = await harness.interact(slash);
    const answer = harness.fake.originalMessage(slash.token);
    if (!answer) throw new Error("no answer to the slash command");
    const threadButton = customIds(response.data).find((id) => id.startsWith("v1:th:"));
    expect(threadButton).toBe(`v1:th:${question}`);
    const since = harness.fake.calls.length;
    const click = await harness.interact(buttonClick(threadButton ?? "", stored(harness, answer.id)));
    expect(click.data?.flags).toBe(64);
    // The first line the bot posts in the new thread.
    await harness.fake.waitForCall(
      (call) => call.method === "POST" && call.path === `/channels/${answer.id}/messages` && call.status === 200,
      { since },
    );
    return { threadId: answer.id, notice: click.data?.content ?? "", answer };
  }

  test("GIVEN a click THEN a public thread named after the question opens on the answer, linked privately, with a first line", async () => {
    const { threadId, notice } = await openThread("who is Lavrov?");
    expect(notice).toContain(`<#${threadId}>`);
    expect(harness.fake.startedThreads.find((thread) => thread.id === threadId)).toMatchObject({
      name: "who is Lavrov?",
      type: 11,
      parent_id: IDS.guildChannel,
      owner_id: IDS.bot,
    });
    const intro = harness.fake.callsMatching(
      (call) => call.method === "POST" && call.path === `/channels/${threadId}/messages`,
    );
    expect(JSON.stringify(intro[0]?.body)).toContain("mention me or reply");
  });

  test("GIVEN a mention in the thread THEN it is answered in the thread's context, without a thread button", async () => {
    const { threadId } = await openThread("who is Lavrov?");
    const { sent } = await ask(
      harness,
      messageCreate(`<@${IDS.bot}> where will he meet Blinken?`, { mentions: [SELF], channelId: threadId }),
    );
    expect(description(sent).split("\n")[0]).toBe(LAVROV);
    expect(citesGeneva(sent)).toBe(true);
    expect(customIds(sent).some((id) => id.startsWith("v1:th:"))).toBe(false);
  });

  test("GIVEN earlier questions in the thread THEN they follow the opening question in the context", async () => {
    const { threadId } = await openThread("who is Lavrov?");
    await ask(harness, messageCreate(`<@${IDS.bot}> who is Blinken?`, { mentions: [SELF], channelId: threadId }));
    // People talking among themselves (not to the bot) are not part of it.
    await harness.sendMessageExpectingSilence(messageCreate("interesting", { channelId: threadId }), 100);
    const seen = spyOnPrevious(harness);
    await ask(harness, messageCreate(`<@${IDS.bot}> why?`, { mentions: [SELF], channelId: threadId }));
    expect(seen.get("why?")).toEqual(["who is Lavrov?", "who is Blinken?"]);
  });

  test("GIVEN a message in the thread that does not mention the bot THEN, without the Message Content intent, no reply", async () => {
    const { threadId } = await openThread("who is Lavrov?");
    expect(
      await harness.sendMessageExpectingSilence(messageCreate("where will he meet Blinken?", { channelId: threadId })),
    ).toEqual([]);
  });

  test("GIVEN a second click on the same answer THEN the person is told privately where the thread is", async () => {
    const slash = slashCommand("who", { name: "Zelensky" });
    await harness.interact(slash);
    const answer = harness.fake.originalMessage(slash.token);
    if (!answer) throw new Error("no answer to the slash command");
    const before = stored(harness, answer.id);
    await harness.interact(buttonClick("v1:th:/who Zelensky", before));
    // The message as it is now (flagged as having a thread): discord.js knows without asking.
    const again = await harness.interact(buttonClick("v1:th:/who Zelensky", stored(harness, answer.id)));
    expect(again.data?.content).toBe(`This answer already has a thread: <#${answer.id}>`);
    // A click on the message as it was (not flagged yet): Discord refuses with 160004, said the same way.
    const stale = await harness.interact(buttonClick("v1:th:/who Zelensky", before));
    expect(stale.data?.content).toBe(`This answer already has a thread: <#${answer.id}>`);
    expect(stale.data?.flags).toBe(64);
  });

  test("GIVEN Discord refuses the thread (missing permission) THEN a clear private message, and the bot keeps answering", async () => {
    const slash = slashCommand("ask", { question: "who is Blinken?" });
    await harness.interact(slash);
    const answer = harness.fake.originalMessage(slash.token);
    if (!answer) throw new Error("no answer to the slash command");
    harness.fake.injectFault({
      method: "POST",
      path: `/channels/${IDS.guildChannel}/messages/${answer.id}/threads`,
      status: 403,
      body: { message: "Missing Permissions", code: 50013 },
    });
    const click = await harness.interact(buttonClick("v1:th:who is Blinken?", stored(harness, answer.id)));
    expect(click.data?.content).toContain("Create Public Threads permission");
    expect(click.data?.flags).toBe(64);
    expect(harness.fake.startedThreads.some((thread) => thread.id === answer.id)).toBe(false);
    const { sent } = await ask(harness, messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] }));
    expect(description(sent)).toContain("Lavrov");
  });

  test("GIVEN Next on a paged answer THEN the redrawn page keeps its thread button", async () => {
    const { sent, posted } = await ask(harness, messageCreate(`<@${IDS.bot}> /search Russia`, { mentions: [SELF] }));
    expect(customIds(sent)).toContain("v1:th:/search Russia");
    const next = await harness.interact(buttonClick("v1:pg:search:2:Russia", stored(harness, posted.id)));
    expect(customIds(next.data)).toContain("v1:th:/search Russia");
  });

  test("GIVEN answers that are private or in a DM THEN they carry no thread button", async () => {
    const privately = await harness.interact(slashCommand("ask", { question: "who is Lavrov?", private: true }));
    expect(customIds(privately.data).some((id) => id.startsWith("v1:th:"))).toBe(false);
    const inDm = await harness.interact(slashCommand("ask", { question: "who is Lavrov?" }, "dm"));
    expect(customIds(inDm.data).some((id) => id.startsWith("v1:th:"))).toBe(false);
    const { sent } = await ask(harness, messageCreate("who is Lavrov?", { place: "dm" }));
    expect(customIds(sent).some((id) => id.startsWith("v1:th:"))).toBe(false);
  });

  test("GIVEN a reply and a thread question THEN the store records them with the surfaces reply and thread", async () => {
    const first = await ask(harness, messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] }));
    const reply = messageCreate("and where will he meet Blinken?", { replyTo: stored(harness, first.posted.id) });
    await ask(harness, reply);
    const { threadId } = await openThread("who is Lavrov?");
    const inThread = messageCreate(`<@${IDS.bot}> where will he meet Blinken?`, {
      mentions: [SELF],
      channelId: threadId,
    });
    await ask(harness, inThread);
    const rows = await vi.waitFor(() => {
      store.unanswered({ since: new Date(0) }); // writes what is queued
      const db = new Database(join(dataDir, STORE_FILE), { readonly: true });
      const found = db
        .prepare("SELECT id, surface, question FROM questions WHERE id IN (?, ?) ORDER BY asked_at")
        .all(reply.id, inThread.id);
      db.close();
      expect(found).toHaveLength(2);
      return found;
    });
    expect(rows).toEqual([
      { id: reply.id, surface: "reply", question: "and where will he meet Blinken?" },
      { id: inThread.id, surface: "thread", question: "where will he meet Blinken?" },
    ]);
  });
});

describe("threads with the Message Content intent (MESSAGE_CONTENT_INTENT=true)", () => {
  const harness = useSharedHarness({ messageContent: true });

  test("GIVEN the intent THEN the bot identifies with it, and a message in its thread is answered without a mention", async () => {
    expect(Number((harness.fake.identifies.at(-1) as { intents: number }).intents) & MESSAGE_CONTENT).toBe(
      MESSAGE_CONTENT,
    );
    const slash = slashCommand("ask", { question: "who is Lavrov?" });
    await harness.interact(slash);
    const answer = harness.fake.originalMessage(slash.token);
    if (!answer) throw new Error("no answer to the slash command");
    const since = harness.fake.calls.length;
    await harness.interact(buttonClick("v1:th:who is Lavrov?", stored(harness, answer.id)));
    const intro = await harness.fake.waitForCall(
      (call) => call.method === "POST" && call.path === `/channels/${answer.id}/messages` && call.status === 200,
      { since },
    );
    expect(JSON.stringify(intro.body)).toContain("every message in this thread");
    const { sent } = await ask(harness, messageCreate("where will he meet Blinken?", { channelId: answer.id }));
    expect(description(sent).split("\n")[0]).toBe(LAVROV);
    expect(citesGeneva(sent)).toBe(true);
  });

  test("GIVEN a thread a person started on an answer THEN, with the intent, its messages are answered in context too", async () => {
    const first = await ask(harness, messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] }));
    const threadId = await harness.fake.personStartsThread(first.posted.id, "Lavrov");
    const { sent } = await ask(harness, messageCreate("where will he meet Blinken?", { channelId: threadId }));
    expect(description(sent).split("\n")[0]).toBe(LAVROV);
  });

  test("GIVEN a thread a person started on their own message THEN, even with the intent, only mentions are answered", async () => {
    const own = messageCreate("a thought about Lavrov");
    await harness.sendMessageExpectingSilence(own, 100);
    const threadId = await harness.fake.personStartsThread(own.id, "thoughts");
    expect(await harness.sendMessageExpectingSilence(messageCreate("who is Lavrov?", { channelId: threadId }))).toEqual(
      [],
    );
    const { sent } = await ask(
      harness,
      messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF], channelId: threadId }),
    );
    expect(description(sent)).toContain("Lavrov");
  });

  test("GIVEN the intent THEN messages in channels still need a mention", async () => {
    expect(await harness.sendMessageExpectingSilence(messageCreate("who is Lavrov?"))).toEqual([]);
  });
});

describe("follow-ups in a DM", () => {
  const harness = useSharedHarness();

  test("GIVEN 'who is Lavrov?' THEN 'and where will he meet Blinken?' is answered about him, from the DM's last minutes", async () => {
    await ask(harness, messageCreate("who is Lavrov?", { place: "dm" }));
    const { sent } = await ask(harness, messageCreate("and where will he meet Blinken?", { place: "dm" }));
    expect(description(sent).split("\n")[0]).toBe(LAVROV);
    expect(citesGeneva(sent)).toBe(true);
  });

  test("GIVEN a reply to an answer in the DM THEN its reply chain is the context", async () => {
    const first = await ask(harness, messageCreate("who is Putin?", { place: "dm" }));
    await ask(harness, messageCreate("who is Lavrov?", { place: "dm" }));
    const seen = spyOnPrevious(harness);
    await ask(harness, messageCreate("what did he say?", { place: "dm", replyTo: stored(harness, first.posted.id) }));
    expect(seen.get("what did he say?")).toEqual(["who is Putin?"]);
  });
});

describe("a DM conversation is the last 10 minutes", () => {
  const harness = useSharedHarness();

  test("GIVEN the earlier question was asked 11 minutes ago THEN it is not context", async () => {
    await ask(harness, messageCreate("who is Lavrov?", { place: "dm", at: Date.now() - 11 * 60_000 }));
    const seen = spyOnPrevious(harness);
    const { sent } = await ask(harness, messageCreate("and where will he meet Blinken?", { place: "dm" }));
    expect(seen.get("and where will he meet Blinken?")).toEqual([]);
    expect(description(sent)).not.toContain("(about");
  });

  test("GIVEN earlier questions 9 minutes ago and just now THEN they are context, the 11-minute-old one still not", async () => {
    await ask(harness, messageCreate("who is Zelensky?", { place: "dm", at: Date.now() - 9 * 60_000 }));
    const seen = spyOnPrevious(harness);
    await ask(harness, messageCreate("what did he say?", { place: "dm" }));
    expect(seen.get("what did he say?")).toEqual(["who is Zelensky?", "and where will he meet Blinken?"]);
  });
});

describe("conversations survive a restart (nothing is kept in memory)", () => {
  const harness = useSharedHarness();

  test("GIVEN a reply and a thread from before a restart THEN the new process reads both conversations back", async () => {
    const question = messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] });
    const first = await ask(harness, question);
    const slash = slashCommand("ask", { question: "who is Lavrov?" });
    await harness.interact(slash);
    const starter = harness.fake.originalMessage(slash.token);
    if (!starter) throw new Error("no answer to the slash command");
    const since = harness.fake.calls.length;
    await harness.interact(buttonClick("v1:th:who is Lavrov?", stored(harness, starter.id)));
    await harness.fake.waitForCall(
      (call) => call.method === "POST" && call.path === `/channels/${starter.id}/messages` && call.status === 200,
      { since },
    );

    await harness.restartBot();
    const sinceRestart = harness.fake.calls.length;

    const reply = await ask(
      harness,
      messageCreate("and where will he meet Blinken?", { replyTo: stored(harness, first.posted.id) }),
    );
    expect(description(reply.sent).split("\n")[0]).toBe(LAVROV);
    // Read back from Discord: the new client had never seen the question.
    const read = `/channels/${IDS.guildChannel}/messages/${question.id}`;
    expect(
      harness.fake.callsMatching((call) => call.method === "GET" && call.path === read, sinceRestart),
    ).toHaveLength(1);
    // The new client learns the thread from GUILD_CREATE's active threads.
    const inThread = await ask(
      harness,
      messageCreate(`<@${IDS.bot}> where will he meet Blinken?`, { mentions: [SELF], channelId: starter.id }),
    );
    expect(description(inThread.sent).split("\n")[0]).toBe(LAVROV);
  });
});
