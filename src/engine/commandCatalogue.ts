import type { CommandName } from "./answer.js";

export interface CommandInfo {
  name: CommandName;
  /** One line, ≤ 100 characters: Discord shows it as the slash command's description. */
  description: string;
  /** The command's one text argument, if it takes one. */
  argument?: { name: string; description: string; required: boolean };
  /** An example a user can run as-is, for help and suggestions. */
  example: string;
}

/** The single description of what the engine can do; help text, the console and the Discord commands read it. */
export const COMMAND_CATALOGUE = Object.freeze([
  { name: "ask", description: "Ask any question about the article", argument: { name: "question", description: "Your question, e.g. where will Blinken meet Lavrov?", required: true }, example: "/ask where will Blinken meet Lavrov?" },
  { name: "who", description: "Who is someone, or what is an organisation or country, in the article", argument: { name: "name", description: "A person, organisation or country, e.g. Lavrov", required: true }, example: "/who Lavrov" },
  { name: "aid", description: "What aid the article reports, and how much", example: "/aid" },
  { name: "demands", description: "What the Kremlin demands, according to the article", example: "/demands" },
  { name: "when", description: "The article's timeline, day by day", example: "/when" },
  { name: "where", description: "Where things happen in the article, or what happens at a place", argument: { name: "place", description: "A place, e.g. Geneva", required: false }, example: "/where Geneva" },
  { name: "quote", description: "Direct quotes from the article, optionally by one speaker", argument: { name: "speaker", description: "Who said it, e.g. Blinken", required: false }, example: "/quote Blinken" },
  { name: "search", description: "The article's sentences that best match some words, ranked", argument: { name: "words", description: "Words to look for, e.g. troops border", required: true }, example: "/search troops border" },
  { name: "summary", description: "A short summary of the article", example: "/summary" },
  { name: "source", description: "Where the article comes from: source, title and byline", example: "/source" },
  { name: "help", description: "What this bot can answer, and how to ask", example: "/help" },
] as const satisfies readonly CommandInfo[]);
