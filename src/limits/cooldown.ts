/**
 * A per-key sliding-window limiter (a log of at most `max` timestamps per key) with a bounded memory:
 * keys whose window has passed are forgotten lazily, and at most `maxTracked` keys are held (the least
 * recently seen is forgotten first). Pure: no timers, no I/O; time comes from an injected clock.
 */

export interface CooldownOptions {
  /** Questions allowed per window, ≥ 1. */
  max: number;
  /** Window length in milliseconds, ≥ 1. */
  windowMs: number;
  /** Hard cap on keys held at once. Default 10,000. */
  maxTracked?: number;
  /** Milliseconds, monotonic; default `performance.now`. */
  now?: () => number;
}

export type CooldownDecision =
  | { allowed: true }
  /** Refused. `notify` is true for the first refusal in a window only (one notice, then silence); `retryAfterMs` is when one question frees up. */
  | { allowed: false; notify: boolean; retryAfterMs: number };

export interface Cooldown {
  /** Counts one question for this key when the window allows it, and says whether it was allowed. */
  take(key: string): CooldownDecision;
  /** Keys currently held (bounded by maxTracked). */
  readonly size: number;
}

interface Entry {
  /** Times of allowed questions still inside the window, oldest first (at most `max`). */
  stamps: number[];
  /** When this key was last told to slow down. */
  noticeAt: number | undefined;
  /** Last time this key was seen; entries are kept in the Map in this order. */
  lastSeen: number;
}

export const DEFAULT_MAX_TRACKED = 10_000;

const ALLOWED: CooldownDecision = Object.freeze({ allowed: true });

export function createCooldown(options: CooldownOptions): Cooldown {
  const { max, windowMs } = options;
  const maxTracked = options.maxTracked ?? DEFAULT_MAX_TRACKED;
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`cooldown max must be a positive integer, got ${max}`);
  if (!(windowMs >= 1)) throw new RangeError(`cooldown windowMs must be at least 1, got ${windowMs}`);
  if (!Number.isInteger(maxTracked) || maxTracked < 1)
    throw new RangeError(`cooldown maxTracked must be a positive integer, got ${maxTracked}`);
  const now = options.now ?? (() => performance.now());
  // Insertion order = order of lastSeen (every access re-inserts), so stale entries are always at the front.
  const entries = new Map<string, Entry>();

  /** Forgets keys not seen for a whole window: nothing of theirs can still count. Amortised O(1). */
  function sweep(time: number): void {
    for (const [key, entry] of entries) {
      if (time - entry.lastSeen < windowMs) return;
      entries.delete(key);
    }
  }

  return {
    take(key: string): CooldownDecision {
      const time = now();
      sweep(time);
      const entry = entries.get(key) ?? { stamps: [], noticeAt: undefined, lastSeen: time };
      entries.delete(key);
      while (entry.stamps.length > 0 && time - (entry.stamps[0] ?? time) >= windowMs) entry.stamps.shift();
      entry.lastSeen = Math.max(entry.lastSeen, time);
      let decision: CooldownDecision = ALLOWED;
      if (entry.stamps.length < max) {
        entry.stamps.push(time);
      } else {
        const notify = entry.noticeAt === undefined || time - entry.noticeAt >= windowMs;
        if (notify) entry.noticeAt = time;
        decision = { allowed: false, notify, retryAfterMs: Math.max(0, (entry.stamps[0] ?? time) + windowMs - time) };
      }
      entries.set(key, entry);
      while (entries.size > maxTracked) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      return decision;
    },
    get size() {
      return entries.size;
    },
  };
}
