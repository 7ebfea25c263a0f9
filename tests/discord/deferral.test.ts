/**
 * Deferral that can happen. The engine is synchronous, so while it works the defer timer cannot fire: work that may
 * be slow is acknowledged first (engine.mayTakeLong), and answers slower than the timer in asynchronous code are
 * deferred by it. Either way the answer arrives by editing the deferred reply.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { ApplicationCommandType } from "discord-api-types/v10";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import type { SlashCommand } from "../../commands/command.js";
import { COMMANDS } from "../../commands/index.js";
import { type AnswerEngine, createEngine } from "../../src/engine/engine.js";
import { buildKnowledge, readKnowledgeSources } from "../../src/knowledge/loadKnowledge.js";
import { SEARCH_CONFIG } from "../../src/engine/searchConfig.js";
import { type Harness, SentMessage, startHarness } from "../support/discordHarness.js";
import { slashCommand } from "../../fakeDiscord/index.js";
import { callbackPath, originalPath } from "../support/reliability.js";

const REPLY = 4;
const DEFERRED = 5;
/** Discord's 3 s window, scaled down to keep the suite fast. */
const WINDOW_MS = 1_000;

/** A command whose answer takes 400 ms without blocking the event loop (think: a future engine behind I/O). */
const slow: SlashCommand = {
  data: { type: ApplicationCommandType.ChatInput, name: "slow", description: "A slow answer (test only)" },
  execute: async (_interaction, { engine, reply }) => {
    await sleep(400);
    return reply(engine.run({ command: "who", argument: "Lavrov" }));
  },
};
const failingAfterDefer: SlashCommand = {
  data: { type: ApplicationCommandType.ChatInput, name: "slowfail", description: "A slow failure (test only)" },
  execute: async () => {
    await sleep(300);
    throw new Error("slow failure");
  },
};

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    commands: [...COMMANDS, slow, failingAfterDefer],
    deferAfterMs: 100,
    fake: { interactionWindowMs: WINDOW_MS },
  });
});
afterEach(() => {
  harness.engine.current = harness.realEngine;
  harness.expectOneAcceptedResponseEach();
});
afterAll(async () => harness.stop());

async function editedAnswer(payload: { application_id: string; token: string }): Promise<SentMessage> {
  const edit = await harness.fake.waitForCall(
    (call) => call.method === "PATCH" && call.path === originalPath(payload) && call.status === 200,
  );
  return SentMessage.parse(edit.body);
}

/** Blocks the event loop, as a long synchronous computation does. */
function blockFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy: nothing else runs, not even timers
  }
}

/** The real engine, made synchronously slow (longer than Discord's window) on every answer. */
function blockingEngine(mayTakeLong: boolean): AnswerEngine {
  const real = harness.realEngine;
  return {
    ...real,
    knowledge: real.knowledge,
    mayTakeLong: () => mayTakeLong,
    run: (request) => {
      blockFor(WINDOW_MS + 300);
      return real.run(request);
    },
  };
}

test("GIVEN an asynchronous answer slower than the defer threshold THEN the bot defers first and then edits in the answer", async () => {
  const payload = slashCommand("slow", {});
  expect((await harness.interact(payload)).type).toBe(DEFERRED);
  const message = await editedAnswer(payload);
  expect(message.embeds?.[0]?.description).toContain("Sergei Lavrov");
  expect(message.allowed_mentions).toEqual({ parse: [], replied_user: false });
  expect(harness.fake.originalMessage(payload.token)?.embeds[0]?.description).toContain("Sergei Lavrov");
});

test("GIVEN a fast answer THEN it is sent directly, without deferring", async () => {
  expect((await harness.interact(slashCommand("who", { name: "Lavrov" }))).type).toBe(REPLY);
});

test("GIVEN a deferred handler that then throws THEN the deferred reply becomes the apology", async () => {
  const payload = slashCommand("slowfail", {});
  expect((await harness.interact(payload)).type).toBe(DEFERRED);
  expect((await editedAnswer(payload)).content).toMatch(/^Sorry, something went wrong/);
});

test("GIVEN synchronous work longer than Discord's window that the engine announces THEN the bot defers before it starts, and the edit carries the answer", async () => {
  harness.engine.current = blockingEngine(true);
  const payload = slashCommand("who", { name: "Lavrov" });
  const response = await harness.interact(payload);
  expect(response.type).toBe(DEFERRED);
  expect((await editedAnswer(payload)).embeds?.[0]?.description).toContain("Sergei Lavrov");
});

test("GIVEN the same work unannounced THEN no timer can save it: the late reply is refused (why the engine must say so)", async () => {
  harness.engine.current = blockingEngine(false);
  const payload = slashCommand("who", { name: "Lavrov" });
  await harness.fake.dispatch("INTERACTION_CREATE", payload);
  const response = await harness.fake.waitForCall((call) => call.path === callbackPath(payload));
  expect(response).toMatchObject({ status: 404, response: { code: 10062 } });
});

test("GIVEN more articles without facts files than are extracted at start-up THEN an answer is deferred while their facts may still be extracted", async () => {
  const [tram] = readKnowledgeSources("tests/fixtures/second-article/knowledge");
  if (!tram) throw new Error("the tram fixture is missing");
  const copies = Array.from({ length: SEARCH_CONFIG.eagerExtractionLimit + 1 }, (_, index) => ({
    ...tram,
    slug: `${tram.slug}-${index}`,
  }));
  const engine = createEngine(buildKnowledge(copies));
  expect(engine.mayTakeLong()).toBe(true);
  harness.engine.current = engine;

  const first = slashCommand("ask", { question: "How much will the tram line cost?" });
  expect((await harness.interact(first)).type).toBe(DEFERRED);
  expect((await editedAnswer(first)).embeds?.[0]?.footer?.text).toMatch(/^Source: Riverside Gazette/);
});
