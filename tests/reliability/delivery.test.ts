/** How a failed delivery is named in the one log line: the route without ids or tokens, and what went wrong. */
import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";
import { describe, expect, test } from "vitest";
import { ROUTES, apologyMayHelp, deliveryFailure, generaliseRoute } from "../../src/discord/delivery.js";

const API = "http://127.0.0.1:4000/api/v10";
const TOKEN_URL = `${API}/interactions/1100000000000000999/aW50ZXJhY3Rpb246c2VjcmV0/callback?with_response=false`;

describe("generaliseRoute", () => {
  test.each([
    ["POST", TOKEN_URL, "POST /interactions/:id/:token/callback"],
    [
      "patch",
      `${API}/webhooks/1100000000000000001/aW50ZXJhY3Rpb24/messages/%40original`,
      "PATCH /webhooks/:id/:token/messages/@original",
    ],
    ["POST", `${API}/channels/1100000000000000101/messages`, "POST /channels/:id/messages"],
    ["GET", "/gateway/bot", "GET /gateway/bot"],
  ])("GIVEN %s %s THEN the route is %s, with no id or token in it", (method, url, route) => {
    expect(generaliseRoute(method, url)).toBe(route);
  });
});

describe("deliveryFailure", () => {
  const body = { body: undefined, files: undefined };

  test("GIVEN Discord's JSON error THEN its status and code, and never the interaction token", () => {
    const failure = deliveryFailure(
      new DiscordAPIError({ message: "Unknown interaction", code: 10062 }, 10062, 404, "POST", TOKEN_URL, body),
      ROUTES.callback,
    );
    expect(failure).toEqual({ route: "POST /interactions/:id/:token/callback", status: 404, code: 10062 });
    expect(JSON.stringify(failure)).not.toContain("aW50ZXJhY3Rpb246c2VjcmV0");
    expect(failure && apologyMayHelp(failure)).toBe(false);
  });

  test("GIVEN a 5xx after the retries THEN its status; an apology would take the same failing route", () => {
    const failure = deliveryFailure(
      new HTTPError(502, "Bad Gateway", "POST", `${API}/channels/1100000000000000101/messages`, body),
      ROUTES.channelMessage,
    );
    expect(failure).toEqual({ route: "POST /channels/:id/messages", status: 502 });
    expect(failure && apologyMayHelp(failure)).toBe(false);
  });

  test("GIVEN a body Discord rejected (400) THEN an apology, a different body, may still get through", () => {
    const failure = deliveryFailure(
      new DiscordAPIError({ message: "Invalid Form Body", code: 50035 }, 50035, 400, "POST", TOKEN_URL, body),
      ROUTES.callback,
    );
    expect(failure && apologyMayHelp(failure)).toBe(true);
  });

  test("GIVEN a refused rate limit THEN how long Discord asked to wait", () => {
    const error = new RateLimitError({
      timeToReset: 5_050,
      limit: 1,
      method: "post",
      hash: "h",
      url: TOKEN_URL,
      route: "/interactions/:id/:token/callback",
      majorParameter: "global",
      global: false,
      retryAfter: 5_050,
      sublimitTimeout: 0,
      scope: "user",
    });
    expect(deliveryFailure(error, ROUTES.callback)).toEqual({
      route: "POST /interactions/:id/:token/callback",
      status: "rate-limited",
      retryAfterMs: 5_050,
      global: false,
    });
  });

  test("GIVEN a request aborted by the REST timeout THEN a timeout on the route the caller was using", () => {
    const aborted = Object.assign(new Error("This operation was aborted"), { name: "AbortError" });
    expect(deliveryFailure(aborted, ROUTES.editOriginal)).toEqual({ route: ROUTES.editOriginal, status: "timeout" });
  });

  test("GIVEN a refused connection THEN a network failure with its code", () => {
    expect(
      deliveryFailure(
        Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
        ROUTES.channelMessage,
      ),
    ).toEqual({ route: ROUTES.channelMessage, status: "network", code: "ECONNREFUSED" });
  });

  test("GIVEN a bug in the bot (any other error) THEN it is not a delivery failure: the router logs it as an error and apologises", () => {
    expect(deliveryFailure(new TypeError("Cannot read properties of undefined"), ROUTES.callback)).toBeUndefined();
    expect(deliveryFailure("a string", ROUTES.callback)).toBeUndefined();
  });
});
