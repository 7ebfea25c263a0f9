/**
 * The bot started the way a user starts it: `npm start` with DISCORD_TOKEN set and DISCORD_API_URL pointing at the
 * fake Discord. Covers the real entry point (src/main.ts, compiled to dist/ by `npm run build`), configuration, knowledge loading and hot reload, and shutdown.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { GapEntry } from "../../src/gaps/gapsReport.js";
import {
  FAKE_TOKEN,
  InteractionResponse,
  SentMessage,
  acceptedCall,
  sendMessageTo,
  customIds,
  messageFromResponse,
} from "../support/discordHarness.js";
import { FakeDiscord, IDS, SELF, buttonClick, messageCreate, slashCommand } from "../../fakeDiscord/index.js";
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
/** The question store's folder. */
const dataDir = mkdtempSync(join(tmpdir(), "bot-data-"));

beforeAll(async () => {
  cpSync("knowledge", knowledge, { recursive: true });
  fake = await FakeDiscord.start({ token: FAKE_TOKEN });
  bot = startWithNpm(npmStartEnv(fake.url, FAKE_TOKEN, { KNOWLEDGE_DIR: knowledge, STORE: "on", DATA_DIR: dataDir }));
  await fake.waitForGatewayReady(30_000).catch((error: unknown) => {
    throw new Error(`the bot never connected: ${String(error)}\n${bot.output()}`);
  });
}, 40_000);

afterAll(async () => {
  bot.kill();
  await fake.stop();
  rmSync(knowledge, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

/** Sends a slash command and resolves with the initial response the fake accepted (one per interaction). */
function slash(name: string, options: Record<string, string>): Promise<InteractionResponse> {
  return interact(slashCommand(name, options));
}

/** Sends an interaction and resolves with the initial response the fake accepted. */
async function interact(payload: { id: string; token: string }): Promise<InteractionResponse> {
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

test("GIVEN an answer THEN Helpful and Not helpful both work, the later click changing the vote", async () => {
  const lavrovAnswer = await slash("who", { name: "Lavrov" });
  const ids = customIds(lavrovAnswer.data);
  const helpful = ids.find((id) => id.startsWith("v1:vt:up:"));
  const notHelpful = ids.find((id) => id.startsWith("v1:vt:down:"));
  expect(helpful && notHelpful).toBeTruthy();
  const message = messageFromResponse(lavrovAnswer);
  const first = await interact(buttonClick(helpful ?? "", message));
  expect(first.data?.content).toMatch(/Marked as helpful/);
  const second = await interact(buttonClick(notHelpful ?? "", message));
  expect(second.data?.content).toMatch(/Marked as not helpful/);
  // Two refusals worded differently but alike, for the gaps report below.
  for (const question of ["capital of France?", "What's the capital of france"]) {
    const refused = await slash("ask", { question });
    expect(refused.data?.embeds?.[0]?.title).toBeDefined();
  }
});

/** Dispatches a person's message and resolves with the bot's reply: as sent, and its id as Discord stored it. */
async function replyTo(payload: { channel_id: string }): Promise<{ sent: SentMessage; id: string }> {
  const { call, message } = await sendMessageTo(fake, payload);
  return { sent: message, id: (call.response as { id: string }).id };
}

test("GIVEN the same process THEN a reply to an answer is answered in context, and so is a mention in the thread the button opens", async () => {
  const first = await replyTo(messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] }));
  const answer = fake.storedMessage(first.id);
  if (!answer) throw new Error("the answer was not stored");
  const followUp = await replyTo(messageCreate("and where will he meet Blinken?", { replyTo: answer }));
  expect(followUp.sent.embeds?.[0]?.description).toMatch(/^\(about Sergei Lavrov\)\n/);
  expect(followUp.sent.embeds?.[0]?.fields?.some((field) => field.value.includes("Geneva"))).toBe(true);

  const slashAnswer = slashCommand("ask", { question: "who is Lavrov?" });
  await interact(slashAnswer);
  const starter = fake.originalMessage(slashAnswer.token);
  if (!starter) throw new Error("the slash answer was not stored");
  const since = fake.calls.length;
  const click = await interact(buttonClick("v1:th:who is Lavrov?", fake.storedMessage(starter.id) ?? starter));
  expect(click.data?.content).toContain(`<#${starter.id}>`);
  await fake.waitForCall((call) => call.method === "POST" && call.path === `/channels/${starter.id}/messages`, {
    since,
  });
  const inThread = await replyTo(
    messageCreate(`<@${IDS.bot}> where will he meet Blinken?`, { mentions: [SELF], channelId: starter.id }),
  );
  expect(inThread.sent.embeds?.[0]?.description).toMatch(/^\(about Sergei Lavrov\)\n/);
});

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

test("GIVEN the bot stopped THEN npm run gaps -- --json lists its refused question and its down-voted answer", async () => {
  // The hot-reload test left a broken facts file behind; the report loads the knowledge too (for nearest sentences).
  cpSync(join("knowledge", "facts"), join(knowledge, "facts"), { recursive: true });
  const gaps = spawn("npm", ["run", "--silent", "gaps", "--", "--json"], {
    env: { ...process.env, npm_config_update_notifier: "false", DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledge },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  gaps.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  gaps.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(gaps, "exit")) as [number | null];
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  const groups = stdout
    .trim()
    .split("\n")
    .map((line) => GapEntry.parse(JSON.parse(line)));
  expect(groups).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ question: "when did the ferry strike end?", count: 1, refused: 1, downVotes: 0 }),
      expect.objectContaining({ question: "/who Lavrov", refused: 0, downVotes: 1 }),
      expect.objectContaining({ question: "What's the capital of france", count: 2, refused: 2 }),
    ]),
  );
}, 20_000);
