/**
 * The token never leaks: one end-to-end session with a known fake token — answers, buttons, a handler that throws,
 * REST faults, gateway drops, an invalid session, malformed payloads — with the logger's own scrubbing turned OFF
 * (so nothing is hidden after the fact) and discord.js's debug output on. Everything recorded is then searched.
 */
import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { ApplicationCommandType } from "discord-api-types/v10";
import { afterAll, beforeAll, expect, test } from "vitest";
import { COMMANDS } from "../../commands/index.js";
import type { SlashCommand } from "../../commands/command.js";
import { startDiscordBot } from "../../src/discord/startBot.js";
import { createLogger } from "../../src/logging/logger.js";
import {
  FAKE_TOKEN,
  type Harness,
  createEngineForTests,
  customIds,
  messageFromResponse,
  startHarness,
} from "../support/discordHarness.js";
import {
  FakeDiscord,
  IDS,
  SELF,
  autocomplete,
  buttonClick,
  messageCommand,
  messageCreate,
  plainMessage,
  slashCommand,
} from "../../fakeDiscord/index.js";
import { callbackPath, originalPath, slowCommand, waitForLog } from "../support/reliability.js";
import { STORE_OFF } from "../../src/config/config.js";

/**
 * The secret part of a token: a real one is `<bot id in base64>.<timestamp>.<HMAC>`, and only the HMAC is secret
 * (discord.js's own debug line shows the first two parts and masks the third, as does Discord's developer portal).
 */
const SECRET_PART = FAKE_TOKEN.split(".").at(-1) ?? FAKE_TOKEN;

const explode: SlashCommand = {
  data: { type: ApplicationCommandType.ChatInput, name: "explode", description: "Throws (test only)" },
  execute: () => {
    throw new Error("handler exploded while answering");
  },
};

let harness: Harness;
let loginFailure = "";
beforeAll(async () => {
  harness = await startHarness({
    commands: [...COMMANDS, explode, slowCommand("slowwho", 200)],
    deferAfterMs: 50,
    rest: { timeoutMs: 400, retries: 1 },
    fake: { heartbeatIntervalMs: 250 },
    logLevel: "trace",
    scrubToken: false,
  });
  await runSession(harness);
  loginFailure = await failedLogin();
}, 30_000);
afterAll(async () => harness.stop());

async function runSession(h: Harness): Promise<void> {
  const search = await h.interact(slashCommand("search", { words: "Russia" }));
  const message = messageFromResponse(search);
  for (const customId of customIds(search.data)) await h.interact(buttonClick(customId, message));
  const privateAnswer = await h.interact(slashCommand("ask", { question: "who is Lavrov?", private: true }));
  await h.interact(buttonClick("v1:post", messageFromResponse(privateAnswer)));
  await h.interact(autocomplete("who", "name", "Lav"));
  await h.interact(messageCommand("Ask the article", plainMessage("who is Lavrov?")));
  await h.interact(buttonClick("v1:forged:custom:id", message));
  await h.interact(slashCommand("explode"));
  await h.sendMessage(messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] }));
  await h.sendMessage(messageCreate("where will they meet?", { place: "dm" }));

  // REST faults on each route.
  const failing = slashCommand("who", { name: "Blinken" });
  h.fake.injectFault({ path: callbackPath(failing), status: 500, times: Number.POSITIVE_INFINITY });
  await h.fake.dispatch("INTERACTION_CREATE", failing);
  await waitForLog(h, (line) => line.eventId === failing.id && line.msg === "reply not delivered");
  h.fake.injectFault({
    path: `/channels/${IDS.guildChannel}/messages`,
    status: 429,
    headers: { "Retry-After": "0.1" },
    body: { message: "You are being rate limited.", retry_after: 0.1, global: false },
  });
  await h.sendMessage(messageCreate(`<@${IDS.bot}> what did Zelensky say?`, { mentions: [SELF] }));
  const slow = slashCommand("slowwho");
  h.fake.injectFault({ method: "PATCH", path: originalPath(slow), delayMs: 1_000, times: Number.POSITIVE_INFINITY });
  await h.fake.dispatch("INTERACTION_CREATE", slow);
  await waitForLog(h, (line) => line.eventId === slow.id && line.msg === "reply not delivered");
  h.fake.clearFaults();

  // Gateway faults.
  h.fake.terminateGateway();
  await sleep(50);
  await h.interact(slashCommand("who", { name: "Zelensky" }));
  h.fake.sendRaw({ op: 9, d: false });
  await h.interact(slashCommand("when"));

  // Malformed payloads.
  await h.fake.dispatch("INTERACTION_CREATE", { ...slashCommand("who", { name: "Lavrov" }), type: 99 });
  await h.fake.dispatch("MESSAGE_CREATE", { ...messageCreate("hi", { place: "dm" }), author: undefined });
  await h.interact(slashCommand("help"));
  await h.fake.settle(100);
}

/** A login Discord refuses (401 on GET /gateway/bot): the error the bot raises. */
async function failedLogin(): Promise<string> {
  const fake = await FakeDiscord.start();
  fake.injectFault({
    path: "/gateway/bot",
    status: 401,
    body: { message: "401: Unauthorized", code: 0 },
    times: Number.POSITIVE_INFINITY,
  });
  const lines: string[] = [];
  const destination = new Writable({
    write: (chunk: Buffer, _encoding, callback) => (lines.push(chunk.toString()), callback()),
  });
  try {
    await startDiscordBot({
      config: {
        DISCORD_TOKEN: FAKE_TOKEN,
        DISCORD_API_URL: fake.url,
        LOG_LEVEL: "trace",
        KNOWLEDGE_DIR: "knowledge",
        ...STORE_OFF,
      },
      logger: createLogger({ level: "trace", destination }),
      getEngine: createEngineForTests,
      commands: COMMANDS,
      readyTimeoutMs: 5_000,
    });
    return "the login unexpectedly succeeded";
  } catch (error) {
    const cause =
      error instanceof Error && error.cause instanceof Error ? `${error.cause.name}: ${error.cause.message}` : "";
    return [
      error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error),
      cause,
      ...lines,
    ].join("\n");
  } finally {
    await fake.stop();
  }
}

function expectNoSecret(text: string, where: string): void {
  expect(text, where).not.toContain(FAKE_TOKEN);
  expect(text, where).not.toContain(SECRET_PART);
}

test("GIVEN the whole session THEN it really exercised answers, errors, faults, reconnects and bad payloads", () => {
  const text = harness.logText();
  for (const marker of [
    "interaction handled",
    "message handled",
    "interaction handler failed",
    "reply not delivered",
    "gateway resumed",
    "malformed gateway payload ignored",
    "discord debug",
  ])
    expect(text, marker).toContain(marker);
  expect(harness.fake.identifies.length).toBeGreaterThanOrEqual(2);
  expect(harness.fake.resumes.length).toBeGreaterThanOrEqual(1);
  expect(loginFailure).toMatch(/^Error: Discord login failed: Discord rejected DISCORD_TOKEN/);
});

test("GIVEN every log line, with the logger's scrubbing off THEN none contains the token or a secret part of it", () => {
  expectNoSecret(harness.logText(), "logs");
});

test("GIVEN every reply body, route and query the bot sent THEN none contains the token", () => {
  for (const call of harness.fake.calls)
    expectNoSecret(
      JSON.stringify({ method: call.method, path: call.path, query: call.query, body: call.body }),
      `${call.method} ${call.path}`,
    );
});

test("GIVEN the token's only proper places THEN it is sent there and nowhere else: the Authorization header, IDENTIFY and RESUME", () => {
  const authenticated = harness.fake.calls.filter((call) => call.authorization !== undefined);
  expect(authenticated.length).toBeGreaterThan(0);
  for (const call of authenticated) expect(call.authorization).toBe(`Bot ${FAKE_TOKEN}`);
  const sent = harness.fake.frames.filter((frame) => frame.direction === "in");
  const withToken = sent.filter((frame) => JSON.stringify(frame.d).includes(FAKE_TOKEN));
  expect(withToken.length).toBe(harness.fake.identifies.length + harness.fake.resumes.length);
  for (const frame of withToken) {
    expect([2, 6]).toContain(frame.op);
    const { token, ...rest } =
      typeof frame.d === "object" && frame.d !== null ? (frame.d as Record<string, unknown>) : {};
    expect(token).toBe(FAKE_TOKEN);
    expectNoSecret(JSON.stringify(rest), `gateway op ${frame.op} besides its token field`);
  }
  for (const frame of harness.fake.frames.filter((entry) => entry.direction === "out"))
    expectNoSecret(JSON.stringify(frame.d), `gateway ${frame.t ?? frame.op}`);
});

test("GIVEN a login that Discord refuses THEN the error, its cause and every log line are free of the token", () => {
  expectNoSecret(loginFailure, "login failure");
});

test("GIVEN the repository THEN .env is git-ignored, so a real token cannot be committed by accident", () => {
  const ignored = readFileSync(".gitignore", "utf8")
    .split("\n")
    .map((line) => line.trim());
  expect(ignored).toContain(".env");
});
