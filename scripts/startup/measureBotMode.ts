import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { FakeDiscord, slashCommand } from "../../fakeDiscord/index.js";
import { programPeakRssMb } from "./measureCommand.js";

const TOKEN = "fake-bot-token.for-bench.not-a-secret";
const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export interface BotModeRun {
  /** Peak resident memory of the bot process, in MB, as the process reported it at exit. */
  peakRssMb: number;
  answered: number;
  exitCode: number | null;
}

/**
 * Bot mode as `npm start` runs it (the compiled dist/src/main.js), against a fake Discord on 127.0.0.1: connects,
 * answers `/who name:Lavrov` `interactions` times one after another, then gets SIGTERM. The process reports its own
 * peak memory at exit through the same preload as the other contestants.
 */
export async function measureBotMode(interactions: number): Promise<BotModeRun> {
  const fake = await FakeDiscord.start({ token: TOKEN });
  const reportFolder = mkdtempSync(join(tmpdir(), "peak-rss-bot-"));
  const reportFile = join(reportFolder, "reports.jsonl");
  const preload = pathToFileURL(fromRoot("scripts/startup/reportPeakRss.mjs")).href;
  const bot = spawn(process.execPath, [fromRoot("dist/src/main.js")], {
    // Every variable the bot reads set explicitly, so a developer's .env cannot change what is measured.
    env: {
      ...process.env,
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.url,
      DISCORD_CLIENT_ID: "",
      DISCORD_GUILD_ID: "",
      LOG_LEVEL: "warn",
      QUESTION_RATE_LIMIT: "off",
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${preload}`.trim(),
      PEAK_RSS_FILE: reportFile,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = once(bot, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  try {
    await fake.waitForGatewayReady(30_000);
    let answered = 0;
    for (let i = 0; i < interactions; i += 1) {
      const payload = slashCommand("who", { name: "Lavrov" });
      const callback = `/interactions/${payload.id}/${payload.token}/callback`;
      const since = fake.calls.length;
      await fake.dispatch("INTERACTION_CREATE", payload);
      if (await acceptedAfter(fake, since, callback)) answered += 1;
    }
    bot.kill("SIGTERM");
    const [exitCode] = await exited;
    return { peakRssMb: programPeakRssMb(readFileSync(reportFile, "utf8")), answered, exitCode };
  } finally {
    if (bot.exitCode === null) bot.kill("SIGKILL");
    await fake.stop();
    rmSync(reportFolder, { recursive: true, force: true });
  }
}

/** Did the fake accept a response on `path` after call number `since`, within five seconds? */
async function acceptedAfter(fake: FakeDiscord, since: number, path: string): Promise<boolean> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const call = fake.calls.slice(since).find((entry) => entry.method === "POST" && entry.path === path);
    if (call) return call.status >= 200 && call.status < 300;
    await sleep(5);
  }
  return false;
}
