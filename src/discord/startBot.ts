import { once } from "node:events";
import { Client, Events, GatewayIntentBits, Partials } from "discord.js";
import { COMMANDS } from "../../commands/index.js";
import { type Config, requireVariables } from "../config/config.js";
import type { AnswerEngine } from "../engine/engine.js";
import type { Logger } from "../logging/logger.js";
import type { Command } from "./command.js";
import { createInteractionRouter } from "./interactionRouter.js";
import { createMessageHandler } from "./messageHandler.js";
import { NO_MENTIONS } from "./render.js";

export interface DiscordBotOptions {
  config: Config;
  logger: Logger;
  /** A getter, not an engine: knowledge hot reload swaps engines atomically; each event reads it once. */
  getEngine: () => AnswerEngine;
  /** The command registry; the default is `commands/index.ts`. Tests may add commands. */
  commands?: readonly Command[];
  /** Defer an interaction reply that is not ready after this many milliseconds (default 1,000; Discord allows 3,000). */
  deferAfterMs?: number;
  /** Give up when Discord has not made the client ready within this time (default 30 s). */
  readyTimeoutMs?: number;
}

export interface DiscordBot {
  readonly client: Client<true>;
  /** Closes the gateway connection and the REST queue; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Intents: Guilds (slash commands, channel cache), GuildMessages (mentions in channels), DirectMessages (DMs).
 * No privileged Message Content intent: Discord delivers the content of DMs and of messages that mention the bot without it.
 * Partials.Channel: DM channels are not cached before their first message, so without it DMs would be dropped.
 */
export const INTENTS = Object.freeze([GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages]);

/** Logs in with the real discord.js client and answers slash commands, autocomplete, buttons, mentions and DMs. */
export async function startDiscordBot(options: DiscordBotOptions): Promise<DiscordBot> {
  const config = requireVariables(options.config, ["DISCORD_TOKEN"]);
  const logger = options.logger.child({ component: "discord" });
  const client = new Client({
    intents: [...INTENTS],
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    failIfNotExists: false,
    // Only when set: `rest: { api: undefined }` would replace discord.js's default base URL with undefined.
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
  });

  const route = createInteractionRouter({ commands: options.commands ?? COMMANDS, getEngine: options.getEngine, logger, deferAfterMs: options.deferAfterMs ?? 1_000 });
  const onMessage = createMessageHandler({ getEngine: options.getEngine, logger });
  // Handlers catch their own errors; the extra catch keeps a bug in logging itself from becoming an unhandled rejection.
  client.on(Events.InteractionCreate, (interaction) => void route(interaction).catch((error: unknown) => logger.error({ err: error }, "interaction routing failed")));
  client.on(Events.MessageCreate, (message) => void onMessage(message).catch((error: unknown) => logger.error({ err: error }, "message routing failed")));
  client.on(Events.Error, (error) => logger.error({ err: error }, "discord client error"));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, "discord client warning"));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ shardId, code: event.code }, "gateway disconnected for good"));
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, "gateway reconnecting"));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, "gateway resumed"));
  client.on(Events.Debug, (message) => logger.trace({ detail: message }, "discord debug"));

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await client.destroy();
    logger.info("discord client closed");
  };

  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  try {
    const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(readyTimeoutMs) });
    await client.login(config.DISCORD_TOKEN);
    await ready;
  } catch (error) {
    await stop();
    throw new Error(`Discord login failed: ${describeLoginError(error, readyTimeoutMs).split(config.DISCORD_TOKEN).join("[redacted]")}`, { cause: error });
  }
  if (!client.isReady()) {
    await stop();
    throw new Error("Discord login failed: the client did not become ready");
  }
  logger.info({ user: client.user.tag, guilds: client.guilds.cache.size, api: config.DISCORD_API_URL ?? "default" }, "discord bot ready");
  return { client, stop };
}

/** A one-line reason; the caller scrubs the token from it in case a library ever echoes it. */
function describeLoginError(error: unknown, readyTimeoutMs: number): string {
  if (error instanceof Error && error.name === "AbortError") return `not ready after ${readyTimeoutMs} ms`;
  if (error instanceof Error && "code" in error && error.code === "TokenInvalid") return "Discord rejected DISCORD_TOKEN (check the token in the developer portal)";
  if (error instanceof Error) return error.message;
  return String(error);
}
