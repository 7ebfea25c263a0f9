/**
 * Faults on Discord's REST side, on the three routes the bot answers through: the interaction callback, the edit
 * of a deferred reply (webhook) and a channel message (mentions, DMs). discord.js's own queue does the retrying;
 * these tests hold the bot to what Discord allows and check that what could not be delivered is logged once.
 * The fake's interaction window is scaled down from Discord's 3 s to 1 s (and the REST timeout to 0.6 s) to stay fast.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { COMMANDS } from "../../commands/index.js";
import { type Harness, SentMessage, startHarness } from "../support/discordHarness.js";
import {
  CLIENT_CLOSED_REQUEST,
  IDS,
  type RestCall,
  type RestFault,
  SELF,
  messageCreate,
  slashCommand,
} from "../../fakeDiscord/index.js";
import {
  callbackPath,
  dispatchedInteractionIds,
  isAccepted,
  originalPath,
  slowCommand,
  undeliveredLine,
  waitForLog,
} from "../support/reliability.js";

const REST = { timeoutMs: 600, retries: 2 } as const;
const WINDOW_MS = 1_000;
const REPLY = 4;
const DEFERRED = 5;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    commands: [...COMMANDS, slowCommand("slowwho", 250), slowCommand("slowerthanwindow", 1_200)],
    deferAfterMs: 100,
    rest: REST,
    fake: { interactionWindowMs: WINDOW_MS },
  });
});
afterAll(async () => harness.stop());

interface Attempt {
  /** The event the bot answers, for the log line. */
  eventId: string;
  method: string;
  path: string;
  /** Every request the bot made on the route for this event, once it has finished. */
  attempts(): RestCall[];
  /** Resolves with the request that delivered the answer. */
  delivered(): Promise<RestCall>;
}

type Route = "interaction callback" | "deferred reply edit" | "channel message";

/** Starts an event whose answer travels the given route; `fault` is injected on exactly that route first. */
async function start(route: Route, fault: Omit<RestFault, "path" | "method">): Promise<Attempt> {
  const since = harness.fake.calls.length;
  const on = (method: string, path: string) => {
    harness.fake.injectFault({ ...fault, method, path });
    const matching = (call: RestCall) => call.method === method && call.path === path;
    return {
      method,
      path,
      attempts: () => harness.fake.callsMatching(matching, since),
      delivered: () =>
        harness.fake.waitForCall((call) => matching(call) && isAccepted(call), { since, timeoutMs: 8_000 }),
    };
  };
  if (route === "interaction callback") {
    const payload = slashCommand("who", { name: "Lavrov" });
    const attempt = { eventId: payload.id, ...on("POST", callbackPath(payload)) };
    await harness.fake.dispatch("INTERACTION_CREATE", payload);
    return attempt;
  }
  if (route === "deferred reply edit") {
    const payload = slashCommand("slowwho");
    const attempt = { eventId: payload.id, ...on("PATCH", originalPath(payload)) };
    await harness.fake.dispatch("INTERACTION_CREATE", payload);
    return attempt;
  }
  const message = messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] });
  const attempt = { eventId: message.id, ...on("POST", `/channels/${IDS.guildChannel}/messages`) };
  await harness.fake.dispatch("MESSAGE_CREATE", message);
  return attempt;
}

/** The answer to "who is Lavrov", wherever it was delivered. */
function expectLavrov(call: RestCall): void {
  const body = SentMessage.parse(
    typeof call.body === "object" && call.body !== null && "data" in call.body ? call.body.data : call.body,
  );
  expect(body.embeds?.[0]?.description).toContain("Sergei Lavrov");
}

const ROUTES: Route[] = ["interaction callback", "deferred reply edit", "channel message"];
/** How the log line names each route: no ids, no interaction token. */
const GENERAL_ROUTE: Record<Route, string> = {
  "interaction callback": "POST /interactions/:id/:token/callback",
  "deferred reply edit": "PATCH /webhooks/:id/:token/messages/@original",
  "channel message": "POST /channels/:id/messages",
};
const RATE_LIMITED = { message: "You are being rate limited.", retry_after: 0.2, global: false };

describe.each(ROUTES)("on the %s", (route) => {
  test("GIVEN a 429 with Retry-After THEN the bot waits that long, retries once, and the answer arrives", async () => {
    const attempt = await start(route, {
      status: 429,
      headers: { "Retry-After": "0.2", "X-RateLimit-Scope": "user" },
      body: RATE_LIMITED,
    });
    const delivered = await attempt.delivered();
    expectLavrov(delivered);
    const [limited, retried] = attempt.attempts();
    expect(attempt.attempts().map((call) => call.status)).toEqual([429, delivered.status]);
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(190);
  });

  test("GIVEN a global 429 (X-RateLimit-Global) THEN the bot waits it out and the answer arrives", async () => {
    const attempt = await start(route, {
      status: 429,
      headers: { "Retry-After": "0.2", "X-RateLimit-Global": "true", "X-RateLimit-Scope": "global" },
      body: { ...RATE_LIMITED, global: true },
    });
    expectLavrov(await attempt.delivered());
    const [limited, retried] = attempt.attempts();
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(190);
  });

  test("GIVEN one 500 THEN the bot retries and the answer arrives once", async () => {
    const attempt = await start(route, { status: 500, body: { message: "Internal Server Error", code: 0 } });
    expectLavrov(await attempt.delivered());
    expect(attempt.attempts().map((call) => call.status)).toEqual([500, expect.any(Number)]);
    expect(attempt.attempts().filter(isAccepted)).toHaveLength(1);
  });

  test("GIVEN 500s on every attempt THEN the bot gives up after its retries and logs one line with event id, route and status", async () => {
    const attempt = await start(route, { status: 500, times: Number.POSITIVE_INFINITY });
    const line = await waitForLog(
      harness,
      (entry) => entry.eventId === attempt.eventId && entry.msg === "reply not delivered",
    );
    harness.fake.clearFaults();
    expect(attempt.attempts().map((call) => call.status)).toEqual([500, 500, 500]);
    expect(line).toMatchObject({ level: 40, outcome: "undelivered", status: 500, route: GENERAL_ROUTE[route] });
    expect(JSON.stringify(line)).not.toContain("interaction-token");
    expect(
      harness.logs.filter((entry) => entry.eventId === attempt.eventId && entry.latencyMs !== undefined),
    ).toHaveLength(1);
  });

  test("GIVEN a slow response within the REST timeout THEN the bot simply waits for it", async () => {
    const attempt = await start(route, { delayMs: 250 });
    expectLavrov(await attempt.delivered());
    expect(attempt.attempts()).toHaveLength(1);
  });

  test("GIVEN a response slower than the REST timeout THEN the bot abandons it, retries, and the answer arrives once", async () => {
    const attempt = await start(route, { delayMs: REST.timeoutMs + 300 });
    expectLavrov(await attempt.delivered());
    // The abandoned request is recorded when its delay ends (after the retry succeeded) and was never processed.
    await harness.fake.waitForCall((call) => call.path === attempt.path && call.status === CLIENT_CLOSED_REQUEST);
    expect(attempt.attempts()).toHaveLength(2);
    expect(attempt.attempts().filter(isAccepted)).toHaveLength(1);
  });
});

describe("the interaction window", () => {
  test("GIVEN a callback that never answers THEN the bot gives up after its retries, logs a timeout, and does not hang", async () => {
    const attempt = await start("interaction callback", { delayMs: 5_000, times: Number.POSITIVE_INFINITY });
    const line = await waitForLog(
      harness,
      (entry) => entry.eventId === attempt.eventId && entry.msg === "reply not delivered",
      6_000,
    );
    harness.fake.clearFaults();
    expect(line).toMatchObject({ status: "timeout", route: "POST /interactions/:id/:token/callback" });
  });

  test("GIVEN a 429 on the callback asking for longer than the window THEN the bot does not wait in vain: it logs the refusal at once", async () => {
    const started = Date.now();
    const attempt = await start("interaction callback", {
      status: 429,
      headers: { "Retry-After": "5" },
      body: { ...RATE_LIMITED, retry_after: 5 },
    });
    const line = await waitForLog(
      harness,
      (entry) => entry.eventId === attempt.eventId && entry.msg === "reply not delivered",
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(line).toMatchObject({
      status: "rate-limited",
      route: "POST /interactions/:id/:token/callback",
      retryAfterMs: expect.any(Number),
    });
    expect(attempt.attempts()).toHaveLength(1);
  });

  test("GIVEN an answer slower than the whole window THEN the early deferral keeps the interaction alive and the edit carries the answer", async () => {
    const payload = slashCommand("slowerthanwindow");
    const response = await harness.interact(payload);
    expect(response.type).toBe(DEFERRED);
    const edit = await harness.fake.waitForCall(
      (call) => call.method === "PATCH" && call.path === originalPath(payload),
      { timeoutMs: 5_000 },
    );
    expectLavrov(edit);
  });

  test("GIVEN a second initial response to the same interaction THEN the fake refuses it as Discord does (so the counts below mean something)", async () => {
    const payload = slashCommand("who", { name: "Lavrov" });
    await harness.interact(payload);
    const response = await fetch(`${harness.fake.url}/api/v10${callbackPath(payload)}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: REPLY, data: { content: "again" } }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 40060 });
  });
});

describe("after every fault above", () => {
  test("GIVEN the faults are gone THEN the bot answers a slash command, a mention and a DM as usual", async () => {
    harness.fake.clearFaults();
    expect((await harness.interact(slashCommand("who", { name: "Lavrov" }))).type).toBe(REPLY);
    expect(
      (await harness.sendMessage(messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] }))).message
        .embeds?.[0]?.description,
    ).toContain("Sergei Lavrov");
    expect(
      (await harness.sendMessage(messageCreate("who is Lavrov?", { place: "dm" }))).message.embeds?.[0]?.description,
    ).toContain("Sergei Lavrov");
  });

  test("GIVEN every interaction of this suite THEN each got exactly one initial response, or a logged reason why not", async () => {
    await harness.fake.settle(300);
    const ids = dispatchedInteractionIds(harness.fake);
    expect(ids.length).toBeGreaterThan(15);
    for (const id of ids) {
      const responses = harness.fake.callsMatching(
        (call) => call.method === "POST" && call.path.startsWith(`/interactions/${id}/`) && isAccepted(call),
      );
      if (responses.length === 0)
        expect(
          undeliveredLine(harness, id),
          `interaction ${id} has neither a response nor a logged reason`,
        ).toBeDefined();
      else expect(responses, `interaction ${id}`).toHaveLength(1);
    }
  });
});
