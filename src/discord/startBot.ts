import { once } from "node:events";
import {
  ChannelType,
  Client,
  type ClientOptions,
  Events,
  GatewayIntentBits,
  Options,
  Partials,
  type RateLimitData,
  RESTEvents,
} from "discord.js";
import { type Config, requireVariables } from "../config/config.js";
import type { AnswerEngine } from "../engine/engine.js";
import type { GuildKnowledge } from "../guilds/guildKnowledge.js";
import type { Logger } from "../logging/logger.js";
import type { QuestionStore } from "../store/questionStore.js";
import { AnswerHistory } from "./answerHistory.js";
import type { CommandHandler } from "./commandContext.js";
import { guardGateway } from "./gatewayGuard.js";
import { type InteractionRoute, createInteractionRouter } from "./interactionRouter.js";
import { createMessageHandler } from "./messageHandler.js";
import { createQuestionGate } from "./questionGate.js";
import { NO_MENTIONS } from "./render.js";
import type { EventObserver } from "./runEvent.js";

export interface DiscordBotOptions {
  config: Config;
  logger: Logger;
  /** A getter, not an engine: knowledge hot reload swaps engines atomically; each event reads it once. */
  getEngine: (guildId?: string) => AnswerEngine;
  /** Servers' own articles, for /article (the same ones `getEngine` adds for a server); none: /article says so. */
  guildKnowledge?: GuildKnowledge | undefined;
  /** The command registry (`commands/index.ts`), handed in by the entry point; tests may add commands. */
  commands: readonly CommandHandler[];
  /** Defer an interaction reply that is not ready after this many milliseconds (default 1,000; Discord allows 3,000). */
  deferAfterMs?: number;
  /** Give up when Discord has not made the client ready within this time (default 30 s). */
  readyTimeoutMs?: number;
  /** How discord.js's REST queue retries and when it gives up (see RestPolicy). */
  rest?: Partial<RestPolicy>;
  /** Passed to discord.js's gateway options; tests use it to skip the 5-second identify throttle. */
  ws?: ClientOptions["ws"];
  /** Monotonic clock for the question limit (tests). */
  now?: () => number;
  /** How many DM channels stay cached, swept how often (see DM_CHANNEL_SWEEP). */
  dmChannels?: Partial<DmChannelSweep>;
  /** Where questions and votes are recorded; none (STORE=off): nothing is, and answers carry no feedback buttons. */
  store?: QuestionStore | undefined;
  /**
   * Connect to the gateway (default true). Without it the client never logs in: interactions reach the bot over
   * HTTP through `route`, and the client serves only as discord.js's REST client and object factory.
   */
  gateway?: boolean;
  /** The shard this process runs (a ShardingManager's shard process); default the only one. */
  shard?: { id: number; count: number } | undefined;
  /** Told how every event ended (metrics). */
  observe?: EventObserver;
  /** Wraps the handling of every gateway event, so that shutdown can wait for the events in flight. */
  track?: <T>(work: Promise<T>) => Promise<T>;
}

/**
 * The REST queue is discord.js's own (per-route buckets, global limit, Retry-After, retries on 5xx and timeouts);
 * these are the knobs we set on it.
 */
export interface RestPolicy {
  /** Abort a request with no response after this long; discord.js then retries it (default 10 s). */
  timeoutMs: number;
  /** Retries after a 5xx, a timeout or a reset connection, per request (default 2). 429s are waited out, not counted. */
  retries: number;
  /** Requests per second across non-interaction routes (Discord's global limit: 50). */
  globalRequestsPerSecond: number;
  /** Fail instead of waiting when Discord asks us to wait longer than this on any route (default 60 s). */
  maxRateLimitWaitMs: number;
  /**
   * Fail instead of waiting on an interaction callback past this (default 2 s): Discord drops an interaction
   * that is not answered within 3 s, so a longer wait cannot succeed.
   */
  callbackMaxRateLimitWaitMs: number;
  /**
   * discord.js keeps one request queue per route and channel (each DM channel, each interaction's webhook) and drops
   * idle ones on this interval; its default of an hour lets a busy bot hold tens of thousands (default 5 minutes).
   */
  handlerSweepMs: number;
}

export const DEFAULT_REST_POLICY: Readonly<RestPolicy> = Object.freeze({
  timeoutMs: 10_000,
  retries: 2,
  globalRequestsPerSecond: 50,
  maxRateLimitWaitMs: 60_000,
  callbackMaxRateLimitWaitMs: 2_000,
  handlerSweepMs: 300_000,
});

/** discord.js caches every user and member it meets; the bot needs neither, so keep a bounded few (plus itself). */
const CACHE_LIMITS = Object.freeze({ users: 1_000, members: 1_000, messages: 50 });

/**
 * discord.js also keeps one DM channel per person who ever wrote to the bot, with no sweeper and no supported way
 * to limit that cache. Every `everyMs` the oldest are dropped down to `keep`; a dropped channel is re-created
 * from the next DM or interaction in it (Partials.Channel), so nothing is lost.
 */
export interface DmChannelSweep {
  everyMs: number;
  keep: number;
}
export const DM_CHANNEL_SWEEP: Readonly<DmChannelSweep> = Object.freeze({ everyMs: 10_000, keep: 500 });

/** Removes the oldest cached DM channels beyond `keep`; returns how many were removed. */
export function sweepDmChannels(client: Client, keep: number): number {
  const dms = client.channels.cache.filter((channel) => channel.type === ChannelType.DM);
  let excess = dms.size - keep;
  for (const id of dms.keys()) {
    if (excess <= 0) break;
    client.channels.cache.delete(id);
    excess -= 1;
  }
  return Math.max(0, dms.size - keep);
}

export interface DiscordBot {
  /** Logged in and ready when the gateway is used; otherwise never logged in (see DiscordBotOptions.gateway). */
  readonly client: Client;
  /** The interaction router, for interactions that arrive over HTTP (gateway interactions are routed already). */
  readonly route: InteractionRoute;
  /** Closes the gateway connection and the REST queue; safe to call twice. */
  stop(): Promise<void>;
}

/** A bot whose gateway connection is still to be opened (see createDiscordBot). */
export interface UnconnectedDiscordBot extends DiscordBot {
  /** Logs in and resolves once the client is ready; throws a one-line reason (never the token) and stops otherwise. */
  connect(): Promise<void>;
}

/**
 * Intents: Guilds (slash commands, channel and thread cache), GuildMessages (mentions and replies in channels and
 * threads), DirectMessages (DMs). The privileged Message Content intent only when MESSAGE_CONTENT_INTENT is true:
 * Discord delivers the content of DMs and of messages that mention the bot (a reply that keeps its ping does) without it.
 * Partials.Channel: DM channels are not cached before their first message, so without it DMs would be dropped.
 */
export const INTENTS = Object.freeze([
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
]);

/** Logs in with the real discord.js client and answers slash commands, autocomplete, buttons, mentions and DMs. */
export async function startDiscordBot(options: DiscordBotOptions): Promise<DiscordBot> {
  const bot = createDiscordBot(options);
  if (options.gateway ?? true) await bot.connect();
  return bot;
}

/**
 * The client, its handlers and the interaction router, before any connection: the caller can serve HTTP (health,
 * interactions) while the gateway connects, or never connect it (GATEWAY=off).
 */
export function createDiscordBot(options: DiscordBotOptions): UnconnectedDiscordBot {
  const config = options.config;
  const track = options.track ?? (<T>(work: Promise<T>) => work);
  const logger = options.logger.child({ component: "discord" });
  const policy = { ...DEFAULT_REST_POLICY, ...options.rest };
  const client = new Client({
    intents: config.MESSAGE_CONTENT_INTENT ? [...INTENTS, GatewayIntentBits.MessageContent] : [...INTENTS],
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    failIfNotExists: false,
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: CACHE_LIMITS.messages,
      UserManager: { maxSize: CACHE_LIMITS.users, keepOverLimit: (user) => user.id === user.client.user.id },
      GuildMemberManager: {
        maxSize: CACHE_LIMITS.members,
        keepOverLimit: (member) => member.id === member.client.user.id,
      },
    }),
    rest: {
      // Only when set: `api: undefined` would replace discord.js's default base URL with undefined.
      ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}),
      timeout: policy.timeoutMs,
      retries: policy.retries,
      globalRequestsPerSecond: policy.globalRequestsPerSecond,
      handlerSweepInterval: policy.handlerSweepMs,
      rejectOnRateLimit: (data: RateLimitData) =>
        data.retryAfter >
        (data.route.startsWith("/interactions/") ? policy.callbackMaxRateLimitWaitMs : policy.maxRateLimitWaitMs),
    },
    ...(options.ws ? { ws: options.ws } : {}),
    // Explicit, because discord.js otherwise reads SHARDS from the environment, where ours means "how many shards"
    // (and an empty SHARDS= copied from .env.example would make its constructor throw).
    shards: [options.shard?.id ?? 0],
    shardCount: options.shard?.count ?? 1,
  });
  guardGateway(client, logger);

  const gate = createQuestionGate(config.QUESTION_RATE_LIMIT, options.now ? { now: options.now } : {});
  const history = new AnswerHistory(options.store);
  const route = createInteractionRouter({
    history,
    commands: options.commands,
    getEngine: options.getEngine,
    guildKnowledge: options.guildKnowledge,
    logger,
    deferAfterMs: options.deferAfterMs ?? 1_000,
    gate,
    observe: options.observe,
    openThreads: config.MESSAGE_CONTENT_INTENT ?? false,
  });
  const onMessage = createMessageHandler({
    getEngine: options.getEngine,
    logger,
    gate,
    history,
    observe: options.observe,
    openThreads: config.MESSAGE_CONTENT_INTENT ?? false,
  });
  // Handlers catch their own errors; the extra catch keeps a bug in logging itself from becoming an unhandled rejection.
  client.on(
    Events.InteractionCreate,
    (interaction) =>
      void track(route(interaction)).catch((error: unknown) =>
        logger.error({ err: error }, "interaction routing failed"),
      ),
  );
  client.on(
    Events.MessageCreate,
    (message) =>
      void track(onMessage(message)).catch((error: unknown) => logger.error({ err: error }, "message routing failed")),
  );
  client.on(Events.Error, (error) => logger.error({ err: error }, "discord client error"));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, "discord client warning"));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn({ shardId, code: event.code }, "gateway disconnected for good"),
  );
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, "gateway reconnecting"));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, "gateway resumed"));
  client.on(Events.Debug, (message) => logger.trace({ detail: message }, "discord debug"));
  client.rest.on(RESTEvents.RateLimited, (data) =>
    logger.debug(
      {
        route: `${data.method.toUpperCase()} ${data.route}`,
        retryAfterMs: Math.round(data.retryAfter),
        global: data.global,
        scope: data.scope,
      },
      "discord rate limit: waiting",
    ),
  );

  // A safety net for discord.js internals: a packet that slips past the gateway guard and makes one of its handlers
  // throw becomes an unhandled rejection, which would end the process. Log it and keep serving; removed on stop.
  const onUnhandledRejection = (reason: unknown): void =>
    logger.error({ err: reason }, "unhandled rejection (the bot keeps running)");
  process.on("unhandledRejection", onUnhandledRejection);
  const dmSweep = { ...DM_CHANNEL_SWEEP, ...options.dmChannels };
  const sweeper = setInterval(() => sweepDmChannels(client, dmSweep.keep), dmSweep.everyMs).unref();

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    process.off("unhandledRejection", onUnhandledRejection);
    clearInterval(sweeper);
    await client.destroy();
    logger.info("discord client closed");
  };

  // Editing a deferred answer is authorised by the interaction's token; the bot token is for any other route.
  if (config.DISCORD_TOKEN) client.rest.setToken(config.DISCORD_TOKEN);

  const connect = async (): Promise<void> => {
    const { DISCORD_TOKEN } = requireVariables(config, ["DISCORD_TOKEN"]);
    const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
    try {
      const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(readyTimeoutMs) });
      await client.login(DISCORD_TOKEN);
      await ready;
    } catch (error) {
      await stop();
      throw new Error(
        `Discord login failed: ${describeLoginError(error, readyTimeoutMs).split(DISCORD_TOKEN).join("[redacted]")}`,
        { cause: error },
      );
    }
    if (!client.isReady()) {
      await stop();
      throw new Error("Discord login failed: the client did not become ready");
    }
    logger.info(
      { user: client.user.tag, guilds: client.guilds.cache.size, api: config.DISCORD_API_URL ?? "default" },
      "discord bot ready",
    );
  };
  return { client, route, stop, connect };
}

/** A one-line reason; the caller scrubs the token from it in case a library ever echoes it. */
function describeLoginError(error: unknown, readyTimeoutMs: number): string {
  if (error instanceof Error && error.name === "AbortError") return `not ready after ${readyTimeoutMs} ms`;
  if (error instanceof Error && "code" in error && error.code === "TokenInvalid")
    return "Discord rejected DISCORD_TOKEN (check the token in the developer portal)";
  if (error instanceof Error && /disallowed intents/i.test(error.message))
    return (
      "Used disallowed intents: Discord refused the Message Content intent. Switch it on in the Developer Portal " +
      "(your application → Bot → Privileged Gateway Intents → Message Content Intent), or set MESSAGE_CONTENT_INTENT=false"
    );
  if (error instanceof Error) return error.message;
  return String(error);
}
