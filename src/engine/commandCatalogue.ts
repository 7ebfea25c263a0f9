import type { CommandName } from "./answer.js";

export interface CommandInfo {
  name: CommandName;
  /** What the command answers, one line of /help. */
  description: string;
  /** The command's one text argument, if it takes one, as /help shows it: `<name>` when required, `[name]` when not. */
  argument?: { name: string; required: boolean };
}

/**
 * What the engine can be asked, for /help and the console. Each adapter describes its own commands (Discord's slash
 * command JSON lives in `commands/`, with Discord's rules); this list only has to name every command once.
 */
export const COMMAND_CATALOGUE = Object.freeze([
  { name: "ask", description: "Ask any question about the article", argument: { name: "question", required: true } },
  {
    name: "who",
    description: "Who is someone, or what is an organisation or country, in the article",
    argument: { name: "name", required: true },
  },
  { name: "aid", description: "What aid the article reports, and how much" },
  { name: "demands", description: "What the Kremlin demands, according to the article" },
  { name: "when", description: "The article's timeline, day by day" },
  {
    name: "where",
    description: "Where things happen in the article, or what happens at a place",
    argument: { name: "place", required: false },
  },
  {
    name: "quote",
    description: "Direct quotes from the article, optionally by one speaker",
    argument: { name: "speaker", required: false },
  },
  {
    name: "search",
    description: "The article's sentences that best match some words, ranked",
    argument: { name: "words", required: true },
  },
  { name: "summary", description: "A short summary of the article" },
  { name: "source", description: "Where the article comes from: source, title and byline" },
  { name: "help", description: "What this bot can answer, and how to ask" },
] as const satisfies readonly CommandInfo[]);
