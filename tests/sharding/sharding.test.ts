/**
 * `SHARDS=2 npm start` against a sharded fake Discord: discord.js's ShardingManager runs two shard processes, each
 * identifies with its `shard: [id, 2]`, gets its own guilds by Discord's formula, and answers a slash command in a
 * guild of its own; DMs go to shard 0; /metrics adds up both shards; SIGTERM stops them all with exit 0.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, expect, test } from "vitest";
import { FakeDiscord, IDS, InteractionResponse, messageCreate, slashCommand } from "../../fakeDiscord/index.js";
import { shardOfGuild } from "../../fakeDiscord/shardedGateway.js";
import { FAKE_TOKEN, acceptedCall, acceptedMessageIn } from "../support/discordHarness.js";
import { freePort } from "../support/httpBot.js";
import { type StartedByNpm, npmStartEnv, startWithNpm } from "../support/npmStart.js";

/** IDS.guild falls on shard 1 of 2; this one, (id >> 22) even, on shard 0. */
const SHARD_0_GUILD = "1100000000004194404";

let fake: FakeDiscord;
let bot: StartedByNpm;
let base: string;

beforeAll(async () => {
  fake = await FakeDiscord.start({
    token: FAKE_TOKEN,
    sharding: { shardCount: 2, guilds: [IDS.guild, SHARD_0_GUILD] },
  });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  bot = startWithNpm(npmStartEnv(fake.url, FAKE_TOKEN, { HTTP_PORT: String(port), SHARDS: "2" }));
  await fake.waitForGatewayReady(45_000).catch((error: unknown) => {
    throw new Error(`the shards never connected: ${String(error)}\n${bot.output()}`);
  });
}, 60_000);

afterAll(async () => {
  bot.kill();
  await fake.stop();
});

test("GIVEN SHARDS=2 THEN two processes identify as shard 0 and shard 1 of 2", () => {
  expect(shardOfGuild(IDS.guild, 2)).toBe(1);
  expect(shardOfGuild(SHARD_0_GUILD, 2)).toBe(0);
  expect([...(fake.sharded?.identified ?? [])].sort()).toEqual([
    [0, 2],
    [1, 2],
  ]);
});

test.each([
  [SHARD_0_GUILD, 0],
  [IDS.guild, 1],
])("GIVEN /who in guild %s THEN shard %i, the only one that received it, answers", async (guild, shard) => {
  const payload = { ...slashCommand("who", { name: "Lavrov" }), guild_id: guild };
  const since = fake.calls.length;
  await fake.dispatch("INTERACTION_CREATE", payload);
  expect(fake.sharded?.routed.at(-1)).toEqual({ event: "INTERACTION_CREATE", shard });
  const call = await acceptedCall(
    fake,
    (entry) => entry.method === "POST" && entry.path === `/interactions/${payload.id}/${payload.token}/callback`,
    since,
    "initial response",
  );
  expect(InteractionResponse.parse(call.body).data?.embeds?.[0]?.footer?.text).toMatch(/^Source: Ambito · /);
});

test("GIVEN a DM THEN it arrives on shard 0, which answers it", async () => {
  const since = fake.calls.length;
  await fake.dispatch("MESSAGE_CREATE", messageCreate("who is Lavrov?", { place: "dm" }));
  expect(fake.sharded?.routed.at(-1)).toEqual({ event: "MESSAGE_CREATE", shard: 0 });
  const reply = await acceptedMessageIn(fake, IDS.dmChannel, since);
  expect(reply.embeds?.[0]?.description).toContain("Sergei Lavrov");
});

test("GIVEN /metrics on the managing process THEN it adds up the answers of both shards", async () => {
  let metrics = "";
  for (let attempt = 0; attempt < 50 && !metrics.includes("bot_answers_total{"); attempt += 1) {
    metrics = await (await fetch(`${base}/metrics`)).text();
    if (!metrics.includes("bot_answers_total{")) await sleep(100);
  }
  expect(metrics).toContain('bot_answers_total{command="who",surface="slash",outcome="answered"} 2');
  expect((await fetch(`${base}/readyz`)).status).toBe(200);
});

test("GIVEN SIGTERM to the managing process THEN every shard stops and it exits 0", async () => {
  const managerLine = bot
    .output()
    .split("\n")
    .find((line) => line.includes('"msg":"bot ready"') && line.includes('"totalShards"'));
  const pid: unknown = managerLine ? (JSON.parse(managerLine) as { pid?: unknown }).pid : undefined;
  if (typeof pid !== "number") throw new Error(`no "bot ready" line of the manager:\n${bot.output()}`);
  process.kill(pid, "SIGTERM");
  const [code] = await bot.exit;
  expect(code).toBe(0);
}, 15_000);
