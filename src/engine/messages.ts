import type { Language } from "./answer.js";
import type { QuestionType } from "./questionType.js";

/** Every sentence the engine says in its own words, in each language it answers in. */
export interface EngineMessages {
  empty: string;
  tooLong(length: number, limit: number): string;
  unknownCommand(name: string): string;
  /** A follow-up's pronoun that no earlier turn explains. */
  unresolvedReference(word: string): string;
  /** "The article doesn't say …", completed by `missingByType` of the question's type. */
  notInArticle(what: string): string;
  missingByType: Readonly<Record<QuestionType, string>>;
  nameNotMentioned(name: string): string;
  nameMissing(what: string): string;
  /** What /who looks up, for `nameMissing`. */
  personOrOrganisation: string;
  noQuotesBy(name: string): string;
  noQuotes: string;
  noTimeline: string;
  noPlaces: string;
  noTopic(command: string): string;
  noMatches(words: string): string;
  searchHeader(count: number, words: string): string;
  helpIntro: string;
  helpFreeText: string;
  suggestWho(name: string): string;
  suggestAbout(name: string): string;
  suggestSummary: string;
  suggestTimeline: string;
  showHelp: string;
}

const ENGLISH: EngineMessages = Object.freeze({
  empty: "Ask me something about the article, for example “who is Lavrov?” or /help.",
  tooLong: (length: number, limit: number) =>
    `That message is ${length.toLocaleString("en-US")} characters long; please ask in at most ${limit} characters.`,
  unknownCommand: (name: string) => `There is no /${name} command. Try /help to see what I can answer.`,
  unresolvedReference: (word: string) =>
    `I can't tell who or what “${word}” means here: nothing asked earlier names it. Ask again with the name.`,
  notInArticle: (what: string) => `The article doesn't say ${what}.`,
  missingByType: Object.freeze({
    amount: "how much or how many",
    when: "when",
    where: "where",
    who: "who",
    why: "why",
    condition: "what would happen then",
    quote: "that anyone said this",
    meta: "that",
    what: "that",
  }),
  nameNotMentioned: (name: string) => `“${name}” is not mentioned in the article.`,
  nameMissing: (what: string) => `Tell me which ${what} to look up, for example /who Lavrov.`,
  personOrOrganisation: "person or organisation",
  noQuotesBy: (name: string) => `The article quotes no words of ${name}.`,
  noQuotes: "The article quotes no one directly.",
  noTimeline: "The article gives no days or dates.",
  noPlaces: "The article names no places.",
  noTopic: (command: string) => `No article here has curated facts for /${command}; ask in your own words with /ask.`,
  noMatches: (words: string) => `No sentence of the article matches “${words}”.`,
  searchHeader: (count: number, words: string) =>
    `${count} sentence${count === 1 ? "" : "s"} match “${words}”, best first.`,
  helpIntro: "I answer questions about the article, and quote the sentences each answer rests on.",
  helpFreeText:
    "You can also just ask, in English or Spanish: “where will Blinken meet Lavrov?”, “¿dónde se reunirán Blinken y Lavrov?”. Follow-ups keep the subject: after “who is Lavrov?”, ask “and where will he meet Blinken?”.",
  suggestWho: (name: string) => `Who is ${name}?`,
  suggestAbout: (name: string) => `What about ${name}?`,
  suggestSummary: "Summary of the article",
  suggestTimeline: "Timeline",
  showHelp: "Show help",
});

const SPANISH: EngineMessages = Object.freeze({
  empty: "Pregúntame algo sobre el artículo, por ejemplo «¿quién es Lavrov?», o usa /help.",
  tooLong: (length: number, limit: number) =>
    `Ese mensaje tiene ${length.toLocaleString("es-ES")} caracteres; pregunta en ${limit} caracteres como mucho.`,
  unknownCommand: (name: string) => `No existe el comando /${name}. Prueba /help para ver qué puedo responder.`,
  unresolvedReference: (word: string) =>
    `No sé a quién o a qué se refiere «${word}» aquí: nada de lo preguntado antes lo nombra. Vuelve a preguntar con el nombre.`,
  notInArticle: (what: string) => `El artículo no dice ${what}.`,
  missingByType: Object.freeze({
    amount: "cuánto ni cuántos",
    when: "cuándo",
    where: "dónde",
    who: "quién",
    why: "por qué",
    condition: "qué pasaría entonces",
    quote: "que nadie dijera eso",
    meta: "eso",
    what: "eso",
  }),
  nameNotMentioned: (name: string) => `El artículo no menciona «${name}».`,
  nameMissing: (what: string) => `Dime qué ${what} buscar, por ejemplo /who Lavrov.`,
  personOrOrganisation: "persona u organización",
  noQuotesBy: (name: string) => `El artículo no cita ninguna palabra de ${name}.`,
  noQuotes: "El artículo no cita a nadie textualmente.",
  noTimeline: "El artículo no da días ni fechas.",
  noPlaces: "El artículo no nombra ningún lugar.",
  noTopic: (command: string) =>
    `Ningún artículo de aquí tiene datos preparados para /${command}; pregunta con tus palabras en /ask.`,
  noMatches: (words: string) => `Ninguna frase del artículo coincide con «${words}».`,
  searchHeader: (count: number, words: string) =>
    `${count} frase${count === 1 ? "" : "s"} coincide${count === 1 ? "" : "n"} con «${words}», de mejor a peor.`,
  helpIntro: "Respondo preguntas sobre el artículo y cito las frases en las que se apoya cada respuesta.",
  helpFreeText:
    "También puedes preguntar sin más, en español o en inglés: «¿dónde se reunirán Blinken y Lavrov?», «where will Blinken meet Lavrov?». Las preguntas que siguen mantienen el tema: tras «¿quién es Lavrov?», pregunta «¿y dónde se reunirá con Blinken?».",
  suggestWho: (name: string) => `¿Quién es ${name}?`,
  suggestAbout: (name: string) => `¿Y ${name}?`,
  suggestSummary: "Resumen del artículo",
  suggestTimeline: "Cronología",
  showHelp: "Ver la ayuda",
});

const BY_LANGUAGE: Readonly<Record<Language, EngineMessages>> = Object.freeze({ en: ENGLISH, es: SPANISH });

/** The engine's own words in a language (English by default). */
export function engineMessages(language: Language = "en"): EngineMessages {
  return BY_LANGUAGE[language];
}
