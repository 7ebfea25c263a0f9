/**
 * What the bot remembers, behind one small interface: SQLite on one machine today (`sqliteStore.ts`); a server
 * database can take its place when replicas span machines. Every method is safe to call when the disk fails: the
 * store logs the problem once and answering goes on.
 */

/**
 * Where a question was asked: a follow-up by reply to an answer in a server is "reply", one in a thread "thread"; in
 * a DM every question is "dm", follow-up or not. The column is free text (no CHECK), so new surfaces need no migration.
 */
export type Surface = "slash" | "menu" | "mention" | "reply" | "thread" | "dm" | "suggestion";

/** One answered (or refused) question, as recorded when its reply is sent. */
export interface AskedQuestion {
  /** The Discord event id (interaction or message): unique, and what the feedback buttons carry. */
  id: string;
  askedAt: Date;
  surface: Surface;
  /** The engine command that answered (`ask`, `who`, …). */
  command: string;
  /** What was asked, as the engine read it. */
  text: string;
  answered: boolean;
  /** The first citation's article and the sentences cited from it; none for a refusal. */
  citedArticle: string | undefined;
  citedSentences: readonly number[];
  latencyMs: number;
  /** Undefined in DMs. */
  guildId: string | undefined;
  /** The person's Discord id: the store keeps only its keyed hash. */
  personId: string;
}

export type VoteChoice = "up" | "down";

/** What a click on Helpful/Not helpful left standing. */
export type VoteOutcome =
  | { kind: "recorded"; choice: VoteChoice }
  | { kind: "withdrawn" }
  /** The question is not in the store (older than the history, or asked while nothing was recorded). */
  | { kind: "unknown-question" }
  /** The store cannot read or write now (logged). */
  | { kind: "unavailable" };

export interface VoteClick {
  questionId: string;
  personId: string;
  choice: VoteChoice;
  at: Date;
}

/** A refused or down-voted question, for the gaps report. */
export interface UnansweredQuestion {
  text: string;
  askedAt: Date;
  answered: boolean;
  downVotes: number;
  citedArticle: string | undefined;
  citedSentences: readonly number[];
}

export interface UnansweredQuery {
  since: Date;
  /** Only questions asked in this server; all of them when undefined. */
  guildId?: string;
}

export interface QuestionStore {
  /** Queues the question; it is written shortly after, in a batch inside one transaction. Never throws. */
  recordQuestion(question: AskedQuestion): void;
  /** One vote per person per question: the other choice changes it, the same choice withdraws it. Never throws. */
  vote(click: VoteClick): VoteOutcome;
  /** Refused or down-voted questions asked since `since` (help requests excluded), newest first. Never throws. */
  unanswered(query: UnansweredQuery): UnansweredQuestion[];
  /** Deletes questions (and their votes) asked before `before`; returns how many. Never throws. */
  prune(before: Date): number;
  /** Writes what is queued, then closes the file. */
  close(): void;
}
