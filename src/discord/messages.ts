import type { Language } from "../engine/answer.js";
import { describeRate } from "../limits/questionRate.js";

/** Every string a Discord user reads that does not come from the engine, in one place per language. */
const ENGLISH = Object.freeze({
  apology: "Sorry, something went wrong while answering. Please try again in a moment.",
  staleButton: "This button has expired or was not made by me. Ask again with /ask, or see /help.",
  unknownCommand: "I don't know that command any more. See /help for what I can answer.",
  contextGone: "That sentence is no longer in the article. Ask again for a fresh answer.",
  nothingToAsk: "That message has no text I can read. Pick a message with text, or use /ask.",
  notPrivate: "Only a private answer can be posted to the channel; this one is already visible.",
  slowDown: (rate: { max: number; windowMs: number }, retrySeconds: number) =>
    `You're asking faster than I can answer (up to ${describeRate(rate)}). Please ask again in ${retrySeconds} s.`,

  privateOptionDescription: "Only you see the answer (you can still post it to the channel)",
  userOptionDescription: "Post the answer for this person: it pings them, and nobody else",
  suggestedFor: (mention: string) => `Suggested for ${mention}`,
  suggestedPrivately:
    "An answer suggested for someone is posted publicly, so it can't also be private: leave out one of `user` and `private`.",

  notInArticleTitle: "Not in the article",
  suggestionsLead: "The article does cover these; try one:",
  showContext: "Show context",
  contextFor: (sentence: number) => `Context: sentence ${sentence}`,
  contextTitle: (sentence: number) => `Sentence ${sentence} in context`,
  sentenceHeading: (sentence: number) => `Sentence ${sentence}`,
  sentenceInArticle: (sentence: number, title: string) => `Sentence ${sentence} · ${title}`,
  previousPage: "Prev",
  nextPage: "Next",
  pageOf: (page: number, count: number) => `Page ${page} of ${count}`,
  postToChannel: "Post to channel",
  moreNotShown: (count: number) => `…and ${count} more not shown`,
  sourceFooter: (source: string, titles: readonly string[]) => [`Source: ${source}`, ...titles].join(" · "),
});

/** The same keys, each a string or a function returning one: what every language must provide. */
export type DiscordMessages = {
  readonly [Key in keyof typeof ENGLISH]: (typeof ENGLISH)[Key] extends string ? string : (typeof ENGLISH)[Key];
};

const SPANISH: DiscordMessages = Object.freeze({
  apology: "Lo siento, algo falló al responder. Vuelve a intentarlo en un momento.",
  staleButton: "Este botón ha caducado o no lo hice yo. Vuelve a preguntar con /ask, o mira /help.",
  unknownCommand: "Ya no conozco ese comando. Mira /help para ver qué puedo responder.",
  contextGone: "Esa frase ya no está en el artículo. Vuelve a preguntar para tener una respuesta nueva.",
  nothingToAsk: "Ese mensaje no tiene texto que pueda leer. Elige un mensaje con texto, o usa /ask.",
  notPrivate: "Solo una respuesta privada se puede publicar en el canal; esta ya es visible.",
  slowDown: (rate: { max: number; windowMs: number }, retrySeconds: number) =>
    `Preguntas más deprisa de lo que puedo responder (hasta ${describeRate(rate)}). Vuelve a preguntar en ${retrySeconds} s.`,

  privateOptionDescription: "Solo tú ves la respuesta (puedes publicarla en el canal después)",
  userOptionDescription: "Publica la respuesta para esta persona: la menciona a ella, y a nadie más",
  suggestedFor: (mention: string) => `Sugerido para ${mention}`,
  suggestedPrivately:
    "Una respuesta sugerida para alguien se publica en el canal, así que no puede ser privada: quita `user` o `private`.",

  notInArticleTitle: "No está en el artículo",
  suggestionsLead: "El artículo sí trata esto; prueba una:",
  showContext: "Ver contexto",
  contextFor: (sentence: number) => `Contexto: frase ${sentence}`,
  contextTitle: (sentence: number) => `La frase ${sentence} en su contexto`,
  sentenceHeading: (sentence: number) => `Frase ${sentence}`,
  sentenceInArticle: (sentence: number, title: string) => `Frase ${sentence} · ${title}`,
  previousPage: "Anterior",
  nextPage: "Siguiente",
  pageOf: (page: number, count: number) => `Página ${page} de ${count}`,
  postToChannel: "Publicar en el canal",
  moreNotShown: (count: number) => `…y ${count} más que no se muestran`,
  sourceFooter: (source: string, titles: readonly string[]) => [`Fuente: ${source}`, ...titles].join(" · "),
});

/** English: the wording of everything that has no language of its own (command descriptions, logs' notices). */
export const MESSAGES: DiscordMessages = ENGLISH;

const BY_LANGUAGE: Readonly<Record<Language, DiscordMessages>> = Object.freeze({ en: ENGLISH, es: SPANISH });

/** The adapter's words in a language. */
export function discordMessages(language: Language = "en"): DiscordMessages {
  return BY_LANGUAGE[language];
}
