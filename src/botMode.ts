import type { Config } from "./config/config.js";
import { startDiscordBot } from "./discord/startBot.js";
import type { AnswerEngine } from "./engine/engine.js";
import { createLogger } from "./logging/logger.js";

/** Bot mode: connect to Discord, answer until SIGINT/SIGTERM, then close the client and exit 0. */
export async function runDiscordBot(config: Config, getEngine: () => AnswerEngine): Promise<void> {
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: [config.DISCORD_TOKEN] });
  let bot: Awaited<ReturnType<typeof startDiscordBot>>;
  try {
    bot = await startDiscordBot({ config, logger, getEngine });
  } catch (error) {
    logger.fatal({ err: error }, "could not connect to Discord");
    process.exit(1);
  }
  logger.info({ user: bot.client.user.tag, articles: getEngine().knowledge.articles.length }, "bot ready");

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    void bot.stop().finally(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
