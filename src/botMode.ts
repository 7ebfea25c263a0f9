import { COMMANDS } from "../commands/index.js";
import type { Config } from "./config/config.js";
import { startDiscordBot } from "./discord/startBot.js";
import { type AnswerEngine, createEngine } from "./engine/engine.js";
import { loadKnowledge } from "./knowledge/loadKnowledge.js";
import { createLogger } from "./logging/logger.js";
import { watchLiveValue } from "./reload/liveValue.js";
import { openConfiguredStore } from "./store/openStore.js";

/**
 * Bot mode: connect to Discord and answer until SIGINT/SIGTERM, then close the client and exit 0.
 * The knowledge folder is watched: a valid edit is swapped in, an invalid one is logged and refused.
 */
export async function runDiscordBot(config: Config, engine: AnswerEngine): Promise<void> {
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: [config.DISCORD_TOKEN] });
  const live = watchLiveValue({
    directory: config.KNOWLEDGE_DIR,
    initial: engine,
    load: () => createEngine(loadKnowledge(config.KNOWLEDGE_DIR)),
    onSwap: (next) => logger.info({ articles: next.knowledge.articles.length }, "knowledge reloaded"),
    onRefused: (error) =>
      logger.error(
        { problem: error instanceof Error ? error.message : String(error) },
        "knowledge change refused; the last good knowledge keeps serving",
      ),
  });
  const getEngine = live.current;
  const store = openConfiguredStore(config, logger);
  let bot: Awaited<ReturnType<typeof startDiscordBot>>;
  try {
    bot = await startDiscordBot({ config, logger, getEngine, commands: COMMANDS, store });
  } catch (error) {
    logger.fatal({ err: error }, "could not connect to Discord");
    process.exit(1);
  }
  // The pid names the process to signal for a clean stop (npm and tsx stand between a shell and the bot).
  logger.info(
    { user: bot.client.user.tag, articles: getEngine().knowledge.articles.length, pid: process.pid },
    "bot ready",
  );

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    live.close();
    void bot.stop().finally(() => {
      // After the client: answers sent while stopping are recorded too.
      store?.close();
      process.exit(0);
    });
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
