import { z } from "zod";

/** How many questions one person may ask per window; `"off"` disables the limit. */
export type QuestionRate = { max: number; windowMs: number } | "off";

/** The default: 5 questions per 10 seconds per person, across slash commands, mentions and DMs. */
export const DEFAULT_QUESTION_RATE = Object.freeze({ max: 5, windowMs: 10_000 });

const UNIT_MS = Object.freeze({ ms: 1, s: 1_000, m: 60_000, h: 3_600_000 });
const SPEC = /^(\d{1,6})\s*\/\s*(\d{1,6})?\s*(ms|s|m|h)$/;

/** Longest window accepted: a day (longer windows would only hold memory for nothing). */
const MAX_WINDOW_MS = 86_400_000;

/**
 * `QUESTION_RATE_LIMIT` as written in the environment: `5/10s`, `20/1m`, `3/s`, `500/1500ms` or `off`.
 * Parses to `{ max, windowMs }` (both positive) or `"off"`; anything else is a readable error.
 */
export const QuestionRateSpec = z
  .string()
  .trim()
  .toLowerCase()
  .transform((text, context): QuestionRate => {
    if (text === "off" || text === "0") return "off";
    const match = SPEC.exec(text);
    const unit = match?.[3];
    const max = Number(match?.[1]);
    const windowMs =
      Number(match?.[2] ?? "1") *
      (unit === "ms" || unit === "s" || unit === "m" || unit === "h" ? UNIT_MS[unit] : Number.NaN);
    if (!match || !(max >= 1) || !(windowMs >= 1) || windowMs > MAX_WINDOW_MS) {
      context.addIssue({
        code: "custom",
        message: "must be a count per window such as 5/10s, 20/1m or 3/s (window up to 24h), or off",
      });
      return z.NEVER;
    }
    return { max, windowMs };
  });

/** "5 questions every 10 seconds", for notices and logs. */
export function describeRate(rate: { max: number; windowMs: number }): string {
  const questions = rate.max === 1 ? "1 question" : `${rate.max} questions`;
  const seconds = rate.windowMs / 1_000;
  const window =
    rate.windowMs % 1_000 === 0 ? (seconds === 1 ? "second" : `${seconds} seconds`) : `${rate.windowMs} ms`;
  return `${questions} every ${window}`;
}
