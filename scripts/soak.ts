/**
 * `npm run soak`: drives a long mixed stream of events through the fake Discord on 127.0.0.1 to the real bot (real
 * discord.js client, real engine) and reports throughput, event-to-reply latency, memory and lost replies.
 * A script, not a test: it always prints its report; it exits 1 only when replies were lost or it could not run.
 *
 *   npm run soak                         100,000 events
 *   npm run soak -- --events 10000       fewer events
 *   npm run soak -- --concurrency 32     events in flight at once (default 64)
 *   npm run soak -- --users 20000        distinct people the events are spread over (default 20,000)
 *   npm run soak -- --global-rps 50      the bot's REST limit for non-interaction routes (default 10,000; Discord's is 50/s)
 *   npm run soak -- --max-minutes 20     stop sending after this long and report what was done
 *
 * The bot runs in a child process (so its memory is measured alone, after `gc()`); this process runs the fake and
 * the driver. Events are spread over many user ids, so the question limit (5 per 10 s per person) stays out of the
 * way; its tracked-user cap is exercised instead.
 */
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Client } from "discord.js";
import type { APIMessage, APIUser } from "discord-api-types/v10";
import { z } from "zod";
import { COMMANDS } from "../commands/index.js";
import { percentile } from "../evaluation/percentile.js";
import { startDiscordBot } from "../src/discord/startBot.js";
import { createEngine } from "../src/engine/engine.js";
import { loadKnowledge } from "../src/knowledge/loadKnowledge.js";
import { createLogger } from "../src/logging/logger.js";
import { InteractionResponse, messageFromResponse } from "../fakeDiscord/responses.js";
import { STORE_OFF } from "../src/config/config.js";
import {
  FakeDiscord,
  IDS,
  OTHER_BOT,
  type RestCall,
  SELF,
  asUser,
  autocomplete,
  buttonClick,
  messageCommand,
  messageCreate,
  plainMessage,
  slashCommand,
  userWithId,
} from "../fakeDiscord/index.js";

const MB = 1024 * 1024;
const SOAK_TOKEN = "soak-token.not-a-secret.only-for-the-fake";

// ------------------------------------------------------------------ messages between the driver and the bot process

const MemorySample = z.object({
  rss: z.number(),
  heapUsed: z.number(),
  heapTotal: z.number(),
  external: z.number(),
  gc: z.boolean(),
  cached: z.record(z.string(), z.number()),
});
type MemorySample = z.infer<typeof MemorySample>;

const FromBot = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("memory"), sample: MemorySample }),
  z.object({ type: z.literal("logs"), counts: z.record(z.string(), z.number()) }),
  z.object({ type: z.literal("failed"), reason: z.string() }),
]);
type FromBot = z.infer<typeof FromBot>;

const ToBot = z.discriminatedUnion("type", [
  z.object({ type: z.literal("memory") }),
  z.object({ type: z.literal("logs") }),
  z.object({ type: z.literal("stop") }),
]);
type ToBot = z.infer<typeof ToBot>;

// ------------------------------------------------------------------ the bot process

async function runBot(apiUrl: string, globalRequestsPerSecond: number): Promise<void> {
  const send = (message: FromBot): void => {
    process.send?.(message);
  };
  const counts: Record<string, number> = {};
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString().split("\n")) {
        const parsed = z.looseObject({ level: z.number(), msg: z.string().optional() }).safeParse(safeJson(line));
        if (parsed.success) {
          const key = `${parsed.data.level >= 50 ? "error" : "warn"}: ${parsed.data.msg ?? "?"}`;
          counts[key] = (counts[key] ?? 0) + 1;
        }
      }
      callback();
    },
  });
  const logger = createLogger({ level: "warn", secrets: [SOAK_TOKEN], destination });
  const engine = createEngine(loadKnowledge("knowledge"));
  try {
    const bot = await startDiscordBot({
      config: {
        DISCORD_TOKEN: SOAK_TOKEN,
        DISCORD_API_URL: apiUrl,
        LOG_LEVEL: "warn",
        KNOWLEDGE_DIR: "knowledge",
        ...STORE_OFF,
      },
      logger,
      getEngine: () => engine,
      commands: COMMANDS,
      // Idle per-channel REST queues are dropped every 30 s here (5 min in production) so a run of a few minutes shows the bound.
      rest: { globalRequestsPerSecond, handlerSweepMs: 30_000 },
    });
    process.on("message", (raw) => {
      const message = ToBot.safeParse(raw);
      if (!message.success) return;
      if (message.data.type === "memory") send({ type: "memory", sample: memoryAfterGc(bot.client) });
      if (message.data.type === "logs") send({ type: "logs", counts });
      if (message.data.type === "stop") void bot.stop().finally(() => process.exit(0));
    });
    send({ type: "ready" });
  } catch (error) {
    send({ type: "failed", reason: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  }
}

function memoryAfterGc(client: Client): MemorySample {
  const gc = globalThis.gc;
  if (gc) {
    gc();
    gc();
  }
  const usage = process.memoryUsage();
  const cached = {
    channels: client.channels.cache.size,
    users: client.users.cache.size,
    members: client.guilds.cache.reduce((sum, guild) => sum + guild.members.cache.size, 0),
    messages: client.channels.cache.reduce(
      (sum, channel) => sum + ("messages" in channel ? channel.messages.cache.size : 0),
      0,
    ),
    "REST queues": client.rest.handlers.size,
  };
  return {
    rss: usage.rss,
    heapUsed: usage.heapUsed,
    heapTotal: usage.heapTotal,
    external: usage.external,
    gc: gc !== undefined,
    cached,
  };
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

// ------------------------------------------------------------------ the driver

const Settings = z.object({
  events: z.coerce.number().int().positive(),
  concurrency: z.coerce.number().int().positive(),
  users: z.coerce.number().int().positive(),
  globalRps: z.coerce.number().int().positive(),
  maxMinutes: z.coerce.number().positive(),
  replyTimeoutMs: z.coerce.number().int().positive(),
  seed: z.coerce.number().int(),
});
type Settings = z.infer<typeof Settings>;

/** What an event should produce. */
type Expectation = { reply: "callback"; key: string } | { reply: "channel"; key: string } | { reply: "none" };

interface SoakEvent {
  kind: string;
  event: "INTERACTION_CREATE" | "MESSAGE_CREATE";
  data: unknown;
  expect: Expectation;
}

/** Buttons seen on real answers during warm-up, with the messages they sit on. */
interface ButtonPool {
  page: { customId: string; message: APIMessage }[];
  context: { customId: string; message: APIMessage }[];
  suggest: { customId: string; message: APIMessage }[];
  post: { customId: string; message: APIMessage }[];
}

/** A small deterministic PRNG (mulberry32), so a run can be repeated. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const QUESTIONS = [
  "who is Lavrov?",
  "where will Blinken meet Lavrov?",
  "when is the meeting?",
  "what does Russia demand?",
  "how much aid did Washington announce?",
  "what did Zelensky say?",
  "/search troops",
  "/when",
  "¿dónde se reúnen?",
  "what is the capital of France?",
];
const HOSTILE = [
  "@everyone <@1100000000000000200> who is Lavrov?",
  "**bold** `code` [x](https://example.com) Lavrov",
  "\u202Ewho\u0000 is \uD800 Lavrov 😀",
  "<@&1100000000000000103> page:9 /search",
  "̸̢͝".repeat(40),
];
const SLASH: [string, Record<string, string | boolean>][] = [
  ["ask", { question: "where will Blinken meet Lavrov?" }],
  ["who", { name: "Lavrov" }],
  ["ask", { question: "who is Zelensky?", private: true }],
  ["where", { place: "Geneva" }],
  ["quote", { speaker: "Blinken" }],
  ["search", { words: "troops border" }],
  ["aid", {}],
  ["demands", {}],
  ["when", {}],
  ["summary", {}],
  ["source", {}],
  ["help", {}],
];

function pick<T>(list: readonly T[], next: () => number): T {
  const value = list[Math.floor(next() * list.length)];
  if (value === undefined) throw new Error("pick from an empty list");
  return value;
}

/** Every person has their own DM channel with the bot, as on Discord (so the bot's channel cache meets many). */
function dmChannelId(userIndex: number): string {
  return (1_250_000_000_000_000_000n + BigInt(userIndex)).toString();
}

/** An interaction payload moved into this person's DM channel. */
function inTheirDm<T extends { channel: object; channel_id: string }>(payload: T, user: APIUser, channelId: string): T {
  return { ...payload, channel: { ...payload.channel, id: channelId, recipients: [user] }, channel_id: channelId };
}

function makeEvent(index: number, settings: Settings, next: () => number, pool: ButtonPool): SoakEvent {
  const userIndex = index % settings.users;
  const user: APIUser = userWithId((1_200_000_000_000_000_000n + BigInt(userIndex)).toString());
  const place = next() < 0.8 ? "guild" : "dm";
  const roll = next();
  const interaction = (
    kind: string,
    payload: { id: string; token: string; channel: object; channel_id: string },
  ): SoakEvent => {
    const data = "guild_id" in payload ? payload : inTheirDm(payload, user, dmChannelId(userIndex));
    return { kind, event: "INTERACTION_CREATE", data, expect: { reply: "callback", key: data.id } };
  };
  if (roll < 0.03)
    return interaction(
      "context menu",
      asUser(messageCommand("Ask the article", plainMessage(pick(QUESTIONS, next), user, place), place), user),
    );
  if (roll < 0.3) {
    const [name, options] = pick(SLASH, next);
    return interaction(`slash /${name}`, asUser(slashCommand(name, options, place), user));
  }
  if (roll < 0.45) {
    const [command, option, partials] = pick(
      [
        ["who", "name", ["L", "Lav", "Blin", "Zel", "Sto", "x"]],
        ["where", "place", ["G", "Gen", "Ber", "Ki"]],
        ["quote", "speaker", ["B", "Bli", "Zel"]],
      ] as const,
      next,
    );
    return interaction("autocomplete", asUser(autocomplete(command, option, pick(partials, next), place), user));
  }
  if (roll < 0.6) {
    const button = next();
    const source = button < 0.35 ? pool.page : button < 0.7 ? pool.context : button < 0.85 ? pool.suggest : pool.post;
    const chosen = pick(source, next);
    return interaction(
      `button ${chosen.customId.split(":")[1] ?? "?"}`,
      asUser(buttonClick(chosen.customId, chosen.message), user),
    );
  }
  if (roll < 0.75) {
    const message = messageCreate(`<@${IDS.bot}> ${pick(QUESTIONS, next)}`, { author: user, mentions: [SELF] });
    return { kind: "mention", event: "MESSAGE_CREATE", data: message, expect: { reply: "channel", key: message.id } };
  }
  if (roll < 0.85) {
    const message = {
      ...messageCreate(pick(QUESTIONS, next), { place: "dm", author: user }),
      channel_id: dmChannelId(userIndex),
    };
    return { kind: "dm", event: "MESSAGE_CREATE", data: message, expect: { reply: "channel", key: message.id } };
  }
  const bad = next();
  if (bad < 0.2)
    return interaction(
      "bad: forged custom_id",
      asUser(
        buttonClick(
          `v1:${pick(["ctx", "pg", "sg", "zz"], next)}:${Math.floor(next() * 1e9)}:forged`,
          pick(pool.context, next).message,
        ),
        user,
      ),
    );
  if (bad < 0.35)
    return interaction("bad: unknown command", asUser(slashCommand("launch-missiles", { target: "moon" }), user));
  if (bad < 0.5)
    return interaction("bad: over-long question", asUser(slashCommand("ask", { question: "why ".repeat(150) }), user));
  if (bad < 0.65) {
    const message = messageCreate(`<@${IDS.bot}> ${pick(HOSTILE, next)}`, { author: user, mentions: [SELF] });
    return {
      kind: "bad: hostile mention",
      event: "MESSAGE_CREATE",
      data: message,
      expect: { reply: "channel", key: message.id },
    };
  }
  if (bad < 0.75)
    return {
      kind: "bad: no mention (ignored)",
      event: "MESSAGE_CREATE",
      data: messageCreate("who is Lavrov?", { author: user }),
      expect: { reply: "none" },
    };
  if (bad < 0.85)
    return {
      kind: "bad: from a bot (ignored)",
      event: "MESSAGE_CREATE",
      data: messageCreate(`<@${IDS.bot}> who is Lavrov?`, { author: OTHER_BOT, mentions: [SELF] }),
      expect: { reply: "none" },
    };
  return {
    kind: "bad: malformed (ignored)",
    event: "INTERACTION_CREATE",
    data: { ...slashCommand("who", { name: "Lavrov" }), data: undefined },
    expect: { reply: "none" },
  };
}

/** The event a REST call answers: the interaction id of a callback, or the message a channel message replies to. */
function replyKey(call: RestCall): string | undefined {
  const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(call.path);
  if (callback) return callback[1];
  if (call.method === "POST" && /^\/channels\/\d+\/messages$/.test(call.path)) {
    const reference = z.object({ message_reference: z.object({ message_id: z.string() }) }).safeParse(call.body);
    return reference.success ? reference.data.message_reference.message_id : undefined;
  }
  return undefined;
}

const formatMs = (ms: number): string => (Number.isFinite(ms) ? `${ms.toFixed(ms < 10 ? 2 : 1)} ms` : "–");
const formatMb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`;

class BotProcess {
  private readonly waiting: ((message: FromBot) => boolean)[] = [];

  constructor(readonly child: ChildProcess) {
    child.on("message", (raw) => {
      const message = FromBot.safeParse(raw);
      if (!message.success) return;
      const index = this.waiting.findIndex((accept) => accept(message.data));
      if (index >= 0) this.waiting.splice(index, 1);
    });
  }

  /** Sends a message (if any) and resolves with the first reply `accept` maps to a value. */
  request<T>(message: ToBot | undefined, accept: (reply: FromBot) => T | undefined, timeoutMs = 60_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the bot process did not answer ${message?.type ?? "at start"} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiting.push((reply) => {
        if (reply.type === "failed") {
          clearTimeout(timer);
          reject(new Error(`the bot process failed: ${reply.reason}`));
          return true;
        }
        const value = accept(reply);
        if (value === undefined) return false;
        clearTimeout(timer);
        resolve(value);
        return true;
      });
      if (message) this.child.send(message);
    });
  }

  memory(): Promise<MemorySample> {
    return this.request({ type: "memory" }, (reply) => (reply.type === "memory" ? reply.sample : undefined));
  }
}

async function warmUp(fake: FakeDiscord): Promise<ButtonPool> {
  const bodies = new Map<string, unknown>();
  const unsubscribe = fake.onCall((call) => {
    const key = replyKey(call);
    if (key) bodies.set(key, call.body);
  });
  let warmUpUser = 1_300_000_000_000_000_000n;
  const answer = async (question: { id: string; token: string }): Promise<APIMessage> => {
    // Each from its own person: six questions from one would meet the question limit.
    const payload = asUser(question, userWithId((warmUpUser += 1n).toString()));
    fake.dispatchNow("INTERACTION_CREATE", payload);
    const deadline = Date.now() + 10_000;
    while (!bodies.has(payload.id)) {
      if (Date.now() > deadline) throw new Error("warm-up: the bot did not answer");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return messageFromResponse(InteractionResponse.parse(bodies.get(payload.id)));
  };
  const ids = (message: APIMessage): string[] =>
    (message.components ?? []).flatMap((row) =>
      "components" in row ? row.components.flatMap((button) => ("custom_id" in button ? [button.custom_id] : [])) : [],
    );
  const pool: ButtonPool = { page: [], context: [], suggest: [], post: [] };
  for (const payload of [
    slashCommand("search", { words: "Russia" }),
    slashCommand("when"),
    slashCommand("search", { words: "troops" }),
  ]) {
    const message = await answer(payload);
    for (const customId of ids(message))
      (customId.startsWith("v1:pg:") ? pool.page : pool.context).push({ customId, message });
  }
  for (const payload of [
    slashCommand("ask", { question: "what is the capital of France?" }),
    slashCommand("ask", { question: "what about the weather?" }),
  ]) {
    const message = await answer(payload);
    for (const customId of ids(message).filter((id) => id.startsWith("v1:sg:")))
      pool.suggest.push({ customId, message });
  }
  const privateAnswer = await answer(slashCommand("ask", { question: "who is Lavrov?", private: true }));
  for (const customId of ids(privateAnswer))
    (customId === "v1:post" ? pool.post : pool.context).push({ customId, message: privateAnswer });
  unsubscribe();
  for (const [name, list] of Object.entries(pool))
    if (list.length === 0) throw new Error(`warm-up found no ${name} buttons`);
  return pool;
}

async function drive(settings: Settings): Promise<number> {
  const fake = await FakeDiscord.start({ record: false, storeLimit: 5_000 });
  const script = fileURLToPath(import.meta.url);
  const child = fork(script, ["--bot", fake.url, String(settings.globalRps)], {
    execArgv: process.execArgv,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const bot = new BotProcess(child);
  const exited = once(child, "exit");
  try {
    await bot.request(undefined, (reply) => (reply.type === "ready" ? true : undefined));
    await fake.waitForGatewayReady();
    console.log(
      `soak: ${settings.events.toLocaleString("en")} events, ${settings.concurrency} in flight, ${settings.users.toLocaleString("en")} users, bot REST limit ${settings.globalRps}/s, node ${process.version}, gc ${typeof globalThis.gc === "function" ? "exposed" : "NOT exposed (run with --expose-gc)"}`,
    );
    const pool = await warmUp(fake);
    const memory: [string, MemorySample][] = [["start", await bot.memory()]];

    const next = random(settings.seed);
    const latencies = new Float64Array(settings.events);
    const byKind = new Map<string, { sent: number; replied: number; lost: number; latencies: number[] }>();
    const pending = new Map<string, { at: number; kind: string }>();
    let replied = 0;
    let refused = 0;
    let unexpected = 0;
    let lost = 0;
    let latencyCount = 0;
    let freeSlot: (() => void) | undefined;
    const stats = (kind: string) => {
      let entry = byKind.get(kind);
      if (!entry) byKind.set(kind, (entry = { sent: 0, replied: 0, lost: 0, latencies: [] }));
      return entry;
    };

    fake.onCall((call) => {
      const key = replyKey(call);
      if (!key) return;
      const waiting = pending.get(key);
      if (!waiting) {
        unexpected += 1;
        return;
      }
      pending.delete(key);
      const entry = stats(waiting.kind);
      if (call.status >= 200 && call.status < 300) {
        const latency = performance.now() - waiting.at;
        latencies[latencyCount++] = latency;
        if (entry.latencies.length < 20_000) entry.latencies.push(latency);
        entry.replied += 1;
        replied += 1;
      } else {
        entry.lost += 1;
        refused += 1;
      }
      freeSlot?.();
    });

    const sweep = setInterval(() => {
      const now = performance.now();
      for (const [key, waiting] of pending) {
        if (now - waiting.at < settings.replyTimeoutMs) continue;
        pending.delete(key);
        stats(waiting.kind).lost += 1;
        lost += 1;
        freeSlot?.();
      }
    }, 500);

    const started = performance.now();
    const deadline = started + settings.maxMinutes * 60_000;
    const progressEvery = Math.max(1, Math.floor(settings.events / 10));
    let sent = 0;
    const checkpoints = [0.25, 0.5, 0.75];
    while (sent < settings.events && performance.now() < deadline) {
      while (pending.size >= settings.concurrency) await new Promise<void>((resolve) => (freeSlot = resolve));
      const event = makeEvent(sent, settings, next, pool);
      const entry = stats(event.kind);
      entry.sent += 1;
      if (event.expect.reply !== "none") pending.set(event.expect.key, { at: performance.now(), kind: event.kind });
      fake.dispatchNow(event.event, event.data);
      sent += 1;
      if (sent % 256 === 0) await new Promise((resolve) => setImmediate(resolve));
      if (sent % progressEvery === 0) {
        const seconds = (performance.now() - started) / 1_000;
        const measured = latencies.subarray(0, latencyCount);
        console.log(
          `  ${sent.toLocaleString("en").padStart(9)} sent · ${replied.toLocaleString("en").padStart(9)} replies · ${(sent / seconds).toFixed(0).padStart(5)} events/s · p50 ${formatMs(percentile(measured, 50))} · p99 ${formatMs(percentile(measured, 99))} · lost ${lost + refused} · ${seconds.toFixed(0)} s`,
        );
      }
      if (checkpoints.length > 0 && sent >= settings.events * (checkpoints[0] ?? 1)) {
        const share = checkpoints.shift() ?? 0;
        memory.push([share === 0.5 ? "middle (50%)" : `${share * 100}%`, await bot.memory()]);
      }
    }
    const stoppedEarly = sent < settings.events;
    const drainUntil = performance.now() + settings.replyTimeoutMs + 1_000;
    while (pending.size > 0 && performance.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 50));
    clearInterval(sweep);
    const elapsedSeconds = (performance.now() - started) / 1_000;
    for (const [, waiting] of pending) stats(waiting.kind).lost += 1;
    lost += pending.size;
    await new Promise((resolve) => setTimeout(resolve, 300));
    memory.push(["end", await bot.memory()]);
    const logs = await bot.request({ type: "logs" }, (reply) => (reply.type === "logs" ? reply.counts : undefined));

    const measured = latencies.subarray(0, latencyCount);
    const expected = [...byKind.values()].reduce((sum, entry) => sum + entry.replied + entry.lost, 0);
    console.log("");
    console.log(
      `events sent          ${sent.toLocaleString("en")}${stoppedEarly ? ` (stopped at the ${settings.maxMinutes}-minute limit)` : ""} in ${elapsedSeconds.toFixed(1)} s`,
    );
    console.log(
      `throughput           ${(sent / elapsedSeconds).toFixed(0)} events/s, ${(replied / elapsedSeconds).toFixed(0)} replies/s`,
    );
    console.log(
      `event → reply        p50 ${formatMs(percentile(measured, 50))} · p90 ${formatMs(percentile(measured, 90))} · p99 ${formatMs(percentile(measured, 99))} · max ${formatMs(percentile(measured, 100))}`,
    );
    console.log(`replies expected     ${expected.toLocaleString("en")}, delivered ${replied.toLocaleString("en")}`);
    console.log(`lost replies         ${lost + refused} (${lost} never sent, ${refused} refused by Discord)`);
    console.log(`unexpected replies   ${unexpected} (replies to events that should be ignored)`);
    console.log("");
    console.log("per kind             sent      replied   lost   p50        p99");
    for (const [kind, entry] of [...byKind.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      console.log(
        `  ${kind.padEnd(28)} ${String(entry.sent).padStart(7)} ${String(entry.replied).padStart(9)} ${String(entry.lost).padStart(6)}   ${formatMs(percentile(entry.latencies, 50)).padEnd(10)} ${formatMs(percentile(entry.latencies, 99))}`,
      );
    }
    console.log("");
    console.log(`bot memory (after gc)  rss        heap used  heap total  external  discord.js caches`);
    for (const [label, sample] of memory) {
      const cached = Object.entries(sample.cached)
        .map(([name, size]) => `${size} ${name}`)
        .join(", ");
      console.log(
        `  ${label.padEnd(20)} ${formatMb(sample.rss).padEnd(10)} ${formatMb(sample.heapUsed).padEnd(10)} ${formatMb(sample.heapTotal).padEnd(11)} ${formatMb(sample.external).padEnd(9)} ${cached}`,
      );
    }
    const middle = memory.find(([label]) => label.startsWith("middle"))?.[1];
    const end = memory.find(([label]) => label === "end")?.[1];
    if (middle && end)
      console.log(
        `  heap used middle → end: ${end.heapUsed - middle.heapUsed >= 0 ? "+" : ""}${formatMb(end.heapUsed - middle.heapUsed)}, rss ${end.rss - middle.rss >= 0 ? "+" : ""}${formatMb(end.rss - middle.rss)}`,
      );
    console.log("");
    console.log("bot warnings and errors");
    const logLines = Object.entries(logs).sort(([, a], [, b]) => b - a);
    if (logLines.length === 0) console.log("  none");
    for (const [line, count] of logLines) console.log(`  ${String(count).padStart(7)}  ${line}`);
    return lost + refused === 0 ? 0 : 1;
  } finally {
    child.send({ type: "stop" } satisfies ToBot);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    await fake.stop();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      bot: { type: "boolean", default: false },
      events: { type: "string", default: "100000" },
      concurrency: { type: "string", default: "64" },
      users: { type: "string", default: "20000" },
      "global-rps": { type: "string", default: "10000" },
      "max-minutes": { type: "string", default: "20" },
      "reply-timeout-ms": { type: "string", default: "15000" },
      seed: { type: "string", default: "42" },
    },
  });
  if (values.bot) {
    await runBot(positionals[0] ?? "", Number(positionals[1] ?? "50"));
    return;
  }
  const settings = Settings.safeParse({
    events: values.events,
    concurrency: values.concurrency,
    users: values.users,
    globalRps: values["global-rps"],
    maxMinutes: values["max-minutes"],
    replyTimeoutMs: values["reply-timeout-ms"],
    seed: values.seed,
  });
  if (!settings.success) {
    console.error(`soak: ${z.prettifyError(settings.error)}`);
    process.exitCode = 2;
    return;
  }
  process.exitCode = await drive(settings.data);
}

await main();
