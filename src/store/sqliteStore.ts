import Database from "better-sqlite3";
import { z } from "zod";
import type { Logger } from "../logging/logger.js";
import { migrate } from "./migrations.js";
import { hashPerson } from "./personHash.js";
import type {
  AskedQuestion,
  QuestionStore,
  UnansweredQuery,
  UnansweredQuestion,
  VoteClick,
  VoteOutcome,
} from "./questionStore.js";
import { createWriteBatcher } from "./writeBatcher.js";

export interface SqliteStoreOptions {
  file: string;
  /** The key people's ids are hashed with (see personHash.ts). */
  personKey: string;
  logger: Logger;
  /** Opens the file; tests open it read-only. */
  open?: (file: string) => Database.Database;
  /** How long after the first queued question its batch is written (default 250 ms). */
  flushDelayMs?: number;
}

/** Questions queued beyond this while the disk cannot take them are dropped (and counted in the log). */
const MAX_PENDING = 10_000;

const WRITE_QUESTIONS = "write questions";

const UnansweredRow = z.object({
  question: z.string(),
  asked_at: z.number(),
  answered: z.union([z.literal(0), z.literal(1)]),
  cited_article: z.string().nullable(),
  cited_sentences: z.string(),
  down_votes: z.number(),
});
const SentenceNumbers = z.array(z.number().int().positive());

/**
 * The store in one SQLite file: WAL (readers never wait for the writer, and several bot processes on one machine
 * can share the file, waiting up to 5 s for each other's writes), schema migrated when opened.
 * Throws only when the file cannot be opened or migrated; after that, every failure is logged once per run of
 * failures and the bot answers on.
 */
export function openSqliteStore(options: SqliteStoreOptions): QuestionStore {
  const db = (options.open ?? ((file: string) => new Database(file)))(options.file);
  try {
    db.pragma("busy_timeout = 5000");
    if (!db.readonly) db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const logger = options.logger.child({ component: "store" });
  const failing = new Set<string>();
  /** Runs one store operation; its first failure in a row is logged, and its recovery. */
  function attempt<T>(operation: string, run: () => T, fallback: T): T {
    try {
      const result = run();
      if (failing.delete(operation)) logger.info({ operation }, "question store works again");
      return result;
    } catch (error) {
      if (!failing.has(operation)) {
        failing.add(operation);
        logger.error(
          { operation, err: error },
          "question store failed (disk full or read-only?); answering goes on, logged once until it recovers",
        );
      }
      return fallback;
    }
  }

  const insertQuestion = db.prepare(
    `INSERT OR IGNORE INTO questions
       (id, asked_at, surface, command, question, answered, cited_article, cited_sentences, latency_ms, guild_id, person_hash)
     VALUES (@id, @askedAt, @surface, @command, @text, @answered, @citedArticle, @citedSentences, @latencyMs, @guildId, @personHash)`,
  );
  const writeBatch = db.transaction((questions: readonly AskedQuestion[]) => {
    for (const question of questions)
      insertQuestion.run({
        ...question,
        askedAt: question.askedAt.getTime(),
        answered: question.answered ? 1 : 0,
        citedArticle: question.citedArticle ?? null,
        citedSentences: JSON.stringify(question.citedSentences),
        guildId: question.guildId ?? null,
        personHash: hashPerson(options.personKey, question.personId),
      });
  });
  let dropped = 0;
  const batcher = createWriteBatcher<AskedQuestion>({
    write: (questions) => attempt(WRITE_QUESTIONS, () => writeBatch(questions), undefined),
    delayMs: options.flushDelayMs ?? 250,
    maxPending: MAX_PENDING,
    onDropped: () => {
      dropped += 1;
      if (dropped === 1 || dropped % 1_000 === 0)
        logger.warn({ dropped }, "question store queue full: questions not recorded");
    },
  });

  const questionExists = db.prepare("SELECT 1 FROM questions WHERE id = ?").pluck();
  const currentVote = db.prepare("SELECT choice FROM votes WHERE question_id = ? AND person_hash = ?").pluck();
  const deleteVote = db.prepare("DELETE FROM votes WHERE question_id = ? AND person_hash = ?");
  const upsertVote = db.prepare(
    `INSERT INTO votes (question_id, person_hash, choice, voted_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (question_id, person_hash) DO UPDATE SET choice = excluded.choice, voted_at = excluded.voted_at`,
  );
  const castVote = db.transaction((click: VoteClick): VoteOutcome => {
    if (questionExists.get(click.questionId) === undefined) return { kind: "unknown-question" };
    const person = hashPerson(options.personKey, click.personId);
    if (currentVote.get(click.questionId, person) === click.choice) {
      deleteVote.run(click.questionId, person);
      return { kind: "withdrawn" };
    }
    upsertVote.run(click.questionId, person, click.choice, click.at.getTime());
    return { kind: "recorded", choice: click.choice };
  });

  const selectUnanswered = db.prepare(
    `SELECT q.question, q.asked_at, q.answered, q.cited_article, q.cited_sentences,
            (SELECT COUNT(*) FROM votes v WHERE v.question_id = q.id AND v.choice = 'down') AS down_votes
       FROM questions q
      WHERE q.asked_at >= @since AND q.command <> 'help' AND (@guildId IS NULL OR q.guild_id = @guildId)
        AND (q.answered = 0 OR down_votes > 0)
      ORDER BY q.asked_at DESC`,
  );
  const deleteBefore = db.prepare("DELETE FROM questions WHERE asked_at < ?");

  return {
    recordQuestion: (question) => batcher.add(question),
    vote(click) {
      // The question may still be queued: votes come seconds after their answer at the earliest, so write it first.
      batcher.flush();
      const outcome = attempt<VoteOutcome>("vote", () => castVote(click), { kind: "unavailable" });
      // A question missing because its own write failed is the disk's fault, not the question's age.
      return outcome.kind === "unknown-question" && failing.has(WRITE_QUESTIONS) ? { kind: "unavailable" } : outcome;
    },
    unanswered(query: UnansweredQuery): UnansweredQuestion[] {
      batcher.flush();
      return attempt(
        "read unanswered questions",
        () =>
          selectUnanswered.all({ since: query.since.getTime(), guildId: query.guildId ?? null }).map((raw) => {
            const row = UnansweredRow.parse(raw);
            return {
              text: row.question,
              askedAt: new Date(row.asked_at),
              answered: row.answered === 1,
              downVotes: row.down_votes,
              citedArticle: row.cited_article ?? undefined,
              citedSentences: SentenceNumbers.catch([]).parse(safeJson(row.cited_sentences)),
            };
          }),
        [],
      );
    },
    prune: (before) => attempt("prune", () => deleteBefore.run(before.getTime()).changes, 0),
    close() {
      batcher.flush();
      batcher.stop();
      db.close();
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
