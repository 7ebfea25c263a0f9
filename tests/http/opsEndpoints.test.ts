/**
 * Liveness, readiness and metrics on HTTP_PORT, against the fake Discord: readiness follows the gateway (before the
 * first READY, during a reconnect) and shutdown; the metrics count answers as they happen.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { COMMANDS } from "../../commands/index.js";
import { FakeDiscord, slashCommand } from "../../fakeDiscord/index.js";
import { FAKE_TOKEN } from "../support/discordHarness.js";
import { type HttpBot, freePort, startHttpBot } from "../support/httpBot.js";
import { originalPath, slowCommand } from "../support/reliability.js";

/** Polls `url` until it answers `status` (the server may still be starting, the gateway still changing state). */
async function waitForStatus(url: string, status: number, timeoutMs = 5_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    const response = await fetch(url).catch((error: unknown) => error);
    if (response instanceof Response) {
      if (response.status === status) return response;
      last = `status ${response.status}`;
    }
    await sleep(10);
  }
  throw new Error(`${url} never answered ${status} (last: ${last})`);
}

/** The value of one sample in Prometheus text, 0 when absent. */
function sample(metrics: string, line: string): number {
  const found = metrics.split("\n").find((entry) => entry.startsWith(`${line} `));
  return found ? Number(found.slice(line.length + 1)) : 0;
}

describe("readiness follows the gateway", () => {
  let fake: FakeDiscord;
  let bot: HttpBot | undefined;
  beforeAll(async () => {
    fake = await FakeDiscord.start({ token: FAKE_TOKEN });
  });
  afterAll(async () => {
    await bot?.stop();
    await fake.stop();
  });

  test("GIVEN the gateway not ready yet THEN /healthz is 200 and /readyz 503; once READY, /readyz is 200", async () => {
    const port = await freePort();
    const release = fake.holdHello();
    const starting = startHttpBot({ port }, fake);
    await waitForStatus(`http://127.0.0.1:${port}/healthz`, 200);
    const notReady = await waitForStatus(`http://127.0.0.1:${port}/readyz`, 503);
    expect(await notReady.json()).toEqual({ status: "not ready", waitingFor: ["gateway"] });
    release();
    bot = await starting;
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
  });

  test("GIVEN the gateway drops and reconnects THEN /readyz is 503 until it resumed, and the reconnect is counted", async () => {
    if (!bot) throw new Error("the bot did not start");
    const release = fake.holdHello();
    fake.closeGateway(4000);
    await waitForStatus(`${bot.url}/readyz`, 503);
    release();
    await waitForStatus(`${bot.url}/readyz`, 200);
    const metrics = await (await fetch(`${bot.url}/metrics`)).text();
    expect(sample(metrics, 'bot_gateway_events_total{event="reconnecting"}')).toBeGreaterThanOrEqual(1);
  });
});

describe("metrics and shutdown", () => {
  let bot: HttpBot;
  beforeAll(async () => {
    bot = await startHttpBot({ commands: [...COMMANDS, slowCommand("slow", 300)], deferAfterMs: 100 });
  });
  afterAll(async () => bot?.stop());

  test("GIVEN /metrics THEN it has the default process metrics and the knowledge loaded", async () => {
    const response = await fetch(`${bot.url}/metrics`);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const metrics = await response.text();
    expect(metrics).toContain("process_cpu_user_seconds_total");
    expect(sample(metrics, "bot_articles_loaded")).toBeGreaterThanOrEqual(1);
    expect(sample(metrics, "bot_sentences_loaded")).toBeGreaterThan(sample(metrics, "bot_articles_loaded"));
  });

  test("GIVEN a slash command over HTTP THEN the answer counter and the latency histogram move", async () => {
    const answered = 'bot_answers_total{command="who",surface="slash",outcome="answered"}';
    const latencyCount = 'bot_answer_latency_seconds_count{surface="slash"}';
    const before = await (await fetch(`${bot.url}/metrics`)).text();
    const { status } = await bot.fake.deliverOverHttp(
      `${bot.url}/interactions`,
      slashCommand("who", { name: "Lavrov" }),
      bot.signer,
    );
    expect(status).toBe(200);
    const after = await (await fetch(`${bot.url}/metrics`)).text();
    expect(sample(after, answered)).toBe(sample(before, answered) + 1);
    expect(sample(after, latencyCount)).toBe(sample(before, latencyCount) + 1);
  });

  test("GIVEN an unknown path or a wrong method THEN 404 and 405", async () => {
    expect((await fetch(`${bot.url}/nope`)).status).toBe(404);
    expect((await fetch(`${bot.url}/metrics`, { method: "POST" })).status).toBe(405);
  });

  test("GIVEN a stop while an answer is in flight THEN readiness goes 503 at once and the answer is still delivered before the gateway closes", async () => {
    const payload = slashCommand("slow");
    const { status } = await bot.fake.deliverOverHttp(`${bot.url}/interactions`, payload, bot.signer);
    expect(status).toBe(200);
    const stopping = bot.services.stop();
    expect(bot.services.readiness.waitingFor()).toContain("shutting-down");
    await stopping;
    expect(
      bot.fake.callsMatching(
        (call) => call.method === "PATCH" && call.path === originalPath(payload) && call.status === 200,
      ),
    ).toHaveLength(1);
    expect(bot.fake.gatewayCloses).toContain(1000);
  });
});
