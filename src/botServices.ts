import { COMMANDS } from "../commands/index.js";
import { type Config, ConfigError, isShardProcess, shardOfProcess } from "./config/config.js";
import type { CommandHandler } from "./discord/commandContext.js";
import { type DiscordBotOptions, type UnconnectedDiscordBot, createDiscordBot } from "./discord/startBot.js";
import { type AnswerEngine, createEngine } from "./engine/engine.js";
import { GuildArticleFiles } from "./guilds/guildArticles.js";
import { GuildKnowledge } from "./guilds/guildKnowledge.js";
import { InFlight } from "./http/inFlight.js";
import { createInteractionsEndpoint } from "./http/interactionsEndpoint.js";
import { type OpsServer, startOpsServer } from "./http/opsServer.js";
import { Readiness } from "./http/readiness.js";
import { importPublicKey } from "./http/verifySignature.js";
import { loadKnowledge } from "./knowledge/loadKnowledge.js";
import type { Logger } from "./logging/logger.js";
import { type Metrics, createMetrics } from "./metrics/metrics.js";
import { watchGateway } from "./metrics/watchGateway.js";
import { watchLiveValue } from "./reload/liveValue.js";
import { openConfiguredStore } from "./store/openStore.js";
import { answerMetricsRequests } from "./sharding/shardMetrics.js";

/** How long a graceful stop waits for answers in flight before closing anyway (the whole stop stays under 10 s). */
export const DRAIN_BUDGET_MS = 7_000;

export interface BotTransports {
  /** Connect to the gateway: mentions, DMs, and interactions unless they come over HTTP. */
  gateway: boolean;
  /** Serve HTTP_PORT: health, readiness, metrics. */
  http: boolean;
  /** Answer POST /interactions (DISCORD_PUBLIC_KEY set). */
  interactionsOverHttp: boolean;
}

/** The three ways bot mode runs, from the environment; a contradiction is a ConfigError naming the variables. */
export function botTransports(config: Config): BotTransports {
  const gateway = config.GATEWAY !== "off";
  if (config.DISCORD_PUBLIC_KEY && config.HTTP_PORT === undefined)
    throw new ConfigError(
      "Configuration error: DISCORD_PUBLIC_KEY needs HTTP_PORT (the port /interactions is served on)",
    );
  if (gateway && !config.DISCORD_TOKEN)
    throw new ConfigError(
      "Configuration error: DISCORD_TOKEN is not set (the gateway needs it; GATEWAY=off serves interactions over HTTP only)",
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

export interface BotServicesOptions {
  logger: Logger;
  /** The command registry; `commands/index.ts` by default (tests add slow ones). */
  commands?: readonly CommandHandler[];
  /** Passed through to the Discord adapter (tests shorten timers). */
  discord?: Pick<DiscordBotOptions, "ws" | "deferAfterMs" | "rest">;
}

export interface BotServices {
  readonly bot: UnconnectedDiscordBot;
  readonly server: OpsServer | undefined;
  readonly readiness: Readiness;
  readonly metrics: Metrics;
  /** Readiness 503, the answers in flight finish (up to DRAIN_BUDGET_MS), HTTP closes, the gateway closes. */
  stop(): Promise<void>;
}

/**
 * Everything bot mode runs, wired once: the Discord adapter, the HTTP server (interactions, health, metrics), the
 * knowledge watcher, readiness and metrics. The HTTP server starts before the gateway connects, so /healthz and
 * /readyz (503) answer during the connection. Throws when the gateway cannot connect (after closing what it opened).
 */
export async function startBotServices(
  config: Config,
  engine: AnswerEngine,
  options: BotServicesOptions,
): Promise<BotServices> {
  const { logger } = options;
  const transports = botTransports(config);
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
  const store = openConfiguredStore(config, logger);
  const guildKnowledge = new GuildKnowledge({
    shared: live.current,
    files: new GuildArticleFiles(config.DATA_DIR),
    onBrokenArticle: (error) =>
      logger.error({ problem: error.message }, "a server's article no longer validates; it is left out"),
  });
  const bot = createDiscordBot({
    ...options.discord,
    config,
    logger,
    store,
    getEngine: (guildId) => guildKnowledge.engineFor(guildId),
    guildKnowledge,
    commands: options.commands ?? COMMANDS,
    gateway: transports.gateway,
    shard: shardOfProcess(),
    observe: metrics.observeEvent,
    track: (work) => inFlight.track(work),
  });
  watchGateway(bot.client, { readiness, metrics });
  // A shard process has no HTTP server of its own: the managing process collects its metrics over IPC.
  if (isShardProcess()) answerMetricsRequests(metrics.registry);

  let server: OpsServer | undefined;
  const stop = async (): Promise<void> => {
    readiness.set("shutting-down", false);
    live.close();
    const drained = await inFlight.drained(DRAIN_BUDGET_MS);
    if (!drained) logger.warn({ inFlight: inFlight.size }, "shutdown: answers still in flight are cut off");
    await server?.close();
    await bot.stop();
    // After the client: answers sent while stopping are recorded too.
    store?.close();
  };
  try {
    if (transports.http) server = await startServer(config, bot, { logger, readiness, metrics, inFlight });
    if (transports.gateway) {
      await bot.connect();
      readiness.set("gateway", true);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { bot, server, readiness, metrics, stop };
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
