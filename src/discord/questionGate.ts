import { type CooldownOptions, createCooldown } from "../limits/cooldown.js";
import { DEFAULT_QUESTION_RATE, type QuestionRate } from "../limits/questionRate.js";
import type { Language } from "../engine/answer.js";
import { discordMessages } from "./messages.js";

export type GateDecision =
  | { allowed: true }
  /** `notify`: the first refusal in this person's window; later ones within it should stay quiet where silence is possible. */
  | { allowed: false; notify: boolean; notice: string };

/**
 * The per-person question limit shared by slash commands, the context menu, suggestion buttons, mentions and DMs,
 * keyed by Discord user id. Autocomplete and navigation buttons (Prev/Next, Show context, Post to channel) do not pass
 * through it: they only page through or reveal an answer already given.
 */
export interface QuestionGate {
  /** `language`: of the notice when the person is over the limit (English by default). */
  check(userId: string, language?: Language): GateDecision;
}

const OPEN: QuestionGate = Object.freeze({ check: () => ({ allowed: true }) as const });

export function createQuestionGate(
  rate: QuestionRate | undefined,
  options: Pick<CooldownOptions, "maxTracked" | "now"> = {},
): QuestionGate {
  const limit = rate ?? DEFAULT_QUESTION_RATE;
  if (limit === "off") return OPEN;
  const cooldown = createCooldown({ ...limit, ...options });
  return {
    check(userId, language) {
      const decision = cooldown.take(userId);
      if (decision.allowed) return decision;
      return {
        allowed: false,
        notify: decision.notify,
        notice: discordMessages(language).slowDown(limit, Math.max(1, Math.ceil(decision.retryAfterMs / 1_000))),
      };
    },
  };
}
