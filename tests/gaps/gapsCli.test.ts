/** `npm run gaps` on a store written by the real bot (through the fake Discord), in a temporary folder. */
import { join } from "node:path";
import Database from "better-sqlite3";
import { expect, test, vi } from "vitest";
import { slashCommand } from "../../fakeDiscord/index.js";
import { GapEntry } from "../../src/gaps/gapsReport.js";
import { STORE_FILE } from "../../src/store/openStore.js";
import { openSqliteStore } from "../../src/store/sqliteStore.js";
import { startHarness } from "../support/discordHarness.js";
import { runCli } from "../support/runCli.js";
import { collectLogs, temporaryDataDir } from "../support/storeFixtures.js";

const KEY = "gaps-cli-test-key-0123456789";

test("GIVEN two refused questions worded alike THEN npm run gaps -- --json prints them as one group of two", async () => {
  const dataDir = temporaryDataDir();
  const store = openSqliteStore({ file: join(dataDir, STORE_FILE), personKey: KEY, logger: collectLogs().logger });
  const harness = await startHarness({ store });
  try {
    for (const question of ["capital of France?", "What's the capital of france", "who is Lavrov?", "how many tanks?"])
      await harness.interact(slashCommand("ask", { question }));
    await vi.waitFor(() => expect(store.unanswered({ since: new Date(0) })).toHaveLength(3));
  } finally {
    await harness.stop();
    store.close();
  }

  const env = { DATA_DIR: dataDir, PERSON_HASH_KEY: KEY, KNOWLEDGE_DIR: "knowledge", LOG_LEVEL: "warn" };
  const result = await runCli("src/gapsCli.ts", ["--json", "--days", "7"], { env, timeoutMs: 30_000 });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const groups = result.stdout
    .trim()
    .split("\n")
    .map((line) => GapEntry.parse(JSON.parse(line)));
  expect(groups.map((group) => [group.question, group.count, group.refused, group.downVotes])).toEqual([
    ["What's the capital of france", 2, 2, 0],
    ["how many tanks?", 1, 1, 0],
  ]);
  expect(groups[0]?.examples).toEqual(["What's the capital of france", "capital of France?"]);
  expect(groups[0]?.nearest?.text).toMatch(/France/);

  const text = await runCli("src/gapsCli.ts", [], { env, timeoutMs: 30_000 });
  expect(text.stdout).toMatch(/^2× What's the capital of france$/m);
});

test("GIVEN a bad --days THEN one clear line and exit code 2", async () => {
  const result = await runCli("src/gapsCli.ts", ["--days", "soon"], { env: { DATA_DIR: temporaryDataDir() } });
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/^--days must be a whole number of days\nusage: npm run gaps/);
});

test("GIVEN a store file from a newer program THEN one clear line and exit code 1", async () => {
  const dataDir = temporaryDataDir();
  const db = new Database(join(dataDir, STORE_FILE));
  db.pragma("user_version = 999");
  db.close();
  const result = await runCli("src/gapsCli.ts", ["--json"], { env: { DATA_DIR: dataDir, PERSON_HASH_KEY: KEY } });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^Cannot read the question store .*bot\.sqlite: .*newer than this program/);
});
