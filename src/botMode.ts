import { COMMANDS } from "../commands/index.js";
import { type Config, ConfigError } from "./config/config.js";
import { type UnconnectedDiscordBot, createDiscordBot } from "./discord/startBot.js";
import { type AnswerEngine, createEngine } from "./engine/engine.js";
import { InFlight } from "./http/inFlight.js";
import { createInteractionsEndpoint } from "./http/interactionsEndpoint.js";
import { type OpsServer, startOpsServer } from "./http/opsServer.js";
import { Readiness } from "./http/readiness.js";
import { importPublicKey } from "./http/verifySignature.js";
import { loadKnowledge } from "./knowledge/loadKnowledge.js";
import { type Logger, createLogger } from "./logging/logger.js";
import { type Metrics, createMetrics } from "./metrics/metrics.js";
import { watchGateway } from "./metrics/watchGateway.js";
import { watchLiveValue } from "./reload/liveValue.js";

/** Shutdown must end within Kubernetes' default grace period (10 s here, by the issue's budget). */
const SHUTDOWN_BUDGET_MS = 9_000;

/** The three ways bot mode runs, from the environment; a contradiction is a ConfigError naming the variables. */
export function botTransports(config: Config): { gateway: boolean; http: boolean; interactionsOverHttp: boolean } {
  const gateway = config.GATEWAY !== "off";
  if (config.DISCORD_PUBLIC_KEY && config.HTTP_PORT === undefined)
    throw new ConfigError(
      "Configuration error: DISCORD_PUBLIC_KEY needs HTTP_PORT (the port /interactions is served on)",
    );
  if (!gateway && !config.DISCORD_PUBLIC_KEY)
    throw new ConfigError(
      "Configuration error: GATEWAY=off needs DISCORD_PUBLIC_KEY and HTTP_PORT (interactions over HTTP)",
    );
  return { gateway, http: config.HTTP_PORT !== undefined, interactionsOverHttp: Boolean(config.DISCORD_PUBLIC_KEY) };
}

function countKnowledge(engine: AnswerEngine): { articles: number; sentences: number } {
  const articles = engine.knowledge.articles;
  return { articles: articles.length, sentences: articles.reduce((sum, article) => sum + article.sentences.length, 0) };
}

/**
 * Bot mode: the gateway (mentions, DMs, and interactions unless they come over HTTP), the HTTP server (interactions,
 * health, metrics), or both; until SIGINT/SIGTERM, then a graceful stop and exit 0.
 * The knowledge folder is watched: a valid edit is swapped in, an invalid one is logged and refused.
 */
export async function runDiscordBot(config: Config, engine: AnswerEngine): Promise<void> {
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: [config.DISCORD_TOKEN] });
  let transports: ReturnType<typeof botTransports>;
  try {
    transports = botTransports(config);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const metrics = createMetrics();
  metrics.knowledgeLoaded(countKnowledge(engine));
  const readiness = new Readiness(transports.gateway ? ["gateway"] : []);
  const inFlight = new InFlight();
  const live = watchLiveValue({
    directory: config.KNOWLEDGE_DIR,
    initial: engine,
    load: () => createEngine(loadKnowledge(config.KNOWLEDGE_DIR)),
    onSwap: (next) => {
      metrics.knowledgeReloaded("swapped");
      metrics.knowledgeLoaded(countKnowledge(next));
      logger.info({ articles: next.knowledge.articles.length }, "knowledge reloaded");
    },
    onRefused: (error) => {
      metrics.knowledgeReloaded("refused");
      logger.error(
        { problem: error instanceof Error ? error.message : String(error) },
        "knowledge change refused; the last good knowledge keeps serving",
      );
    },
  });
  const bot = createDiscordBot({
    config,
    logger,
    getEngine: live.current,
    commands: COMMANDS,
    gateway: transports.gateway,
    observe: metrics.observeEvent,
    track: (work) => inFlight.track(work),
  });
  watchGateway(bot.client, { readiness, metrics });

  // The HTTP server starts first, so that /healthz and /readyz answer (503) while the gateway connects.
  const server = transports.http ? await startServer(config, bot, { logger, readiness, metrics, inFlight }) : undefined;
  if (transports.gateway) {
    try {
      await bot.connect();
    } catch (error) {
      logger.fatal({ err: error }, "could not connect to Discord");
      process.exit(1);
    }
    readiness.set("gateway", true);
  }
  // The pid names the process to signal for a clean stop (npm and tsx stand between a shell and the bot).
  logger.info(
    {
      user: bot.client.user?.tag,
      gateway: transports.gateway,
      http: server?.url,
      articles: live.current().knowledge.articles.length,
      pid: process.pid,
    },
    "bot ready",
  );

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: inFlight.size }, "shutting down");
    // Whatever happens below, the process ends within the budget, and with 0: stopping was asked for.
    setTimeout(() => process.exit(0), SHUTDOWN_BUDGET_MS + 500).unref();
    readiness.set("shutting-down", false);
    live.close();
    void (async () => {
      const drained = await inFlight.drained(SHUTDOWN_BUDGET_MS - 2_000);
      if (!drained) logger.warn({ inFlight: inFlight.size }, "shutdown: work still in flight is cut off");
      await server?.close();
      await bot.stop();
    })()
      .catch((error: unknown) => logger.error({ err: error }, "shutdown failed"))
      .finally(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

async function startServer(
  config: Config,
  bot: UnconnectedDiscordBot,
  context: { logger: Logger; readiness: Readiness; metrics: Metrics; inFlight: InFlight },
): Promise<OpsServer> {
  const interactions = config.DISCORD_PUBLIC_KEY
    ? createInteractionsEndpoint({
        publicKey: await importPublicKey(config.DISCORD_PUBLIC_KEY),
        client: bot.client,
        route: (interaction, path) => context.inFlight.track(bot.route(interaction, path)),
        logger: context.logger,
      })
    : undefined;
  return startOpsServer({
    host: config.HTTP_HOST ?? "0.0.0.0",
    port: config.HTTP_PORT ?? 0,
    readiness: context.readiness,
    metrics: async () => ({
      contentType: context.metrics.registry.contentType,
      text: await context.metrics.registry.metrics(),
    }),
    ...(interactions ? { interactions } : {}),
    logger: context.logger,
  });
}
