/**
 * `npm start` in hybrid mode, as the "done when" states it: with DISCORD_PUBLIC_KEY and HTTP_PORT set, the
 * bot answers signed interactions over HTTP, a mention over the gateway, counts the answer in /metrics, and on
 * SIGTERM goes unready, closes the gateway and exits 0 within 10 s.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import {
  FakeDiscord,
  IDS,
  InteractionResponse,
  InteractionSigner,
  SELF,
  messageCreate,
  slashCommand,
} from "../../fakeDiscord/index.js";
import { FAKE_TOKEN, acceptedMessageIn } from "../support/discordHarness.js";
import { freePort } from "../support/httpBot.js";
import { type StartedByNpm, npmStartEnv, startWithNpm } from "../support/npmStart.js";
import { seedSentenceContaining } from "../support/seedEngine.js";

let fake: FakeDiscord;
let signer: InteractionSigner;
let bot: StartedByNpm;
let base: string;

beforeAll(async () => {
  fake = await FakeDiscord.start({ token: FAKE_TOKEN });
  signer = await InteractionSigner.create();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  bot = startWithNpm(
    npmStartEnv(fake.url, FAKE_TOKEN, { DISCORD_PUBLIC_KEY: signer.publicKeyHex, HTTP_PORT: String(port) }),
  );
  await bot.logged('"msg":"bot ready"', 0, 30_000);
}, 40_000);

afterAll(async () => {
  bot.kill();
  await fake.stop();
});

test("GIVEN npm start with DISCORD_PUBLIC_KEY and HTTP_PORT THEN a signed PING gets PONG and a forged one 401", async () => {
  const ping = JSON.stringify({ type: 1 });
  expect(await signer.post(`${base}/interactions`, ping)).toEqual({ status: 200, body: { type: 1 } });
  expect((await signer.post(`${base}/interactions`, ping, { signBody: "{}" })).status).toBe(401);
  expect((await fetch(`${base}/readyz`)).status).toBe(200);
});

test("GIVEN /who name:Lavrov over HTTP THEN the HTTP response quotes the Lavrov sentence and cites Ambito, and /metrics counts it", async () => {
  const { status, body } = await fake.deliverOverHttp(
    `${base}/interactions`,
    slashCommand("who", { name: "Lavrov" }),
    signer,
  );
  expect(status).toBe(200);
  const embed = InteractionResponse.parse(body).data?.embeds?.[0];
  expect(embed?.fields?.map((field) => field.value)).toContain(`> ${seedSentenceContaining("Sergei Lavrov")}`);
  expect(embed?.footer?.text).toMatch(/^Source: Ambito · /);
  const metrics = await (await fetch(`${base}/metrics`)).text();
  expect(metrics).toContain('bot_answers_total{command="who",surface="slash",outcome="answered"} 1');
});

test("GIVEN a mention THEN the gateway still answers it", async () => {
  const since = fake.calls.length;
  await fake.dispatch("MESSAGE_CREATE", messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] }));
  const reply = await acceptedMessageIn(fake, IDS.guildChannel, since);
  expect(reply.embeds?.[0]?.description).toContain("Sergei Lavrov");
});

test("GIVEN SIGTERM THEN the bot closes the gateway and exits 0", async () => {
  process.kill(bot.botPid(), "SIGTERM");
  const [code] = await bot.exit;
  expect(code).toBe(0);
  expect(fake.gatewayCloses).toContain(1000);
  expect(bot.output()).not.toContain(FAKE_TOKEN);
}, 15_000);
