import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";
import { migrate, MIGRATIONS, schemaVersion } from "../../src/store/migrations.js";
import { openConfiguredStore, STORE_FILE } from "../../src/store/openStore.js";
import { openSqliteStore } from "../../src/store/sqliteStore.js";
import { askedQuestion, collectLogs, temporaryDataDir } from "../support/storeFixtures.js";

const KEY = "a-test-key-of-enough-length";
const DAY_MS = 86_400_000;

function openAt(dataDir: string, open?: (file: string) => Database.Database) {
  const logs = collectLogs();
  const store = openSqliteStore({
    file: join(dataDir, STORE_FILE),
    personKey: KEY,
    logger: logs.logger,
    ...(open ? { open } : {}),
  });
  return { store, logs };
}

const SINCE_EVER = new Date(0);

describe("migrations", () => {
  test("GIVEN an empty file THEN it is migrated to the latest version, in WAL mode", () => {
    const dataDir = temporaryDataDir();
    openAt(dataDir).store.close();
    const db = new Database(join(dataDir, STORE_FILE), { readonly: true });
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  test("GIVEN a file of the previous version with a question THEN it is upgraded and the question can be voted on", () => {
    const dataDir = temporaryDataDir();
    const db = new Database(join(dataDir, STORE_FILE));
    migrate(db, MIGRATIONS.length - 1);
    db.prepare(
      `INSERT INTO questions (id, asked_at, surface, command, question, answered, latency_ms, person_hash)
       VALUES ('1100000000000000555', ?, 'dm', 'ask', 'how many tanks?', 0, 2, 'someone')`,
    ).run(Date.now());
    db.close();

    const { store } = openAt(dataDir);
    expect(store.unanswered({ since: SINCE_EVER }).map((question) => question.text)).toEqual(["how many tanks?"]);
    const vote = store.vote({ questionId: "1100000000000000555", personId: "1", choice: "down", at: new Date() });
    expect(vote).toEqual({ kind: "recorded", choice: "down" });
    expect(store.unanswered({ since: SINCE_EVER })[0]?.downVotes).toBe(1);
    store.close();
  });

  test("GIVEN a file from a newer program THEN opening it fails with a message saying so", () => {
    const dataDir = temporaryDataDir();
    const db = new Database(join(dataDir, STORE_FILE));
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openAt(dataDir)).toThrow(/newer than this program/);
  });
});

describe("questions and votes", () => {
  test("GIVEN votes on an answer THEN one per person: the other button changes it, the same one withdraws it", () => {
    const { store } = openAt(temporaryDataDir());
    const question = askedQuestion({ answered: true, citedArticle: "a", citedSentences: [3] });
    store.recordQuestion(question);
    const click = (personId: string, choice: "up" | "down") =>
      store.vote({ questionId: question.id, personId, choice, at: new Date() });

    expect(click("1", "up")).toEqual({ kind: "recorded", choice: "up" });
    expect(store.unanswered({ since: SINCE_EVER })).toEqual([]);
    expect(click("1", "down")).toEqual({ kind: "recorded", choice: "down" });
    expect(click("2", "down")).toEqual({ kind: "recorded", choice: "down" });
    expect(store.unanswered({ since: SINCE_EVER })).toEqual([
      expect.objectContaining({ answered: true, downVotes: 2, citedArticle: "a", citedSentences: [3] }),
    ]);
    expect(click("1", "down")).toEqual({ kind: "withdrawn" });
    expect(store.unanswered({ since: SINCE_EVER })[0]?.downVotes).toBe(1);
    expect(store.vote({ questionId: "1100000000000009999", personId: "1", choice: "up", at: new Date() })).toEqual({
      kind: "unknown-question",
    });
    store.close();
  });

  test("GIVEN questions from two servers THEN each server's report holds only its own, help requests left out", () => {
    const { store } = openAt(temporaryDataDir());
    store.recordQuestion(askedQuestion({ text: "ours", guildId: "1100000000000000100" }));
    store.recordQuestion(askedQuestion({ text: "theirs", guildId: "1100000000000000200" }));
    store.recordQuestion(askedQuestion({ text: "private", guildId: undefined, surface: "dm" }));
    store.recordQuestion(askedQuestion({ text: "", command: "help", guildId: "1100000000000000100" }));
    expect(store.unanswered({ since: SINCE_EVER, guildId: "1100000000000000100" }).map((q) => q.text)).toEqual([
      "ours",
    ]);
    expect(
      store
        .unanswered({ since: SINCE_EVER })
        .map((q) => q.text)
        .sort(),
    ).toEqual(["ours", "private", "theirs"]);
    store.close();
  });

  test("GIVEN recorded questions THEN the file holds a keyed hash of the person, never their Discord id", () => {
    const dataDir = temporaryDataDir();
    const { store } = openAt(dataDir);
    const personId = "1187654321987654321";
    store.recordQuestion(askedQuestion({ personId }));
    store.close();
    const db = new Database(join(dataDir, STORE_FILE), { readonly: true });
    const hashes = db.prepare("SELECT person_hash FROM questions").pluck().all();
    db.close();
    expect(hashes).toHaveLength(1);
    expect(hashes[0]).not.toContain(personId);
    expect(readFileSync(join(dataDir, STORE_FILE)).includes(personId)).toBe(false);
  });
});

describe("several processes on one file", () => {
  test("GIVEN two stores open on one file (two shards) THEN each sees what the other wrote, and votes are shared", () => {
    const dataDir = temporaryDataDir();
    const first = openAt(dataDir).store;
    const second = openAt(dataDir).store;
    const question = askedQuestion({ text: "from shard one" });
    first.recordQuestion(question);
    second.recordQuestion(askedQuestion({ text: "from shard two" }));
    first.unanswered({ since: SINCE_EVER }); // writes shard one's queue
    expect(second.vote({ questionId: question.id, personId: "1", choice: "down", at: new Date() })).toEqual({
      kind: "recorded",
      choice: "down",
    });
    expect(
      first
        .unanswered({ since: SINCE_EVER })
        .map((entry) => [entry.text, entry.downVotes])
        .sort(),
    ).toEqual([
      ["from shard one", 1],
      ["from shard two", 0],
    ]);
    first.close();
    second.close();
  });
});

describe("pruning", () => {
  test("GIVEN questions older than HISTORY_DAYS THEN opening the store deletes them and their votes", () => {
    const dataDir = temporaryDataDir();
    const now = new Date("2026-06-30T12:00:00Z");
    const { store } = openAt(dataDir);
    const old = askedQuestion({ text: "old", askedAt: new Date(now.getTime() - 31 * DAY_MS) });
    store.recordQuestion(old);
    store.recordQuestion(askedQuestion({ text: "recent", askedAt: new Date(now.getTime() - 29 * DAY_MS) }));
    store.vote({ questionId: old.id, personId: "1", choice: "down", at: now });
    store.close();

    const logs = collectLogs();
    const config = { STORE: "on", DATA_DIR: dataDir, HISTORY_DAYS: 30, PERSON_HASH_KEY: KEY } as const;
    const reopened = openConfiguredStore(config, logs.logger, () => now);
    expect(reopened?.unanswered({ since: SINCE_EVER }).map((question) => question.text)).toEqual(["recent"]);
    reopened?.close();
    const db = new Database(join(dataDir, STORE_FILE), { readonly: true });
    expect(db.prepare("SELECT COUNT(*) FROM votes").pluck().get()).toBe(0);
    db.close();
    expect(logs.lines.some((line) => line.msg === "old questions deleted" && line.removed === 1)).toBe(true);
  });

  test("GIVEN STORE=off THEN there is no store and no file", () => {
    const dataDir = temporaryDataDir();
    const config = { STORE: "off", DATA_DIR: dataDir, HISTORY_DAYS: 90, PERSON_HASH_KEY: undefined } as const;
    expect(openConfiguredStore(config, collectLogs().logger)).toBeUndefined();
    expect(() => readFileSync(join(dataDir, STORE_FILE))).toThrow();
  });
});

describe("a disk that cannot be written", () => {
  test("GIVEN a read-only file THEN writes fail quietly, logged once, and reads still work", () => {
    const dataDir = temporaryDataDir();
    const first = openAt(dataDir).store;
    const kept = askedQuestion({ text: "kept" });
    first.recordQuestion(kept);
    first.close();

    // Root ignores file modes, so the file is opened read-only the way SQLite opens a file it may not write.
    const { store, logs } = openAt(dataDir, (file) => new Database(file, { readonly: true }));
    for (let round = 0; round < 3; round += 1) {
      store.recordQuestion(askedQuestion({ text: `lost ${round}` }));
      expect(store.unanswered({ since: SINCE_EVER }).map((question) => question.text)).toEqual(["kept"]);
    }
    expect(store.vote({ questionId: kept.id, personId: "1", choice: "up", at: new Date() })).toEqual({
      kind: "unavailable",
    });
    const failures = logs.lines.filter((line) => line.operation === "write questions");
    expect(failures).toHaveLength(1);
    expect(failures[0]?.msg).toMatch(/answering goes on/);
    store.close();
  });
});
