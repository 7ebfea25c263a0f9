import { answerLines } from "./console/answerLines.js";
import { startOrExit } from "./startup.js";

const CONSOLE_HINT =
  "Console mode (no DISCORD_TOKEN set): ask about the article, e.g. “who is Lavrov?” or /help. Follow-ups (“and where will he meet Blinken?”) read the questions before them; /new starts afresh. Ctrl-D quits.";

/** `npm start`: the Discord bot when DISCORD_TOKEN or DISCORD_PUBLIC_KEY is set (or GATEWAY=off), otherwise the local console. */
async function main(): Promise<void> {
  const { config, engine } = startOrExit();
  if (!config.DISCORD_TOKEN && !config.DISCORD_PUBLIC_KEY && config.GATEWAY !== "off") {
    const interactive = Boolean(process.stdin.isTTY);
    await answerLines(engine, {
      input: process.stdin,
      output: process.stdout,
      json: false,
      interactive,
      hint: CONSOLE_HINT,
      conversation: true,
    });
    return;
  }
  if (config.SHARDS !== undefined) {
    const { runShardManager } = await import("./botMode.js");
    await runShardManager(config);
    return;
  }
  const { runDiscordBot } = await import("./botMode.js");
  await runDiscordBot(config, engine);
}

await main();
