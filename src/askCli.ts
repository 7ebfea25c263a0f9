import { parseArgs } from "node:util";
import { startOrExit } from "./startup.js";
import { answerLines, formatAnswer } from "./console/answerLines.js";

const USAGE = 'usage: npm run ask -- [--json] ["question"]   (no question: one question per line on standard input)';

/** `npm run ask`: answers the question on the command line, or each line of standard input; only answers go to standard output. */
async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: { json: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
      allowPositionals: true,
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { engine } = startOrExit();
  const json = parsed.values.json;
  if (parsed.positionals.length > 0) {
    process.stdout.write(formatAnswer(engine.ask(parsed.positionals.join(" ")), json) + (json ? "\n" : ""));
    return;
  }
  await answerLines(engine, { input: process.stdin, output: process.stdout, json, interactive: false });
}

await main();
