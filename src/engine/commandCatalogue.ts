import type { CommandName } from "./answer.js";

export interface CommandInfo {
  name: CommandName;
  /** What the command answers, one line of /help. */
  description: string;
  /** The same line in Spanish, for /help asked in Spanish (equal to the Spanish description Discord shows). */
  spanishDescription: string;
  /** The command's one text argument, if it takes one, as /help shows it: `<name>` when required, `[name]` when not. */
  argument?: { name: string; required: boolean };
}

/**
 * What the engine can be asked, for /help and the console. Each adapter describes its own commands (Discord's slash
 * command JSON lives in `commands/`, with Discord's rules); this list only has to name every command once.
 */
export const COMMAND_CATALOGUE = Object.freeze([
  {
    name: "ask",
    description: "Ask any question about the article",
    spanishDescription: "Pregunta lo que quieras sobre el artículo",
    argument: { name: "question", required: true },
  },
  {
    name: "who",
    description: "Who is someone, or what is an organisation or country, in the article",
    spanishDescription: "Quién es alguien, o qué es una organización o un país, según el artículo",
    argument: { name: "name", required: true },
  },
  {
    name: "aid",
    description: "What aid the article reports, and how much",
    spanishDescription: "Qué ayuda recoge el artículo, y cuánta",
  },
  {
    name: "demands",
    description: "What the Kremlin demands, according to the article",
    spanishDescription: "Qué exige el Kremlin, según el artículo",
  },
  {
    name: "when",
    description: "The article's timeline, day by day",
    spanishDescription: "La cronología del artículo, día a día",
  },
  {
    name: "where",
    description: "Where things happen in the article, or what happens at a place",
    spanishDescription: "Dónde ocurren las cosas del artículo, o qué ocurre en un lugar",
    argument: { name: "place", required: false },
  },
  {
    name: "quote",
    description: "Direct quotes from the article, optionally by one speaker",
    spanishDescription: "Citas textuales del artículo, si quieres de una sola persona",
    argument: { name: "speaker", required: false },
  },
  {
    name: "search",
    description: "The article's sentences that best match some words, ranked",
    spanishDescription: "Las frases del artículo que mejor coinciden con unas palabras, por orden",
    argument: { name: "words", required: true },
  },
  {
    name: "summary",
    description: "A short summary of the article",
    spanishDescription: "Un resumen breve del artículo",
  },
  {
    name: "source",
    description: "Where the article comes from: source, title and byline",
    spanishDescription: "De dónde viene el artículo: fuente, título y autor",
  },
  {
    name: "help",
    description: "What this bot can answer, and how to ask",
    spanishDescription: "Qué puede responder este bot, y cómo preguntar",
  },
] as const satisfies readonly CommandInfo[]);
