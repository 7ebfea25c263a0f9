import type { Language } from "../engine/answer.js";
import type { AnswerEngine } from "../engine/engine.js";

/** Discord's Spanish locales are "es-ES" and "es-419"; every other locale gets English. */
export function languageOfLocale(locale: string | null | undefined): Language {
  return locale?.toLowerCase().startsWith("es") ? "es" : "en";
}

// Marks of Spanish that English questions do not have: inverted punctuation, ñ, and the question words.
const SPANISH_QUESTION =
  /[¿¡ñ]|\b(?:qu[eé]|qui[eé]n(?:es)?|d[oó]nde|cu[aá]ndo|cu[aá]nt[oa]s?|c[oó]mo|cu[aá]l(?:es)?|por qu[eé])\b/iu;

/**
 * The language of a mention or DM: the question's own when it shows one (Spanish marks), otherwise the server's
 * preferred locale; English for a DM with no Spanish in it.
 */
export function languageOfQuestion(text: string, serverLocale?: string | null): Language {
  if (SPANISH_QUESTION.test(text)) return "es";
  return languageOfLocale(serverLocale);
}

/** The engine, answering in one language: what a command handler gets, so that commands need not pass it. */
export function speaking(engine: AnswerEngine, language: Language): AnswerEngine {
  if (language === "en") return engine;
  return {
    ...engine,
    knowledge: engine.knowledge,
    ask: (input, options) => engine.ask(input, { language, ...options }),
    run: (request) => engine.run({ language, ...request }),
  };
}
