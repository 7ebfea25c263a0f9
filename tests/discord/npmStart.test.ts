/**
 * The bot started the way a user starts it: `npm start` with DISCORD_TOKEN set and DISCORD_API_URL pointing at the
 * fake Discord. Covers the real entry point (src/main.ts, compiled to dist/ by `npm run build`), configuration, knowledge loading and shutdown.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, expect, test } from "vitest";
import { FAKE_TOKEN, InteractionResponse, SentMessage } from "../support/discordHarness.js";
import { FakeDiscord, IDS, SELF, messageCreate, slashCommand } from "../support/fakeDiscord/index.js";
import { seedSentenceContaining } from "../support/seedEngine.js";

/** Read from the real knowledge, so the test follows the article rather than a copy of it. */
const LAVROV_SENTENCE = seedSentenceContaining("Sergei Lavrov");

let fake: FakeDiscord;
let bot: ChildProcess;
let output = "";
let exit: Promise<[number | null, NodeJS.Signals | null]>;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  bot = spawn("npm", ["start"], {
    // Every variable set explicitly (empty = unset), so a developer's .env cannot change the test.
    // npm's update check would contact the registry and can delay npm's exit; the bot must only talk to 127.0.0.1.
    env: { ...process.env, npm_config_update_notifier: "false", DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: fake.url, DISCORD_CLIENT_ID: "", DISCORD_GUILD_ID: "", LOG_LEVEL: "info", KNOWLEDGE_DIR: "knowledge" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  bot.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  bot.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  exit = once(bot, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  await fake.waitForGatewayReady(30_000).catch((error: unknown) => {
    throw new Error(`the bot never connected: ${String(error)}\n${output}`);
  });
}, 40_000);

afterAll(async () => {
  if (bot.exitCode === null && bot.pid !== undefined) {
    try {
      process.kill(-bot.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  await fake.stop();
});

test("GIVEN npm start with a token and DISCORD_API_URL THEN /who name:Lavrov is answered with an embed quoting the Lavrov sentence and citing Ambito", async () => {
  const payload = slashCommand("who", { name: "Lavrov" });
  await fake.dispatch("INTERACTION_CREATE", payload);
  const call = await fake.waitForCall((entry) => entry.path === `/interactions/${payload.id}/${payload.token}/callback`, { timeoutMs: 10_000 });
  const response = InteractionResponse.parse(call.body);
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
  const reply = await fake.waitForCall((entry) => entry.method === "POST" && entry.path === `/channels/${IDS.guildChannel}/messages`, { since: sinceMention });
  const replied = SentMessage.parse(reply.body);
  expect(replied.message_reference?.message_id).toBe(mention.id);
  expect(replied.embeds?.[0]?.description).toContain("Geneva");
  expect(replied.allowed_mentions).toEqual({ parse: [], replied_user: false });

  const sinceDm = fake.calls.length;
  await fake.dispatch("MESSAGE_CREATE", messageCreate("who is Lavrov?", { place: "dm" }));
  const dm = await fake.waitForCall((entry) => entry.method === "POST" && entry.path === `/channels/${IDS.dmChannel}/messages`, { since: sinceDm });
  expect(SentMessage.parse(dm.body).embeds?.[0]?.description).toContain("Sergei Lavrov");

  const sinceSilence = fake.calls.length;
  await fake.dispatch("MESSAGE_CREATE", messageCreate("who is Lavrov?"));
  await fake.settle(500);
  expect(fake.calls.slice(sinceSilence)).toEqual([]);
});

/**
 * The bot's own process: the descendant of npm running the entry point (npm → sh → node dist/src/main.js), found by
 * its arguments rather than as the deepest descendant, so that it also holds when run through tsx (which starts esbuild).
 */
function botProcess(root: number): number {
  const table = execFileSync("ps", ["-A", "-o", "pid=,ppid=,args="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), parent: Number(match[2]), args: match[3] ?? "" }));
  let found = root;
  const walk = (pid: number): void => {
    for (const row of table.filter((entry) => entry.parent === pid)) {
      if (/src\/main\.[jt]s\b/.test(row.args)) found = row.pid;
      walk(row.pid);
    }
  };
  walk(root);
  return found;
}

test("GIVEN SIGTERM to the bot THEN it closes the gateway and exits 0 (so does npm), and its output never contained the token", async () => {
  expect(bot.pid).toBeDefined();
  const target = botProcess(bot.pid ?? 0);
  expect(target).not.toBe(bot.pid);
  process.kill(target, "SIGTERM");
  const [code] = await exit;
  expect(code).toBe(0);
  expect(fake.gatewayCloses).toContain(1000);
  expect(output).not.toContain(FAKE_TOKEN);
  expect(output).toContain('"kind":"slash"');
}, 20_000);
