import { config as readDotenv } from "dotenv";
import { z } from "zod";
import { QuestionRateSpec } from "../limits/questionRate.js";

/** Discord ids are snowflakes: 17 to 20 decimal digits. */
const Snowflake = z.string().regex(/^\d{17,20}$/, "must be a Discord id (17 to 20 digits)");

/** An empty variable (`DISCORD_GUILD_ID=` copied from .env.example) counts as unset. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    schema.optional(),
  );
}

export const LogLevel = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);
export type LogLevel = z.infer<typeof LogLevel>;

/** Every environment variable the program reads; the only place that knows their names. */
export const Config = z.object({
  /** The bot token: its presence selects bot mode. Its value never appears in logs or errors. */
  DISCORD_TOKEN: optional(
    z
      .string()
      .trim()
      .regex(/^[\w.-]{10,}$/, "must be the bot token from the developer portal (letters, digits, '.', '_', '-')"),
  ),
  /** The application id, needed by `npm run deploy-commands`. */
  DISCORD_CLIENT_ID: optional(Snowflake),
  /** Register commands to this guild only (instant, for development) instead of globally. */
  DISCORD_GUILD_ID: optional(Snowflake),
  /** REST API base URL handed to discord.js as `rest.api` (a proxy or a local test server); the gateway URL then comes from its `GET /gateway/bot`. */
  DISCORD_API_URL: optional(
    z.url({ protocol: /^https?$/, error: "must be an http(s) URL, e.g. http://127.0.0.1:3000" }),
  ),
  LOG_LEVEL: optional(LogLevel).transform((level) => level ?? "info"),
  KNOWLEDGE_DIR: optional(z.string().trim().min(1)).transform((directory) => directory ?? "knowledge"),
  /** The application's public key (developer portal → General Information): turns on `POST /interactions` on HTTP_PORT. */
  DISCORD_PUBLIC_KEY: optional(
    z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{64}$/, "must be the application's public key (64 hex digits, from the developer portal)"),
  ),
  /** Serve HTTP on this port: /healthz, /readyz, /metrics, and /interactions when DISCORD_PUBLIC_KEY is set. */
  HTTP_PORT: optional(
    z.coerce.number({ error: "must be a port number" }).int("must be a port number").min(0).max(65_535),
  ),
  /** The address HTTP_PORT listens on (default every interface; 127.0.0.1 keeps it local). */
  HTTP_HOST: optional(z.string().trim().min(1)),
  /** `on` (default) or `off`: no gateway connection, interactions over HTTP only (stateless replicas; no mentions or DMs). */
  GATEWAY: optional(z.enum(["on", "off"], { error: "must be on or off" })),
  /**
   * Run the gateway as this many shards, one process each (discord.js's ShardingManager): a number, or `auto` for
   * Discord's recommendation. Unset: one process, one connection.
   */
  SHARDS: optional(
    z.union([z.literal("auto"), z.coerce.number().int().min(1).max(1_000)], {
      error: "must be auto or a number of shards (1 or more)",
    }),
  ),
  /** Questions one person may ask per window, across slash commands, mentions and DMs: `5/10s` (default when unset), `20/1m`, or `off`. */
  QUESTION_RATE_LIMIT: optional(QuestionRateSpec),
  /** `off` records nothing (no history, no feedback buttons, no gaps report); default `on`. */
  STORE: optional(z.enum(["on", "off"], { error: "must be on or off" })).transform((store) => store ?? "on"),
  /** The folder of the question store (`bot.sqlite`); created when missing. */
  DATA_DIR: optional(z.string().trim().min(1)).transform((directory) => directory ?? "data"),
  /** Questions and votes older than this many days are deleted (at start-up and every few hours). */
  HISTORY_DAYS: optional(
    z.coerce.number({ error: "must be a whole number of days" }).int("must be a whole number of days").min(1).max(3650),
  ).transform((days) => days ?? 90),
  /**
   * The secret that people's Discord ids are hashed with before they are stored (HMAC-SHA256). Unset: a random key
   * is created once in DATA_DIR and kept there.
   */
  PERSON_HASH_KEY: optional(z.string().trim().min(16, "must be at least 16 characters")),
  /**
   * `true`: ask Discord for the privileged Message Content intent (switched on in the developer portal first), so
   * that every message people post in the bot's own threads is a question, mention or not. Unset: `false`.
   */
  MESSAGE_CONTENT_INTENT: optional(
    z.enum(["true", "false"], { error: "must be true or false" }).transform((value) => value === "true"),
  ),
});
export type Config = z.infer<typeof Config>;

/** The store settings of a program that records nothing (tests, the soak). */
export const STORE_OFF = Object.freeze({ STORE: "off", DATA_DIR: "data", HISTORY_DAYS: 90 } as const);
/** discord.js's ShardingManager marks the processes it spawns, one per shard, with this variable. */
export function isShardProcess(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SHARDING_MANAGER === "true";
}

const ShardEnvironment = z.object({
  SHARDS: z.coerce.number().int().min(0),
  SHARD_COUNT: z.coerce.number().int().min(1),
});

/** In a shard process, which shard it runs (discord.js's ShardingManager sets SHARDS and SHARD_COUNT); else undefined. */
export function shardOfProcess(env: NodeJS.ProcessEnv = process.env): { id: number; count: number } | undefined {
  if (!isShardProcess(env)) return undefined;
  const parsed = ShardEnvironment.safeParse(env);
  if (!parsed.success)
    throw new ConfigError("Configuration error: SHARDS and SHARD_COUNT of a shard process are invalid");
  return { id: parsed.data.SHARDS, count: parsed.data.SHARD_COUNT };
}

/**
 * A shard process's view of the environment: discord.js reuses SHARDS for the shard's own id (its client reads it
 * with SHARD_COUNT), and the managing process serves HTTP for all shards, so neither applies here.
 */
function asShardProcess(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, SHARDS: undefined, HTTP_PORT: undefined, DISCORD_PUBLIC_KEY: undefined };
}

/** A start-up problem with the environment: its message is one line that names the variable and never its value. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export interface LoadConfigOptions {
  /** Read `.env` into the environment first (never overriding variables already set). Default true. */
  dotenv?: boolean;
  /** Where `.env` lives; default `.env` in the working directory. */
  dotenvPath?: string;
}

/** Validates the environment once at start-up; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: LoadConfigOptions = {}): Config {
  if (options.dotenv ?? true) readDotenv({ path: options.dotenvPath ?? ".env", processEnv: env, quiet: true });
  const parsed = Config.safeParse(isShardProcess(env) ? asShardProcess(env) : env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const variable = String(issue?.path[0] ?? "environment");
  // zod messages here are our own or describe types; they never quote the value, so the token cannot leak.
  throw new ConfigError(`Configuration error: ${variable} ${issue?.message ?? "is invalid"}`);
}

/** Narrows a config to bot mode, or explains in one line which variable is missing. */
export function requireVariables<K extends keyof Config>(
  config: Config,
  names: readonly K[],
): Config & { [P in K]-?: NonNullable<Config[P]> } {
  for (const name of names) {
    if (config[name] === undefined) throw new ConfigError(`Configuration error: ${name} is not set (see .env.example)`);
  }
  return config as Config & { [P in K]-?: NonNullable<Config[P]> };
}
