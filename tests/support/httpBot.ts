/** Starts the fake Discord and the whole bot (botServices: gateway, HTTP server, metrics) against it, for HTTP tests. */
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type BotServices, startBotServices } from "../../src/botServices.js";
import { type Config, STORE_OFF } from "../../src/config/config.js";
import type { CommandHandler } from "../../src/discord/commandContext.js";
import { createLogger } from "../../src/logging/logger.js";
import { FakeDiscord, InteractionSigner } from "../../fakeDiscord/index.js";
import { createEngineForTests, FAKE_TOKEN, NO_IDENTIFY_THROTTLE } from "./discordHarness.js";

export interface HttpBot {
  fake: FakeDiscord;
  signer: InteractionSigner;
  services: BotServices;
  /** The bot's HTTP base URL, e.g. http://127.0.0.1:PORT. */
  url: string;
  stop(): Promise<void>;
}

export interface HttpBotOptions {
  gateway?: "on" | "off";
  commands?: readonly CommandHandler[];
  deferAfterMs?: number;
  /** The HTTP port (default: any free one, known once the bot started). */
  port?: number;
}

function httpBotConfig(fake: FakeDiscord, signer: InteractionSigner, options: HttpBotOptions): Config {
  return {
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_API_URL: fake.url,
    DISCORD_PUBLIC_KEY: signer.publicKeyHex,
    HTTP_PORT: options.port ?? 0,
    HTTP_HOST: "127.0.0.1",
    GATEWAY: options.gateway ?? "on",
    LOG_LEVEL: "silent",
    KNOWLEDGE_DIR: "knowledge",
    QUESTION_RATE_LIMIT: "off",
    ...STORE_OFF,
  };
}

export async function startHttpBot(options: HttpBotOptions = {}, fake?: FakeDiscord): Promise<HttpBot> {
  fake ??= await FakeDiscord.start({ token: FAKE_TOKEN });
  const signer = await InteractionSigner.create();
  const services = await startBotServices(httpBotConfig(fake, signer, options), createEngineForTests(), {
    logger: createLogger({ level: "silent" }),
    ...(options.commands ? { commands: options.commands } : {}),
    discord: { ws: NO_IDENTIFY_THROTTLE, deferAfterMs: options.deferAfterMs ?? 1_000 },
  });
  const url = services.server?.url;
  if (!url) throw new Error("the HTTP server did not start");
  return {
    fake,
    signer,
    services,
    url,
    async stop() {
      await services.stop();
      await fake.stop();
    },
  };
}

/** A port nobody listens on right now (loopback), for a test that must know the bot's URL before it finished starting. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
