import { z } from "zod";
import type { AnswerEngine } from "../engine/engine.js";
import type { UnansweredQuery, UnansweredQuestion } from "../store/questionStore.js";
import { groupGaps } from "./groupGaps.js";

/** One group of the gaps report, as `npm run gaps -- --json` prints it (one per line). */
export const GapEntry = z.strictObject({
  question: z.string(),
  count: z.number().int().positive(),
  /** ISO 8601. */
  lastAsked: z.string(),
  refused: z.number().int().nonnegative(),
  downVotes: z.number().int().nonnegative(),
  examples: z.array(z.string()),
  /** The nearest sentence the bot found: the one it cited, or for a refusal the best search match; null if none. */
  nearest: z.strictObject({ article: z.string(), sentence: z.number().int().positive(), text: z.string() }).nullable(),
});
export type GapEntry = z.infer<typeof GapEntry>;

export const DEFAULT_GAP_DAYS = 30;
const DAY_MS = 86_400_000;

export interface GapsRequest {
  /** Reads the refused and down-voted questions (the store's `unanswered`). */
  unanswered(query: UnansweredQuery): UnansweredQuestion[];
  engine: AnswerEngine;
  days: number;
  /** One server's questions only; every question when undefined. */
  guildId?: string | undefined;
  now?: Date;
}

/** The refused and down-voted questions of the last `days`, grouped by wording, each with its nearest sentence. */
export function buildGapsReport(request: GapsRequest): GapEntry[] {
  const now = request.now ?? new Date();
  const since = new Date(now.getTime() - request.days * DAY_MS);
  const questions = request.unanswered({ since, ...(request.guildId ? { guildId: request.guildId } : {}) });
  return groupGaps(questions).map((group) => ({
    question: group.question,
    count: group.count,
    lastAsked: group.lastAsked.toISOString(),
    refused: group.refused,
    downVotes: group.downVotes,
    examples: group.examples,
    nearest: group.cited
      ? citedSentence(request.engine, group.cited.article, group.cited.sentence)
      : nearestSearchMatch(request.engine, group.question),
  }));
}

function citedSentence(engine: AnswerEngine, article: string, sentence: number): GapEntry["nearest"] {
  const context = engine.context(article, sentence, 0);
  const text = context?.sentences.find((line) => line.number === sentence)?.text;
  return text === undefined ? null : { article, sentence, text };
}

function nearestSearchMatch(engine: AnswerEngine, question: string): GapEntry["nearest"] {
  const best = engine.run({ command: "search", argument: question }).citations[0];
  return best ? { article: best.article, sentence: best.sentence, text: best.text } : null;
}
