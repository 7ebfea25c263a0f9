import { type BotServices, startBotServices } from "./botServices.js";
import { type Config, ConfigError } from "./config/config.js";
import type { AnswerEngine } from "./engine/engine.js";
import { createLogger } from "./logging/logger.js";
import { runShards } from "./sharding/runShards.js";

/** The hard limit of a graceful stop: orchestrators (Kubernetes' default grace period) kill after 10 s. */
const SHUTDOWN_DEADLINE_MS = 9_500;

/**
 * Bot mode: the gateway, the HTTP server, or both (see botTransports), until SIGINT/SIGTERM; then readiness goes 503,
 * answers in flight finish, the HTTP server and the gateway close, and the process exits 0.
 */
export async function runDiscordBot(config: Config, engine: AnswerEngine): Promise<void> {
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: [config.DISCORD_TOKEN] });
  let services: BotServices;
  try {
    services = await startBotServices(config, engine, { logger });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    logger.fatal({ err: error }, "could not start the bot");
    process.exit(1);
  }
  // The pid names the process to signal for a clean stop (npm and tsx stand between a shell and the bot).
  logger.info(
    {
      user: services.bot.client.user?.tag,
      gateway: config.GATEWAY !== "off",
      http: services.server?.url,
      articles: engine.knowledge.articles.length,
      pid: process.pid,
    },
    "bot ready",
  );

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    // Whatever happens below, the process ends in time, and with 0: stopping is what was asked for.
    setTimeout(() => process.exit(0), SHUTDOWN_DEADLINE_MS).unref();
    void services
      .stop()
      .catch((error: unknown) => logger.error({ err: error }, "shutdown failed"))
      .finally(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

/** `SHARDS=auto|N`: this process manages one process per shard (see runShards); a start-up problem exits 1. */
export async function runShardManager(config: Config): Promise<void> {
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: [config.DISCORD_TOKEN] });
  try {
    await runShards(config, logger);
  } catch (error) {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else logger.fatal({ err: error }, "could not start the shards");
    process.exit(1);
  }
}
