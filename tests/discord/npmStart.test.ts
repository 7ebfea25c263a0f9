/**
 * The bot started the way a user starts it: `npm start` with DISCORD_TOKEN set and DISCORD_API_URL pointing at the
 * fake Discord. Covers the real entry point (src/main.ts, compiled to dist/ by `npm run build`), configuration, knowledge loading and hot reload, and shutdown.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { FAKE_TOKEN, InteractionResponse, SentMessage, acceptedCall } from "../support/discordHarness.js";
import { FakeDiscord, IDS, SELF, messageCreate, slashCommand } from "../../fakeDiscord/index.js";
import { type StartedByNpm, npmStartEnv, startWithNpm } from "../support/npmStart.js";
import { seedSentenceContaining } from "../support/seedEngine.js";

/** Read from the real knowledge, so the test follows the article rather than a copy of it. */
const LAVROV_SENTENCE = seedSentenceContaining("Sergei Lavrov");
const FERRY_ARTICLE =
  "---\ntitle: Ferry strike ends\nsource: Island Post\n---\nThe ferry strike on Lake Varna ended on Tuesday after nine days.\n";

let fake: FakeDiscord;
let bot: StartedByNpm;
/** A copy of the knowledge that the hot-reload test edits while the bot runs. */
const knowledge = mkdtempSync(join(tmpdir(), "bot-knowledge-"));

beforeAll(async () => {
  cpSync("knowledge", knowledge, { recursive: true });
  fake = await FakeDiscord.start({ token: FAKE_TOKEN });
  bot = startWithNpm(npmStartEnv(fake.url, FAKE_TOKEN, { KNOWLEDGE_DIR: knowledge }));
  await fake.waitForGatewayReady(30_000).catch((error: unknown) => {
    throw new Error(`the bot never connected: ${String(error)}\n${bot.output()}`);
  });
}, 40_000);

afterAll(async () => {
  bot.kill();
  await fake.stop();
  rmSync(knowledge, { recursive: true, force: true });
});

/** Sends a slash command and resolves with the initial response the fake accepted (one per interaction). */
async function slash(name: string, options: Record<string, string>): Promise<InteractionResponse> {
  const payload = slashCommand(name, options);
  const since = fake.calls.length;
  await fake.dispatch("INTERACTION_CREATE", payload);
  const call = await acceptedCall(
    fake,
    (entry) => entry.method === "POST" && entry.path === `/interactions/${payload.id}/${payload.token}/callback`,
    since,
    "initial response",
  );
  return InteractionResponse.parse(call.body);
}

test("GIVEN npm start with a token and DISCORD_API_URL THEN /who name:Lavrov is answered with an embed quoting the Lavrov sentence and citing Ambito", async () => {
  const response = await slash("who", { name: "Lavrov" });
  const embed = response.data?.embeds?.[0];
  expect(embed?.description).toContain("Sergei Lavrov");
  expect(embed?.fields?.map((field) => field.value)).toContain(`> ${LAVROV_SENTENCE}`);
  expect(embed?.footer?.text).toMatch(/^Source: Ambito · /);
  expect(response.data?.allowed_mentions).toEqual({ parse: [], replied_user: false });
});

test("GIVEN the same process THEN it answers a mention and a DM, and ignores a message without a mention", async () => {
  const sinceMention = fake.calls.length;
  const mention = messageCreate(`<@${IDS.bot}> where will Blinken meet Lavrov?`, { mentions: [SELF] });
  await fake.dispatch("MESSAGE_CREATE", mention);
  const reply = await acceptedCall(
    fake,
    (entry) => entry.method === "POST" && entry.path === `/channels/${IDS.guildChannel}/messages`,
    sinceMention,
    "message",
  );
  const replied = SentMessage.parse(reply.body);
  expect(replied.message_reference?.message_id).toBe(mention.id);
  expect(replied.embeds?.[0]?.description).toContain("Geneva");
  expect(replied.allowed_mentions).toEqual({ parse: [], replied_user: false });

  const sinceDm = fake.calls.length;
  await fake.dispatch("MESSAGE_CREATE", messageCreate("who is Lavrov?", { place: "dm" }));
  const dm = await acceptedCall(
    fake,
    (entry) => entry.method === "POST" && entry.path === `/channels/${IDS.dmChannel}/messages`,
    sinceDm,
    "message",
  );
  expect(SentMessage.parse(dm.body).embeds?.[0]?.description).toContain("Sergei Lavrov");

  const sinceSilence = fake.calls.length;
  await fake.dispatch("MESSAGE_CREATE", messageCreate("who is Lavrov?"));
  await fake.settle(500);
  expect(fake.calls.slice(sinceSilence)).toEqual([]);
});

test("GIVEN the knowledge folder is edited while the bot runs THEN the next answer uses it, and a broken edit keeps the last good knowledge", async () => {
  const before = await slash("ask", { question: "when did the ferry strike end?" });
  expect(before.data?.embeds?.[0]?.title).toBe("Not in the article");

  const sinceAdded = bot.output().length;
  writeFileSync(join(knowledge, "articles", "ferry-strike.md"), FERRY_ARTICLE);
  await bot.logged("knowledge reloaded", sinceAdded);
  const after = await slash("ask", { question: "when did the ferry strike end?" });
  expect(after.data?.embeds?.[0]?.fields?.[0]?.value).toContain("The ferry strike on Lake Varna ended on Tuesday");
  expect(after.data?.embeds?.[0]?.footer?.text).toMatch(/^Source: Island Post/);

  const sinceBroken = bot.output().length;
  writeFileSync(join(knowledge, "facts", "blinken-lavrov-geneva.yaml"), "entities: 12\n");
  await bot.logged("knowledge change refused", sinceBroken);
  expect(bot.output().slice(sinceBroken)).toContain("blinken-lavrov-geneva.yaml: entities");
  const ferry = await slash("ask", { question: "when did the ferry strike end?" });
  expect(ferry.data?.embeds?.[0]?.fields?.[0]?.value).toContain("The ferry strike on Lake Varna ended on Tuesday");
  const lavrov = await slash("who", { name: "Lavrov" });
  expect(lavrov.data?.embeds?.[0]?.fields?.map((field) => field.value)).toContain(`> ${LAVROV_SENTENCE}`);
}, 30_000);

test("GIVEN SIGTERM to the bot THEN it closes the gateway and exits 0 (so does npm), and its output never contained the token", async () => {
  const target = bot.botPid();
  expect(target).not.toBe(bot.child.pid);
  process.kill(target, "SIGTERM");
  const [code] = await bot.exit;
  expect(code).toBe(0);
  expect(fake.gatewayCloses).toContain(1000);
  expect(bot.output()).not.toContain(FAKE_TOKEN);
  expect(bot.output()).toContain('"kind":"slash"');
}, 20_000);
