import { CommandName } from "./answer.js";
import { SEARCH_CONFIG } from "./searchConfig.js";

export type ParsedInput =
  | { kind: "empty" }
  | { kind: "tooLong"; length: number }
  | { kind: "unknownCommand"; name: string }
  | { kind: "request"; command: CommandName; argument: string; page: number };

// Discord's mention syntaxes: users <@id> / <@!id>, roles <@&id>, channels <#id>, slash-command and emoji tags.
const DISCORD_TAGS = /<(?:@[!&]?|#)\d+>|<\/[\w -]+:\d+>|<a?:\w+:\d+>/g;
const MASS_MENTIONS = /@(?:everyone|here)\b/gi;
// Control and format characters (zero-width, bidi overrides) that only hide text.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
// More than two combining marks on one letter is "zalgo" decoration, not a language.
const STACKED_MARKS = /(\p{M}{2})\p{M}+/gu;

/** The text with Discord mentions, invisible characters and decoration removed; what the engine reasons on. */
export function cleanInput(raw: string): string {
  return raw
    .replace(DISCORD_TAGS, " ")
    .replace(MASS_MENTIONS, " ")
    .replace(INVISIBLE, " ")
    .replace(STACKED_MARKS, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Reads a line as a user typed it: "/who Lavrov" is a command, anything else a question for "ask".
 * A leading bot mention is stripped; empty and over-long input are recognised here so that every
 * adapter answers them the same way.
 */
export function parseInput(raw: string): ParsedInput {
  if (raw.length > SEARCH_CONFIG.limits.maxQuestionLength * 4) return { kind: "tooLong", length: raw.length };
  const text = cleanInput(raw);
  if (text.length === 0 || !/[\p{L}\p{N}]/u.test(text)) return { kind: "empty" };
  if (text.length > SEARCH_CONFIG.limits.maxQuestionLength) return { kind: "tooLong", length: text.length };

  const slash = /^[/!](\S+)\s*(.*)$/su.exec(text);
  if (slash) {
    const [, name = "", rest = ""] = slash;
    const command = CommandName.safeParse(name.toLowerCase());
    if (!command.success) return { kind: "unknownCommand", name };
    // "page:2" at the end selects a page of a listing, as the Discord buttons do.
    const paged = /^(.*?)\s*\bpage:(\d{1,4})$/su.exec(rest);
    const argument = (paged ? (paged[1] ?? "") : rest).trim();
    const page = paged ? Math.max(1, Number(paged[2])) : 1;
    return { kind: "request", command: command.data, argument, page };
  }
  return { kind: "request", command: "ask", argument: text, page: 1 };
}

/** A user-supplied name made safe to repeat in a reply: letters, digits and simple punctuation, short. */
export function safeEcho(text: string, maxLength = 60): string {
  const cleaned = cleanInput(text)
    .replace(/[^\p{L}\p{N}\p{Zs}.,'’\-?¿!¡]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1)}…` : cleaned;
}
