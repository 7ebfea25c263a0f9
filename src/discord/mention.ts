/** Result of reading a message for a mention of the bot. */
export interface MentionParse {
  /** The message mentions the bot as a user (`<@id>` or `<@!id>`), anywhere in the text. */
  mentioned: boolean;
  /** The text with every mention of the bot removed and whitespace collapsed: the question. */
  text: string;
}

/**
 * Finds `<@id>` / `<@!id>` for the bot's user id. `@everyone`, `@here` and role mentions (`<@&id>`),
 * including the bot's own managed role, are not mentions of the bot.
 */
export function parseMention(content: string, botId: string): MentionParse {
  if (!/^\d{1,20}$/.test(botId)) return { mentioned: false, text: content.trim() };
  const pattern = new RegExp(`<@!?${botId}>`, "g");
  const mentioned = pattern.test(content);
  const text = content.replace(pattern, " ").replace(/\s+/g, " ").trim();
  return { mentioned, text };
}
