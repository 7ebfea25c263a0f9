import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { REST, Routes, ShardingManager, type Shard } from "discord.js";
import { AggregatorRegistry } from "prom-client";
import { type Config, ConfigError, requireVariables } from "../config/config.js";
import { type OpsServer, startOpsServer } from "../http/opsServer.js";
import { Readiness } from "../http/readiness.js";
import type { Logger } from "../logging/logger.js";
import { collectShardMetrics } from "./shardMetrics.js";

/** Shard processes have this long to finish their answers and exit on SIGTERM (each drains as a single bot does). */
const SHARD_EXIT_BUDGET_MS = 9_000;
/** How long /metrics waits for a shard's numbers. */
const SHARD_METRICS_TIMEOUT_MS = 2_000;

/** The entry point every shard process runs: the compiled main, which then runs as one shard. */
const SHARD_ENTRY = fileURLToPath(new URL("../main.js", import.meta.url));

/**
 * Discord's recommended shard count, asked through discord.js's REST client so that DISCORD_API_URL (a REST proxy,
 * the tests' fake Discord) applies; discord.js's own `totalShards: "auto"` always asks discord.com.
 */
async function recommendedShardCount(config: Config & { DISCORD_TOKEN: string }): Promise<number> {
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  const answer: unknown = await rest.get(Routes.gatewayBot());
  const shards = typeof answer === "object" && answer !== null && "shards" in answer ? answer.shards : undefined;
  if (typeof shards !== "number" || !Number.isInteger(shards) || shards < 1)
    throw new Error("GET /gateway/bot did not say how many shards to run");
  return shards;
}

/** Readiness per shard: each starts unready, is ready on its client's READY or RESUMED, unready while it reconnects. */
function watchShard(shard: Shard, readiness: Readiness): void {
  const condition = `shard ${shard.id}`;
  readiness.set(condition, false);
  shard.on("ready", () => readiness.set(condition, true));
  shard.on("resume", () => readiness.set(condition, true));
  shard.on("reconnecting", () => readiness.set(condition, false));
  shard.on("disconnect", () => readiness.set(condition, false));
  shard.on("death", () => readiness.set(condition, false));
}

/**
 * `SHARDS=auto|N`: discord.js's ShardingManager runs one process per shard (each loads the knowledge and answers
 * its own guilds; DMs arrive on shard 0). This process only manages them and, on HTTP_PORT, serves /healthz,
 * /readyz (every shard ready) and /metrics (all shards aggregated with prom-client's AggregatorRegistry).
 * SIGTERM: readiness 503, each shard stops gracefully, exit 0.
 */
export async function runShards(config: Config, logger: Logger): Promise<void> {
  if (config.GATEWAY === "off" || config.DISCORD_PUBLIC_KEY)
    throw new ConfigError(
      "Configuration error: SHARDS runs the gateway only; serve /interactions from separate GATEWAY=off replicas",
    );
  const withToken = requireVariables(config, ["DISCORD_TOKEN"]);
  const totalShards = config.SHARDS === "auto" ? await recommendedShardCount(withToken) : (config.SHARDS ?? 1);
  const readiness = new Readiness(["shards spawned"]);
  const manager = new ShardingManager(SHARD_ENTRY, { totalShards, token: withToken.DISCORD_TOKEN, respawn: true });
  manager.on("shardCreate", (shard) => {
    watchShard(shard, readiness);
    logger.info({ shardId: shard.id, totalShards }, "shard process starting");
  });

  let server: OpsServer | undefined;
  if (config.HTTP_PORT !== undefined) {
    server = await startOpsServer({
      host: config.HTTP_HOST ?? "0.0.0.0",
      port: config.HTTP_PORT,
      readiness,
      metrics: async () => {
        const aggregated = AggregatorRegistry.aggregate(
          await collectShardMetrics(manager.shards.values(), SHARD_METRICS_TIMEOUT_MS),
        );
        return { contentType: aggregated.contentType, text: await aggregated.metrics() };
      },
      logger,
    });
  }

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down the shards");
    readiness.set("shutting-down", false);
    setTimeout(() => process.exit(0), SHARD_EXIT_BUDGET_MS + 500).unref();
    manager.respawn = false;
    const exits = [...manager.shards.values()].map((shard) => stopShard(shard));
    void Promise.all(exits)
      .then(() => server?.close())
      .finally(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);

  // discord.js spawns the shards one after another, 5.5 s apart, as Discord's identify limit requires.
  await manager.spawn({ timeout: 60_000 });
  readiness.set("shards spawned", true);
  logger.info({ totalShards, http: server?.url, pid: process.pid }, "bot ready");
}

/** Sends SIGTERM to a shard's process (it stops as a single bot does) and resolves when it has exited. */
async function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  await exited;
}
