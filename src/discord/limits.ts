import { escapeMarkdown } from "discord.js";

/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = Object.freeze({
  content: 2_000,
  embedTitle: 256,
  embedDescription: 4_096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1_024,
  footer: 2_048,
  embedTotal: 6_000,
  embedsPerMessage: 10,
  buttonsPerRow: 5,
  rows: 5,
  buttonLabel: 80,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  threadName: 100,
});

const ELLIPSIS = "…";

/**
 * Cuts text to at most `max` UTF-16 units, at a word boundary when one is near, ending with "…".
 * Never leaves half a surrogate pair or a dangling Markdown escape.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  let cut = text.slice(0, max - ELLIPSIS.length);
  const space = cut.lastIndexOf(" ");
  if (space >= cut.length * 0.6) cut = cut.slice(0, space);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/\\+$/, "").trimEnd();
  return `${cut}${ELLIPSIS}`;
}

/**
 * Escaping is the costliest step of rendering (discord.js's escapeMarkdown runs a dozen look-behind regexes) and the
 * same knowledge sentences are escaped again and again, so results for short texts are kept: bounded, at most
 * INERT_CACHE.entries texts of at most INERT_CACHE.length characters, cleared when full.
 */
const INERT_CACHE = Object.freeze({ entries: 1_000, length: 1_000 });
const inertCache = new Map<string, string>();

/** Text from the knowledge or from users, made inert: no Markdown formatting, no masked links. */
export function inert(text: string): string {
  const cached = inertCache.get(text);
  if (cached !== undefined) return cached;
  const escaped = escapeMarkdown(text, { maskedLink: true, heading: true, bulletedList: true, numberedList: true });
  if (text.length <= INERT_CACHE.length) {
    if (inertCache.size >= INERT_CACHE.entries) inertCache.clear();
    inertCache.set(text, escaped);
  }
  return escaped;
}
