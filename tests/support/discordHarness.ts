/** Starts the fake Discord and the real bot (real discord.js client, real engine) connected to it, for end-to-end tests. */
import { Writable } from "node:stream";
import { afterAll, afterEach, beforeAll } from "vitest";
import { type Config, STORE_OFF } from "../../src/config/config.js";
import type { Command } from "../../commands/command.js";
import { COMMANDS } from "../../commands/index.js";
import { type DiscordBot, type RestPolicy, startDiscordBot } from "../../src/discord/startBot.js";
import { type AnswerEngine, createEngine } from "../../src/engine/engine.js";
import { GuildArticleFiles } from "../../src/guilds/guildArticles.js";
import { GuildKnowledge } from "../../src/guilds/guildKnowledge.js";
import { loadKnowledge } from "../../src/knowledge/loadKnowledge.js";
import type { QuestionRate } from "../../src/limits/questionRate.js";
import { createLogger } from "../../src/logging/logger.js";
import type { QuestionStore } from "../../src/store/questionStore.js";
import { FakeDiscord, type FakeDiscordOptions, type RestCall } from "../../fakeDiscord/index.js";
import { InteractionResponse, SentMessage } from "../../fakeDiscord/responses.js";

export { InteractionResponse, messageFromResponse, SentMessage } from "../../fakeDiscord/responses.js";

/** A token-shaped secret: tests assert it never shows up in logs or replies. */
export const FAKE_TOKEN = "fake-bot-token.for-tests.s3cr3t-value";

export interface LogLine {
  level: number;
  msg?: string;
  kind?: string;
  command?: string;
  outcome?: string;
  latencyMs?: number;
  [key: string]: unknown;
}

export interface Harness {
  fake: FakeDiscord;
  bot: DiscordBot;
  /** Swap the engine the bot reads per event (as knowledge hot reload does). */
  engine: { current: AnswerEngine };
  /** The real engine on the real knowledge. */
  realEngine: AnswerEngine;
  logs: LogLine[];
  /** Raw log text, for secrecy checks. */
  logText(): string;
  /**
   * Dispatches an interaction and resolves with the initial response the fake Discord accepted (the callback body).
   * Fails when the bot's response was refused or came too late, as Discord would have dropped it.
   */
  interact(payload: { id: string; token: string }): Promise<InteractionResponse>;
  /** Dispatches a MESSAGE_CREATE and resolves with the message the fake Discord accepted in that channel; fails on a refusal. */
  sendMessage(payload: { channel_id: string }): Promise<{ call: RestCall; message: SentMessage }>;
  /** Fails unless every interaction sent through `interact` so far has exactly one accepted initial response. */
  expectOneAcceptedResponseEach(): void;
  /** Dispatches a MESSAGE_CREATE and resolves after the bot stayed quiet (returns what it sent meanwhile). */
  sendMessageExpectingSilence(payload: { channel_id: string }, quietMs?: number): Promise<RestCall[]>;
  /** Stops the bot and starts a fresh one (new client, empty caches) against the same fake Discord. */
  restartBot(): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** The command registry; `commands/index.ts` by default. */
  commands?: readonly Command[];
  deferAfterMs?: number;
  /** The question limit; default "off" so suites can ask many questions as one user. */
  questionRate?: QuestionRate;
  /** discord.js REST policy (timeouts, retries), e.g. short timeouts for fault tests. */
  rest?: Partial<RestPolicy>;
  fake?: FakeDiscordOptions;
  /** Default "debug"; "trace" also records discord.js's own debug lines. */
  logLevel?: "trace" | "debug" | "info";
  /** Give the logger the token to scrub (default true). Secrecy tests turn it off to prove nothing logs the token at all. */
  scrubToken?: boolean;
  /** Clock for the question limit. */
  now?: () => number;
  /** DM channel cache sweeping (how often, how many kept). */
  dmChannels?: { everyMs?: number; keep?: number };
  /** Where the bot records questions and votes; none by default (no feedback buttons). */
  store?: QuestionStore;
  /** A DATA_DIR for servers' own articles (/article); none by default (/article says it is not set up). */
  dataDir?: string;
  /** MESSAGE_CONTENT_INTENT: identify with the privileged Message Content intent (default false). */
  messageContent?: boolean;
  /** How long start-up waits for READY (startDiscordBot's default otherwise). */
  readyTimeoutMs?: number;
}

/** discord.js waits 5 s between IDENTIFYs (Discord's limit); the fake has no such limit, so gateway tests skip the wait. */
export const NO_IDENTIFY_THROTTLE = { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) };

/** Discord accepted the request (a 2xx). */
export function isAccepted(call: RestCall): boolean {
  return call.status >= 200 && call.status < 300;
}

/** Discord's last word on a request: accepted, or refused for good (a 4xx other than 429, which discord.js waits out and retries, like a 5xx). */
function isFinal(call: RestCall): boolean {
  return isAccepted(call) || (call.status >= 400 && call.status < 500 && call.status !== 429);
}

/** Waits for Discord's final answer to the first matching request; throws with Discord's error when it was refused. */
export async function acceptedCall(
  fake: FakeDiscord,
  matches: (call: RestCall) => boolean,
  since: number,
  what: string,
): Promise<RestCall> {
  const call = await fake.waitForCall((entry) => matches(entry) && isFinal(entry), { since });
  if (!isAccepted(call))
    throw new Error(
      `fake Discord refused the bot's ${what} (${call.method} ${call.path}): ${call.status} ${JSON.stringify(call.response)}`,
    );
  return call;
}

/**
 * Dispatches a person's message (MESSAGE_CREATE) and resolves with the bot's message in that channel that the fake
 * Discord accepted; fails on a refusal. For the harness and for suites that drive a bot in another process.
 */
export async function sendMessageTo(
  fake: FakeDiscord,
  payload: { channel_id: string },
): Promise<{ call: RestCall; message: SentMessage }> {
  const since = fake.calls.length;
  await fake.dispatch("MESSAGE_CREATE", payload);
  const call = await acceptedCall(
    fake,
    (entry) => entry.method === "POST" && entry.path === `/channels/${payload.channel_id}/messages`,
    since,
    "message",
  );
  return { call, message: SentMessage.parse(call.body) };
}

/** The real engine on the real knowledge folder. */
export function createEngineForTests(): AnswerEngine {
  return createEngine(loadKnowledge("knowledge"));
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeDiscord.start({ token: FAKE_TOKEN, ...options.fake });
  const interacted: string[] = [];
  const chunks: string[] = [];
  const logs: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      const text = chunk.toString();
      chunks.push(text);
      for (const line of text.split("\n").filter((entry) => entry.trim() !== ""))
        logs.push(JSON.parse(line) as LogLine);
      callback();
    },
  });
  const realEngine = createEngineForTests();
  const engine = { current: realEngine };
  const level = options.logLevel ?? "debug";
  const config: Config = {
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_API_URL: fake.url,
    LOG_LEVEL: level,
    KNOWLEDGE_DIR: "knowledge",
    QUESTION_RATE_LIMIT: options.questionRate ?? "off",
    ...STORE_OFF,
    ...(options.messageContent ? { MESSAGE_CONTENT_INTENT: true } : {}),
  };
  const logger = createLogger({ level, secrets: options.scrubToken === false ? [] : [FAKE_TOKEN], destination });
  const guildKnowledge =
    options.dataDir === undefined
      ? undefined
      : new GuildKnowledge({
          shared: () => engine.current,
          files: new GuildArticleFiles(options.dataDir),
          onBrokenArticle: (error) => logger.error({ problem: error.message }, "a server's article is left out"),
        });
  const startBot = () =>
    startDiscordBot({
      config,
      logger,
      getEngine: (guildId) => guildKnowledge?.engineFor(guildId) ?? engine.current,
      ...(guildKnowledge ? { guildKnowledge } : {}),
      ws: NO_IDENTIFY_THROTTLE,
      commands: options.commands ?? COMMANDS,
      ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
      ...(options.rest ? { rest: options.rest } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.dmChannels ? { dmChannels: options.dmChannels } : {}),
      ...(options.store ? { store: options.store } : {}),
      ...(options.readyTimeoutMs !== undefined ? { readyTimeoutMs: options.readyTimeoutMs } : {}),
    });
  let bot: DiscordBot;
  try {
    bot = await startBot();
  } catch (error) {
    await fake.stop();
    throw error;
  }

  return {
    fake,
    get bot() {
      return bot;
    },
    engine,
    realEngine,
    logs,
    logText: () => chunks.join(""),
    async interact(payload) {
      const since = fake.calls.length;
      interacted.push(payload.id);
      await fake.dispatch("INTERACTION_CREATE", payload);
      const call = await acceptedCall(
        fake,
        (entry) => entry.method === "POST" && entry.path === callbackPath(payload),
        since,
        "initial response",
      );
      return InteractionResponse.parse(call.body);
    },
    sendMessage: (payload) => sendMessageTo(fake, payload),
    expectOneAcceptedResponseEach() {
      for (const id of interacted.splice(0)) {
        const accepted = fake.callsMatching(
          (call) => call.method === "POST" && call.path.startsWith(`/interactions/${id}/`) && isAccepted(call),
        );
        if (accepted.length !== 1)
          throw new Error(`interaction ${id} has ${accepted.length} accepted initial responses, not exactly one`);
      }
    },
    async sendMessageExpectingSilence(payload, quietMs = 400) {
      const since = fake.calls.length;
      await fake.dispatch("MESSAGE_CREATE", payload);
      await fake.settle(quietMs);
      return fake.calls.slice(since);
    },
    async restartBot() {
      await bot.stop();
      bot = await startBot();
    },
    async stop() {
      await bot.stop();
      await fake.stop();
    },
  };
}

/** The route of an interaction's initial response. */
export function callbackPath(payload: { id: string; token: string }): string {
  return `/interactions/${payload.id}/${payload.token}/callback`;
}

/** Every custom_id of every button in a sent message. */
export function customIds(message: SentMessage | undefined): string[] {
  return (message?.components ?? []).flatMap((row) => row.components.map((component) => component.custom_id ?? ""));
}

/**
 * One harness for a whole test file: started before its tests, stopped after, and with the real
 * engine put back after each test (tests may swap in a failing one). The value forwards to the
 * harness once it has started, so tests write `harness.interact(…)` as usual.
 */
export function useSharedHarness(options: HarnessOptions = {}): Harness {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startHarness(options);
  });
  afterAll(async () => started?.stop());
  afterEach(() => {
    if (!started) return;
    started.engine.current = started.realEngine;
    started.expectOneAcceptedResponseEach();
  });
  return new Proxy({} as Harness, {
    get(_target, property) {
      if (!started) throw new Error("the shared harness is used before it started (use it inside a test)");
      const value: unknown = Reflect.get(started, property);
      return typeof value === "function" ? value.bind(started) : value;
    },
  });
}

/** Resolves with the message the fake Discord accepted in `channelId` (from call `since` on); fails on a refusal. */
export async function acceptedMessageIn(fake: FakeDiscord, channelId: string, since: number): Promise<SentMessage> {
  const call = await acceptedCall(
    fake,
    (entry) => entry.method === "POST" && entry.path === `/channels/${channelId}/messages`,
    since,
    "message",
  );
  return SentMessage.parse(call.body);
}
