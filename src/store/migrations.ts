import type Database from "better-sqlite3";

/**
 * The schema's history, oldest first. Migration N brings a file from version N-1 to N (kept in SQLite's
 * `user_version`). Never edit a released migration: add the next one, so files of every earlier version upgrade.
 */
export const MIGRATIONS: readonly string[] = Object.freeze([
  // 1: the questions. Times in milliseconds since the epoch; cited sentences as a JSON array of numbers.
  `CREATE TABLE questions (
     id TEXT PRIMARY KEY,
     asked_at INTEGER NOT NULL,
     surface TEXT NOT NULL,
     command TEXT NOT NULL,
     question TEXT NOT NULL,
     answered INTEGER NOT NULL CHECK (answered IN (0, 1)),
     cited_article TEXT,
     cited_sentences TEXT NOT NULL DEFAULT '[]',
     latency_ms REAL NOT NULL,
     guild_id TEXT,
     person_hash TEXT NOT NULL
   );
   CREATE INDEX questions_by_time ON questions (asked_at);`,
  // 2: Helpful / Not helpful votes, one per person per question, removed with their question.
  `CREATE TABLE votes (
     question_id TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
     person_hash TEXT NOT NULL,
     choice TEXT NOT NULL CHECK (choice IN ('up', 'down')),
     voted_at INTEGER NOT NULL,
     PRIMARY KEY (question_id, person_hash)
   );
   CREATE INDEX questions_by_guild_and_time ON questions (guild_id, asked_at);`,
]);

/** The schema version a file is at (0: empty). */
export function schemaVersion(db: Database.Database): number {
  return Number(db.pragma("user_version", { simple: true }));
}

/**
 * Brings the file up to `target` (default: the latest), each migration in its own transaction with its version
 * number, so a crash leaves the file at a whole version. Throws when the file is newer than this program.
 */
export function migrate(db: Database.Database, target = MIGRATIONS.length): void {
  const current = schemaVersion(db);
  if (current > MIGRATIONS.length)
    throw new Error(`the store is at schema version ${current}, newer than this program (${MIGRATIONS.length})`);
  for (let version = current + 1; version <= target; version += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1] ?? "");
      db.pragma(`user_version = ${version}`);
    })();
  }
}
