import type { IncomingMessage, ServerResponse } from "node:http";
import type { webcrypto } from "node:crypto";
import { type Client, InteractionResponseType, InteractionType } from "discord.js";
import type { InteractionRoute } from "../discord/interactionRouter.js";
import type { Logger } from "../logging/logger.js";
import { httpResponsePath, type InitialResponse } from "./httpResponsePath.js";
import { interactionFromPayload } from "./interactionFromPayload.js";
import { sendJson } from "./sendJson.js";
import { readBody } from "./readBody.js";
import { checkSignature } from "./verifySignature.js";

export interface InteractionsEndpointOptions {
  /** The application's public key (DISCORD_PUBLIC_KEY), imported once. */
  publicKey: webcrypto.CryptoKey;
  /** discord.js's client: builds the interaction objects and carries the REST calls after the initial response. */
  client: Client;
  /** The same router as the gateway's. */
  route: InteractionRoute;
  logger: Logger;
}

/**
 * `POST /interactions`: Discord's signed interaction requests. The initial response is the HTTP response; the router,
 * the command modules and the render function are the gateway's. Every refusal is a status and a one-line JSON
 * reason; nothing a caller sends can throw out of here.
 */
export function createInteractionsEndpoint(
  options: InteractionsEndpointOptions,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async function interactions(request, response) {
    const body = await readBody(request);
    if (body === "too-large") return void (await sendJson(response, 413, { error: "body over 64 KB" }));
    const signature = await checkSignature(
      options.publicKey,
      {
        signature: header(request, "x-signature-ed25519"),
        timestamp: header(request, "x-signature-timestamp"),
        body,
      },
      Math.floor(Date.now() / 1_000),
    );
    if (signature !== "valid") {
      // Debug only: Discord itself sends badly signed requests when the URL is saved, to check that they are refused.
      options.logger.debug({ refused: signature }, "interaction request refused");
      const error = signature === "stale" ? "request timestamp too old" : "invalid request signature";
      return void (await sendJson(response, 401, { error }));
    }

    let payload: unknown;
    try {
      payload = JSON.parse(body.toString("utf8"));
    } catch {
      return void (await sendJson(response, 400, { error: "body is not JSON" }));
    }
    if (isPing(payload)) return void (await sendJson(response, 200, { type: InteractionResponseType.Pong }));

    const built = interactionFromPayload(options.client, payload);
    if ("problem" in built) {
      options.logger.warn({ problem: built.problem }, "malformed interaction request refused");
      return void (await sendJson(response, 400, { error: built.problem }));
    }
    const send = (initial: InitialResponse): Promise<void> => {
      if (response.headersSent) return Promise.reject(new Error("the initial response was already sent"));
      return sendJson(response, 200, initial);
    };
    // Resolves after the whole event, which may outlive the HTTP response (a deferred answer is edited over REST).
    await options.route(built.interaction, httpResponsePath(send));
    if (!response.headersSent) await sendJson(response, 500, { error: "the interaction got no response" });
  };
}

function isPing(payload: unknown): boolean {
  return typeof payload === "object" && payload !== null && "type" in payload && payload.type === InteractionType.Ping;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
