import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logging/logger.js";
import type { Readiness } from "./readiness.js";
import { sendJson, sendText } from "./sendJson.js";

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export interface OpsServerOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  readiness: Readiness;
  /** The Prometheus text for `GET /metrics`. */
  metrics: () => Promise<{ contentType: string; text: string }>;
  /** `POST /interactions`, when DISCORD_PUBLIC_KEY is set. */
  interactions?: Handler;
  logger: Logger;
}

export interface OpsServer {
  /** e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  /** Stops accepting connections and resolves once the open ones finished. */
  close(): Promise<void>;
}

/**
 * The bot's HTTP server: the interactions endpoint, liveness, readiness and metrics. Any failure inside a handler
 * becomes a 500 and one log line; the process keeps serving.
 */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const routes = new Map<string, { method: string; handle: Handler }>([
    ["/healthz", { method: "GET", handle: (_request, response) => sendJson(response, 200, { status: "ok" }) }],
    [
      "/readyz",
      {
        method: "GET",
        handle: (_request, response) =>
          options.readiness.ready
            ? sendJson(response, 200, { status: "ready" })
            : sendJson(response, 503, { status: "not ready", waitingFor: options.readiness.waitingFor() }),
      },
    ],
    [
      "/metrics",
      {
        method: "GET",
        handle: async (_request, response) => {
          const { contentType, text } = await options.metrics();
          await sendText(response, 200, text, contentType);
        },
      },
    ],
  ]);
  if (options.interactions) routes.set("/interactions", { method: "POST", handle: options.interactions });

  const server = createServer((request, response) => {
    void serve(request, response).catch((error: unknown) => {
      options.logger.error({ err: error, path: pathOf(request) }, "http request failed");
      if (!response.headersSent) void sendJson(response, 500, { error: "internal error" });
      else response.destroy();
    });
  });
  // A client that resets its connection mid-request must not become an uncaught error.
  server.on("clientError", (_error, socket) => socket.destroy());

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const route = routes.get(pathOf(request));
    if (!route) return sendJson(response, 404, { error: "not found" });
    if (request.method !== route.method) {
      response.setHeader("allow", route.method);
      return sendJson(response, 405, { error: `use ${route.method}` });
    }
    await route.handle(request, response);
  }

  server.listen(options.port, options.host);
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  options.logger.info({ url, interactions: Boolean(options.interactions) }, "http server listening");
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections would hold close() open; busy ones finish their response first.
        server.closeIdleConnections();
      }),
  };
}

function pathOf(request: IncomingMessage): string {
  return (request.url ?? "/").split("?")[0] ?? "/";
}
