import { z } from "zod";
import { CommandName } from "../engine/answer.js";
import { Slug } from "../knowledge/schema.js";
import { DISCORD_LIMITS, truncate } from "./limits.js";

/**
 * Everything a button needs lives in its custom_id (≤ 100 characters), so buttons keep working after a restart.
 * Format: `v1:<kind>:<fixed fields…>:<free text>`; the free text is last, so it may contain ":".
 */
export const ButtonState = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("context"), article: Slug, sentence: z.number().int().positive() }),
  z.strictObject({
    kind: z.literal("page"),
    command: CommandName,
    page: z.number().int().positive(),
    argument: z.string(),
  }),
  z.strictObject({ kind: z.literal("suggest"), query: z.string().trim().min(1) }),
  z.strictObject({ kind: z.literal("post") }),
  /** Helpful / Not helpful: the question's id (its event's snowflake) finds the recorded question after a restart. */
  z.strictObject({
    kind: z.literal("vote"),
    choice: z.enum(["up", "down"]),
    question: z.string().regex(/^\d{17,20}$/),
  }),
  /** A page of the gaps report (its window in days). */
  z.strictObject({
    kind: z.literal("gaps"),
    days: z.number().int().positive(),
    page: z.number().int().positive(),
  }),
  /** Confirms removing one of this server's articles (the permission is checked again on the click). */
  z.strictObject({ kind: z.literal("remove-article"), article: Slug }),
  /** Replaces a server's article with the upload that clashed with it (held by the bot, named by `held`). */
  z.strictObject({ kind: z.literal("replace-article"), held: z.string().regex(/^[0-9a-f]{12}$/) }),
  /** The "Add an article" form (a modal: its custom_id uses the same codec as buttons). */
  z.strictObject({ kind: z.literal("article-form") }),
  /**
   * "Follow up in a thread": the question the answer answers, as asked (cut to fit, see threadQuestionState). It
   * names the thread, and it is the conversation's first turn when the answer replies to no message (a slash command).
   */
  z.strictObject({ kind: z.literal("thread"), question: z.string().trim().min(1) }),
]);
export type ButtonState = z.infer<typeof ButtonState>;

const VERSION = "v1";
const CODES = {
  context: "ctx",
  page: "pg",
  suggest: "sg",
  post: "post",
  vote: "vt",
  gaps: "gp",
  "remove-article": "rm",
  "article-form": "af",
  "replace-article": "rp",
  thread: "th",
} as const satisfies Record<ButtonState["kind"], string>;

/**
 * The custom_id for a button, or undefined when its state does not fit Discord's 100 characters or could not be
 * read back (e.g. a number beyond six digits): every id the bot sends decodes.
 */
export function encodeButton(state: ButtonState): string | undefined {
  const parts = [VERSION, CODES[state.kind]];
  switch (state.kind) {
    case "context":
      parts.push(state.article, String(state.sentence));
      break;
    case "page":
      parts.push(state.command, String(state.page), state.argument);
      break;
    case "suggest":
      parts.push(state.query);
      break;
    case "post":
      break;
    case "vote":
      parts.push(state.choice, state.question);
      break;
    case "gaps":
      parts.push(String(state.days), String(state.page));
      break;
    case "remove-article":
      parts.push(state.article);
      break;
    case "article-form":
      break;
    case "replace-article":
      parts.push(state.held);
      break;
    case "thread":
      parts.push(state.question);
      break;
  }
  const id = parts.join(":");
  return id.length <= DISCORD_LIMITS.customId && decodeButton(id) !== undefined ? id : undefined;
}

const Digits = z
  .string()
  .regex(/^\d{1,6}$/)
  .transform(Number);

/** The state in a custom_id, or undefined for anything stale, forged or malformed. Never throws. */
export function decodeButton(customId: string): ButtonState | undefined {
  if (customId.length > DISCORD_LIMITS.customId) return undefined;
  const [version, code, ...rest] = customId.split(":");
  if (version !== VERSION) return undefined;
  const raw = ((): unknown => {
    switch (code) {
      case CODES.context:
        return rest.length === 2
          ? { kind: "context", article: rest[0], sentence: Digits.safeParse(rest[1]).data }
          : undefined;
      case CODES.page:
        return rest.length >= 3
          ? { kind: "page", command: rest[0], page: Digits.safeParse(rest[1]).data, argument: rest.slice(2).join(":") }
          : undefined;
      case CODES.suggest:
        return { kind: "suggest", query: rest.join(":") };
      case CODES.post:
        return rest.length === 0 ? { kind: "post" } : undefined;
      case CODES.vote:
        return rest.length === 2 ? { kind: "vote", choice: rest[0], question: rest[1] } : undefined;
      case CODES.gaps:
        return rest.length === 2
          ? { kind: "gaps", days: Digits.safeParse(rest[0]).data, page: Digits.safeParse(rest[1]).data }
          : undefined;
      case CODES["remove-article"]:
        return rest.length === 1 ? { kind: "remove-article", article: rest[0] } : undefined;
      case CODES["replace-article"]:
        return rest.length === 1 ? { kind: "replace-article", held: rest[0] } : undefined;
      case CODES["article-form"]:
        return rest.length === 0 ? { kind: "article-form" } : undefined;
      case CODES.thread:
        return { kind: "thread", question: rest.join(":") };
      default:
        return undefined;
    }
  })();
  const parsed = ButtonState.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The thread button's state for a question. A question longer than the custom_id leaves room for (94 characters) is
 * cut at a word boundary and ends with "…": the thread's name and its first turn then read that beginning, which
 * names the subject in all but the rarest questions; a reply chain still reads the whole question from its message.
 */
export function threadQuestionState(question: string): ButtonState | undefined {
  const room = DISCORD_LIMITS.customId - `${VERSION}:${CODES.thread}:`.length;
  const cut = truncate(question.replace(/\s+/g, " ").trim(), room);
  return cut === "" ? undefined : { kind: "thread", question: cut };
}
