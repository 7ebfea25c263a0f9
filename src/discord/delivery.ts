import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";

/** Why a message to Discord could not be delivered, as one log line states it (never the interaction token). */
export interface DeliveryFailure {
  /** The route with ids and tokens generalised, e.g. `POST /interactions/:id/:token/callback`. */
  route: string;
  /** HTTP status after discord.js's retries, or what happened instead of a response. */
  status: number | "timeout" | "rate-limited" | "network";
  /** Discord's JSON error code (e.g. 10062 unknown interaction, 40060 already acknowledged). */
  code?: number | string;
  /** For a refused rate limit: how long Discord asked us to wait. */
  retryAfterMs?: number;
  global?: boolean;
}

/** Routes the bot writes to, generalised; the fallback when an error does not say its URL (a timeout). */
export const ROUTES = Object.freeze({
  callback: "POST /interactions/:id/:token/callback",
  editOriginal: "PATCH /webhooks/:id/:token/messages/@original",
  followUp: "POST /webhooks/:id/:token",
  channelMessage: "POST /channels/:id/messages",
});

/**
 * The delivery failure behind an error thrown by discord.js's REST layer (after its own retries), or undefined
 * when the error is something else (a bug: the caller logs it and apologises).
 */
export function deliveryFailure(error: unknown, fallbackRoute: string): DeliveryFailure | undefined {
  if (error instanceof DiscordAPIError)
    return { route: generaliseRoute(error.method, error.url), status: error.status, code: error.code };
  if (error instanceof HTTPError) return { route: generaliseRoute(error.method, error.url), status: error.status };
  if (error instanceof RateLimitError)
    return {
      route: `${error.method.toUpperCase()} ${error.route}`,
      status: "rate-limited",
      retryAfterMs: Math.round(error.retryAfter),
      global: error.global,
    };
  if (!(error instanceof Error)) return undefined;
  if (error.name === "AbortError" || error.name === "TimeoutError") return { route: fallbackRoute, status: "timeout" };
  const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
  if (code !== undefined && /^(E[A-Z]+|UND_ERR_\w+)$/.test(code))
    return { route: fallbackRoute, status: "network", code };
  return undefined;
}

/** Whether an apology can still get through after this failure (it travels the same route, so only a rejected body qualifies). */
export function apologyMayHelp(failure: DeliveryFailure): boolean {
  return failure.status === 400 && failure.code !== 40060;
}

/** `POST /interactions/:id/:token/callback` from a full URL: no origin, API version, query, ids or tokens. */
export function generaliseRoute(method: string, url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split("?")[0] ?? url;
  }
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep the encoded path
  }
  path = path
    .replace(/^\/api/, "")
    .replace(/^\/v\d+/, "")
    .replace(/^\/interactions\/[^/]+\/[^/]+/, "/interactions/:id/:token")
    .replace(/^\/webhooks\/[^/]+\/[^/]+/, "/webhooks/:id/:token")
    .replace(/\/\d{5,}(?=\/|$)/g, "/:id");
  return `${method.toUpperCase()} ${path}`;
}
