import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { buildGapsReport, DEFAULT_GAP_DAYS, type GapEntry } from "./gaps/gapsReport.js";
import { gapsText } from "./gaps/gapsText.js";
import { createLogger } from "./logging/logger.js";
import { STORE_FILE } from "./store/openStore.js";
import { personHashKey } from "./store/personHash.js";
import { openSqliteStore } from "./store/sqliteStore.js";
import { startOrExit } from "./startup.js";

const USAGE = `usage: npm run gaps -- [--days N] [--json]   (N: whole days, default ${DEFAULT_GAP_DAYS}; --json: one JSON object per group and line)`;

const Days = z.coerce
  .number({ error: "--days must be a whole number of days" })
  .int("--days must be a whole number of days")
  .min(1, "--days must be at least 1")
  .max(3650, "--days must be at most 3650");

/** `npm run gaps`: the refused and down-voted questions recorded in DATA_DIR, grouped by wording, most frequent first. */
function main(): void {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        days: { type: "string", default: String(DEFAULT_GAP_DAYS) },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const days = Days.safeParse(parsed.values.days);
  if (!days.success) fail(`${days.error.issues[0]?.message ?? "--days is invalid"}\n${USAGE}`, 2);

  const { config, engine } = startOrExit();
  if (config.STORE === "off") fail("STORE=off: nothing is recorded, so there is no gaps report.", 1);
  const file = join(config.DATA_DIR, STORE_FILE);
  let entries: GapEntry[] = [];
  if (existsSync(file)) {
    let store;
    try {
      store = openSqliteStore({
        file,
        personKey: personHashKey(config.PERSON_HASH_KEY, config.DATA_DIR),
        logger: createLogger({ level: config.LOG_LEVEL }),
      });
    } catch (error) {
      fail(`Cannot read the question store ${file}: ${error instanceof Error ? error.message : String(error)}`, 1);
    }
    try {
      entries = buildGapsReport({ unanswered: (query) => store.unanswered(query), engine, days: days.data });
    } finally {
      store.close();
    }
  } else if (!parsed.values.json) {
    process.stderr.write(`No questions recorded yet (${file} does not exist).\n`);
  }
  if (parsed.values.json) {
    for (const entry of entries) process.stdout.write(`${JSON.stringify(entry)}\n`);
  } else {
    process.stdout.write(gapsText(entries, days.data));
  }
}

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

main();
