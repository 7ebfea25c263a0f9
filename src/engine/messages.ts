/** Every sentence the engine says in its own words, so wording stays consistent and can be localised. */
export const ENGINE_MESSAGES = Object.freeze({
  empty: "Ask me something about the article, for example “who is Lavrov?” or /help.",
  tooLong: (length: number, limit: number) =>
    `That message is ${length.toLocaleString("en-US")} characters long; please ask in at most ${limit} characters.`,
  unknownCommand: (name: string) => `There is no /${name} command. Try /help to see what I can answer.`,
  notInArticle: (what: string) => `The article doesn't say ${what}.`,
  notInArticleGeneric: "The article doesn't say.",
  nameNotMentioned: (name: string) => `“${name}” is not mentioned in the article.`,
  nameMissing: (what: string) => `Tell me which ${what} to look up, for example /who Lavrov.`,
  noQuotesBy: (name: string) => `The article quotes no words of ${name}.`,
  noQuotes: "The article quotes no one directly.",
  noTimeline: "The article gives no days or dates.",
  noPlaces: "The article names no places.",
  noTopic: (command: string) => `No article here has curated facts for /${command}; ask in your own words with /ask.`,
  noMatches: (words: string) => `No sentence of the article matches “${words}”.`,
  pageOutOfRange: (page: number, count: number) =>
    `There is no page ${page}; the results have ${count} page${count === 1 ? "" : "s"}.`,
  searchHeader: (count: number, words: string) =>
    `${count} sentence${count === 1 ? "" : "s"} match “${words}”, best first.`,
  appearsIn: (name: string) => `${name} appears in the article; here is what it says.`,
  unattributedMention: "The article does not say who; the sentence below is the closest it comes.",
  helpIntro: "I answer questions about the article, and quote the sentences each answer rests on.",
  helpFreeText:
    "You can also just ask, in English or Spanish: “where will Blinken meet Lavrov?”, “¿cuánto dinero anunció Washington?”.",
});

/** What "the article doesn't say …" is about, for each question type. */
export const MISSING_BY_TYPE = Object.freeze({
  amount: "how much or how many",
  when: "when",
  where: "where",
  who: "who",
  why: "why",
  condition: "what would happen then",
  quote: "that anyone said this",
  meta: "that",
  what: "that",
});
