/** The per-user question limit as a pure module: sliding window, one notice per window, bounded memory. */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import { type CooldownDecision, createCooldown } from "../../src/limits/cooldown.js";
import { QuestionRateSpec, describeRate } from "../../src/limits/questionRate.js";

/** A clock the test moves by hand. */
function manualClock(start = 1_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe("createCooldown", () => {
  test("GIVEN 5 per 10 s THEN the first 5 questions pass, the 6th is refused with a notice and the time until one frees up", () => {
    const clock = manualClock();
    const cooldown = createCooldown({ max: 5, windowMs: 10_000, now: clock.now });
    for (let index = 0; index < 5; index += 1) {
      expect(cooldown.take("alice")).toEqual({ allowed: true });
      clock.advance(1_000);
    }
    expect(cooldown.take("alice")).toEqual({ allowed: false, notify: true, retryAfterMs: 5_000 });
  });

  test("GIVEN a refused user who keeps asking THEN only the first refusal in the window asks for a notice", () => {
    const clock = manualClock();
    const cooldown = createCooldown({ max: 1, windowMs: 10_000, now: clock.now });
    cooldown.take("bob");
    const refusals = Array.from({ length: 20 }, () => {
      clock.advance(100);
      return cooldown.take("bob");
    });
    expect(refusals.filter((decision) => !decision.allowed && decision.notify)).toHaveLength(1);
    expect(refusals.every((decision) => !decision.allowed)).toBe(true);
  });

  test("GIVEN the window has passed since the oldest question THEN a question is allowed again, and a later refusal notifies again", () => {
    const clock = manualClock();
    const cooldown = createCooldown({ max: 2, windowMs: 10_000, now: clock.now });
    cooldown.take("carol");
    cooldown.take("carol");
    expect(cooldown.take("carol")).toMatchObject({ allowed: false, notify: true });
    clock.advance(10_000);
    expect(cooldown.take("carol")).toEqual({ allowed: true });
    expect(cooldown.take("carol")).toEqual({ allowed: true });
    expect(cooldown.take("carol")).toMatchObject({ allowed: false, notify: true });
  });

  test("GIVEN users are keyed separately THEN one user's flood does not limit another", () => {
    const cooldown = createCooldown({ max: 1, windowMs: 10_000, now: () => 0 });
    expect(cooldown.take("dave").allowed).toBe(true);
    expect(cooldown.take("dave").allowed).toBe(false);
    expect(cooldown.take("erin").allowed).toBe(true);
  });

  test("GIVEN more users than the cap THEN no more than the cap are held, the least recently seen forgotten first", () => {
    const clock = manualClock();
    const cooldown = createCooldown({ max: 1, windowMs: 60_000, maxTracked: 3, now: clock.now });
    for (const user of ["u1", "u2", "u3", "u4"]) {
      cooldown.take(user);
      clock.advance(1);
    }
    expect(cooldown.size).toBe(3);
    expect(cooldown.take("u1").allowed).toBe(true); // u1 was forgotten: a fresh quota
    expect(cooldown.take("u4").allowed).toBe(false); // u4 is still held
  });

  test("GIVEN users who stopped asking a window ago THEN their entries expire without any timer", () => {
    const clock = manualClock();
    const cooldown = createCooldown({ max: 5, windowMs: 10_000, now: clock.now });
    for (let index = 0; index < 1_000; index += 1) cooldown.take(`user-${index}`);
    expect(cooldown.size).toBe(1_000);
    clock.advance(10_000);
    cooldown.take("newcomer");
    expect(cooldown.size).toBe(1);
  });

  test.each([
    [{ max: 0, windowMs: 1_000 }],
    [{ max: 1.5, windowMs: 1_000 }],
    [{ max: 1, windowMs: 0 }],
    [{ max: 1, windowMs: 1_000, maxTracked: 0 }],
  ])("GIVEN the impossible settings %o THEN creating the limiter fails loudly", (options) => {
    expect(() => createCooldown(options)).toThrow(RangeError);
  });
});

/** One step of a random history: who asks, and how much later. */
const step = fc.record({
  user: fc.constantFrom("a", "b", "c", "d", "e", "f", "g"),
  advanceMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 12_000 })),
});
const settings = fc.record({
  max: fc.integer({ min: 1, max: 6 }),
  windowMs: fc.integer({ min: 1, max: 5_000 }),
  maxTracked: fc.integer({ min: 1, max: 8 }),
});

function replay(
  options: { max: number; windowMs: number; maxTracked: number },
  steps: { user: string; advanceMs: number }[],
) {
  const clock = manualClock(0);
  const cooldown = createCooldown({ ...options, now: clock.now });
  return steps.map(({ user, advanceMs }) => {
    clock.advance(advanceMs);
    const decision: CooldownDecision = cooldown.take(user);
    return { user, at: clock.now(), decision, size: cooldown.size };
  });
}

describe("createCooldown (property-based)", () => {
  test("GIVEN any history THEN no user ever gets more than max questions in any window", () => {
    fc.assert(
      fc.property(settings, fc.array(step, { maxLength: 120 }), (options, steps) => {
        const allowed = replay({ ...options, maxTracked: 100 }, steps).filter((entry) => entry.decision.allowed);
        for (const entry of allowed) {
          const inWindow = allowed.filter(
            (other) => other.user === entry.user && other.at <= entry.at && entry.at - other.at < options.windowMs,
          );
          expect(inWindow.length).toBeLessThanOrEqual(options.max);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("GIVEN any history THEN each user gets at most one notice per window", () => {
    fc.assert(
      fc.property(settings, fc.array(step, { maxLength: 120 }), (options, steps) => {
        const notices = replay({ ...options, maxTracked: 100 }, steps).filter(
          (entry) => !entry.decision.allowed && entry.decision.notify,
        );
        for (const notice of notices) {
          const close = notices.filter(
            (other) => other.user === notice.user && other.at <= notice.at && notice.at - other.at < options.windowMs,
          );
          expect(close).toHaveLength(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("GIVEN any history THEN memory stays within the cap, and a user silent for a whole window is always allowed", () => {
    fc.assert(
      fc.property(settings, fc.array(step, { maxLength: 120 }), (options, steps) => {
        const history = replay(options, steps);
        for (const [index, entry] of history.entries()) {
          expect(entry.size).toBeLessThanOrEqual(options.maxTracked);
          const previous = history
            .slice(0, index)
            .filter((other) => other.user === entry.user)
            .at(-1);
          if (!previous || entry.at - previous.at >= options.windowMs) expect(entry.decision.allowed).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("GIVEN a cap never reached THEN the decisions equal a plain unbounded sliding-window model", () => {
    fc.assert(
      fc.property(settings, fc.array(step, { maxLength: 120 }), (options, steps) => {
        const model = new Map<string, number[]>();
        const notified = new Map<string, number>();
        for (const entry of replay({ ...options, maxTracked: 100 }, steps)) {
          const recent = (model.get(entry.user) ?? []).filter((time) => entry.at - time < options.windowMs);
          const allowed = recent.length < options.max;
          if (allowed) recent.push(entry.at);
          model.set(entry.user, recent);
          expect(entry.decision.allowed).toBe(allowed);
          if (!allowed) {
            const last = notified.get(entry.user);
            const notify = last === undefined || entry.at - last >= options.windowMs;
            if (notify) notified.set(entry.user, entry.at);
            expect(entry.decision).toEqual({
              allowed: false,
              notify,
              retryAfterMs: (recent[0] ?? 0) + options.windowMs - entry.at,
            });
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("QUESTION_RATE_LIMIT", () => {
  test.each([
    ["5/10s", { max: 5, windowMs: 10_000 }],
    ["20/1m", { max: 20, windowMs: 60_000 }],
    ["3/s", { max: 3, windowMs: 1_000 }],
    [" 500 / 1500ms ", { max: 500, windowMs: 1_500 }],
    ["2/1H", { max: 2, windowMs: 3_600_000 }],
    ["off", "off"],
    ["0", "off"],
  ])("GIVEN %j THEN it parses to %o", (text, expected) => {
    expect(QuestionRateSpec.parse(text)).toEqual(expected);
  });

  test.each(["5", "5/", "five/10s", "5/10", "0/10s", "5/0s", "5/2d", "-1/10s", "5/25h"])(
    "GIVEN the malformed %j THEN start-up stops with one line naming QUESTION_RATE_LIMIT",
    (text) => {
      expect(() => loadConfig({ QUESTION_RATE_LIMIT: text }, { dotenv: false })).toThrow(
        /^Configuration error: QUESTION_RATE_LIMIT must be a count per window such as 5\/10s/,
      );
    },
  );

  test("GIVEN the variable set or unset THEN the config carries the parsed limit or leaves the default to the bot", () => {
    expect(loadConfig({ QUESTION_RATE_LIMIT: "7/30s" }, { dotenv: false }).QUESTION_RATE_LIMIT).toEqual({
      max: 7,
      windowMs: 30_000,
    });
    expect(loadConfig({ QUESTION_RATE_LIMIT: "" }, { dotenv: false }).QUESTION_RATE_LIMIT).toBeUndefined();
  });

  test("GIVEN a limit THEN it reads as words for the notice", () => {
    expect(describeRate({ max: 5, windowMs: 10_000 })).toBe("5 questions every 10 seconds");
    expect(describeRate({ max: 1, windowMs: 1_000 })).toBe("1 question every second");
    expect(describeRate({ max: 3, windowMs: 1_500 })).toBe("3 questions every 1500 ms");
  });
});
