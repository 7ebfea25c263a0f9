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
  helpful: "Helpful",
  notHelpful: "Not helpful",
  voteRecorded: (choice: "up" | "down") =>
    choice === "up"
      ? "Thanks! Marked as helpful. Click it again to withdraw your vote."
      : "Thanks! Marked as not helpful: the maintainers see it among the questions to improve. Click it again to withdraw your vote.",
  voteWithdrawn: "Your vote on this answer is withdrawn.",
  voteUnknownQuestion:
    "That answer is no longer in my history (it is older than the history kept, or was given while nothing was recorded), so it can't be voted on.",
  gapsTitle: (days: number) => `Questions I could not answer, last ${days} days`,
  gapsEmpty: (days: number) => `Nothing was refused or voted down in this server in the last ${days} days.`,
  gapsLead: (groups: number) => `${groups} groups of alike questions, most frequent first. Only you see this.`,
  gapsGroupHeading: (count: number, question: string) => `${count}× ${question}`,
  gapsGroupCounts: (refused: number, downVotes: number, lastAskedUnix: number) =>
    `refused ${refused} · 👎 ${downVotes} · last asked <t:${lastAskedUnix}:R>`,
  gapsAlsoAsked: (examples: string) => `also asked as: ${examples}`,
  gapsNearest: (sentence: number, text: string) => `nearest: [${sentence}] ${text}`,
  gapsNoNearest: "nearest: none found",
  gapsGuildOnly: "The gaps report is about one server's questions: use /gaps in a server.",
  gapsNotAllowed: "Only members with the Manage Server permission can see the gaps report.",
  gapsNotRecorded: "Nothing is recorded (the question store is off), so there is no gaps report.",
  feedbackUnavailable: "Sorry, I can't record feedback right now. Please try again later.",
  articleGuildOnly: "Articles added from Discord belong to one server: use /article in a server.",
  articleNotAllowed: "Only members with the Manage Server permission can manage this server's articles.",
  articleUnavailable: "Adding articles from Discord is not set up for this bot.",
  articleWrongType: "Attach the article as a .md or .txt file.",
  articleTooLarge: "That file is larger than 1 MB; an article file must be at most 1 MB.",
  articleNotText: "That file is not UTF-8 text (it looks binary). Attach the article as a .md or .txt text file.",
  articleEmpty: "That file is empty. Nothing was added.",
  articleDownloadFailed: "I couldn't download that file from Discord. Please try again.",
  articleInvalid: (problems: string) =>
    `The article was not added; fix these and try again:\n${problems}\nIt needs YAML front matter with title and source between two '---' lines, then the text.`,
  articleClash: (title: string) =>
    `An article titled or named like “${title}” already answers here. Replace it (if the button is offered: articles added here can be replaced, shared ones cannot), or rename the file and title.`,
  articleDiskError: "I couldn't save the article (a disk error); nothing was changed. Please try again later.",
  articleAdded: (title: string, sentences: number, firstTwo: readonly string[]) =>
    [
      `Added “${title}”: ${sentences} sentences, answered in this server from now on.`,
      ...firstTwo.map((text, i) => `> [${i + 1}] ${text}`),
    ].join("\n"),
  articleListEmpty: "This server has no articles of its own; it answers from the shared articles only.",
  articleListLead: (count: number) => `This server's own articles (${count}), besides the shared ones:`,
  articleListLine: (slug: string, title: string, sentences: number) =>
    `• \`${slug}\` “${title}” (${sentences} sentences)`,
  articleNotFound: (name: string) => `This server has no article \`${name}\` of its own. See /article list.`,
  articleRemoveConfirm: (title: string) =>
    `Remove “${title}” from this server's articles? It will no longer be answered here.`,
  articleRemoveButton: "Remove",
  articleReplaceButton: "Replace it",
  articleFormTitle: "Add an article to this server",
  articleFormTitleLabel: "Title",
  articleFormSourceLabel: "Source (the outlet)",
  articleFormUrlLabel: "Link to the article (optional)",
  articleFormBodyLabel: "Text (one paragraph per line)",
  articleRemoved: (title: string) => `Removed “${title}”; it is no longer answered in this server.`,
  moreNotShown: (count: number) => `…and ${count} more not shown`,
  sourceFooter: (source: string, titles: readonly string[]) => [`Source: ${source}`, ...titles].join(" · "),
  aboutSubject: (subject: string) => `(about ${subject})`,
  followUpInThread: "Follow up in a thread",
  threadStarted: (thread: string) => `Thread started: ${thread}. Ask your follow-up there.`,
  threadExists: (thread: string) => `This answer already has a thread: ${thread}`,
  threadNotAllowed:
    "I can't start a thread here: I need the Create Public Threads permission in this channel. Reply to my answer instead (it keeps the context), or ask a moderator.",
  threadUnavailable: "A thread can only be started on an answer posted in a server's text channel.",
  threadIntro: "Ask your follow-up here: mention me or reply to one of my messages, and I'll keep the context.",
  threadIntroOpen:
    "Ask your follow-up here: every message in this thread is a question for me, and I'll keep the context.",
  followUpHelp:
    "On Discord, a follow-up keeps its context when you reply to my answer, ask in a thread opened with 🧵 Follow up in a thread, or ask in a DM.",
});

/** The same keys, each a string or a function returning one: what every language must provide. */
export type DiscordMessages = {
  readonly [Key in keyof typeof ENGLISH]: (typeof ENGLISH)[Key] extends string
    ? string
    : (typeof ENGLISH)[Key] extends (...args: infer Args) => string
      ? (...args: Args) => string
      : never;
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

  helpful: "Útil",
  notHelpful: "No útil",
  voteRecorded: (choice: "up" | "down") =>
    choice === "up"
      ? "¡Gracias! Marcada como útil. Vuelve a pulsarlo para retirar tu voto."
      : "¡Gracias! Marcada como no útil: los responsables la verán entre las preguntas por mejorar. Vuelve a pulsarlo para retirar tu voto.",
  voteWithdrawn: "Tu voto sobre esta respuesta se ha retirado.",
  voteUnknownQuestion:
    "Esa respuesta ya no está en mi historial (es más antigua que lo que se guarda, o se dio cuando no se registraba nada), así que no se puede votar.",
  gapsTitle: (days: number) => `Preguntas que no supe responder, últimos ${days} días`,
  gapsEmpty: (days: number) => `En los últimos ${days} días no se rechazó ni se votó en contra nada en este servidor.`,
  gapsLead: (groups: number) =>
    `${groups} grupos de preguntas parecidas, las más frecuentes primero. Solo tú ves esto.`,
  gapsGroupHeading: (count: number, question: string) => `${count} veces: ${question}`,
  gapsGroupCounts: (refused: number, downVotes: number, lastAskedUnix: number) =>
    `rechazadas ${refused} · votos en contra ${downVotes} · última vez <t:${lastAskedUnix}:R>`,
  gapsAlsoAsked: (examples: string) => `también preguntada como: ${examples}`,
  gapsNearest: (sentence: number, text: string) => `lo más cercano: [${sentence}] ${text}`,
  gapsNoNearest: "lo más cercano: nada",
  gapsGuildOnly: "El informe de huecos trata de las preguntas de un servidor: usa /gaps en un servidor.",
  gapsNotAllowed: "Solo los miembros con el permiso Gestionar servidor pueden ver el informe de huecos.",
  gapsNotRecorded: "No se registra nada (el almacén de preguntas está apagado), así que no hay informe de huecos.",
  feedbackUnavailable: "Lo siento, ahora no puedo registrar tu opinión. Vuelve a intentarlo más tarde.",
  articleGuildOnly: "Los artículos añadidos desde Discord pertenecen a un servidor: usa /article en un servidor.",
  articleNotAllowed:
    "Solo los miembros con el permiso Gestionar servidor pueden gestionar los artículos de este servidor.",
  articleUnavailable: "Añadir artículos desde Discord no está configurado en este bot.",
  articleWrongType: "Adjunta el artículo como archivo .md o .txt.",
  articleTooLarge: "Ese archivo supera 1 MB; un artículo puede ocupar como mucho 1 MB.",
  articleNotText:
    "Ese archivo no es texto UTF-8 (parece binario). Adjunta el artículo como archivo de texto .md o .txt.",
  articleEmpty: "Ese archivo está vacío. No se ha añadido nada.",
  articleDownloadFailed: "No pude descargar ese archivo de Discord. Vuelve a intentarlo.",
  articleInvalid: (problems: string) =>
    `No se añadió el artículo; corrige esto y vuelve a intentarlo:\n${problems}\nNecesita un encabezado YAML con title y source entre dos líneas '---', y después el texto.`,
  articleClash: (title: string) =>
    `Ya responde aquí un artículo con un título o nombre como «${title}». Reemplázalo (si aparece el botón: los artículos añadidos aquí se pueden reemplazar, los compartidos no), o cambia el nombre del archivo y el título.`,
  articleDiskError:
    "No pude guardar el artículo (un error de disco); no se cambió nada. Vuelve a intentarlo más tarde.",
  articleAdded: (title: string, sentences: number, firstTwo: readonly string[]) =>
    [
      `Añadido «${title}»: ${sentences} frases, respondidas en este servidor desde ahora.`,
      ...firstTwo.map((text, i) => `> [${i + 1}] ${text}`),
    ].join("\n"),
  articleListEmpty: "Este servidor no tiene artículos propios; responde solo con los artículos compartidos.",
  articleListLead: (count: number) => `Los artículos propios de este servidor (${count}), además de los compartidos:`,
  articleListLine: (slug: string, title: string, sentences: number) => `• \`${slug}\` «${title}» (${sentences} frases)`,
  articleNotFound: (name: string) => `Este servidor no tiene un artículo propio \`${name}\`. Mira /article list.`,
  articleRemoveConfirm: (title: string) =>
    `¿Quitar «${title}» de los artículos de este servidor? Ya no se responderá aquí.`,
  articleRemoveButton: "Quitar",
  articleReplaceButton: "Reemplazarlo",
  articleFormTitle: "Añadir un artículo a este servidor",
  articleFormTitleLabel: "Título",
  articleFormSourceLabel: "Fuente (el medio)",
  articleFormUrlLabel: "Enlace al artículo (opcional)",
  articleFormBodyLabel: "Texto (un párrafo por línea)",
  articleRemoved: (title: string) => `Se quitó «${title}»; ya no se responde en este servidor.`,
  aboutSubject: (subject: string) => `(sobre ${subject})`,
  followUpInThread: "Seguir en un hilo",
  threadStarted: (thread: string) => `Hilo creado: ${thread}. Haz allí tu siguiente pregunta.`,
  threadExists: (thread: string) => `Esta respuesta ya tiene un hilo: ${thread}`,
  threadNotAllowed:
    "No puedo crear un hilo aquí: necesito el permiso Crear hilos públicos en este canal. Responde a mi respuesta (mantiene el contexto), o pídeselo a un moderador.",
  threadUnavailable: "Solo se puede crear un hilo sobre una respuesta publicada en un canal de texto de un servidor.",
  threadIntro: "Haz aquí tu siguiente pregunta: mencióname o responde a uno de mis mensajes, y mantendré el contexto.",
  threadIntroOpen:
    "Haz aquí tu siguiente pregunta: cada mensaje de este hilo es una pregunta para mí, y mantendré el contexto.",
  followUpHelp:
    "En Discord, una pregunta que sigue a otra mantiene el contexto si respondes a mi respuesta, preguntas en un hilo abierto con 🧵 o me escribes por mensaje directo.",
});

/** English: the wording of everything that has no language of its own (command descriptions, logs' notices). */
export const MESSAGES: DiscordMessages = ENGLISH;

const BY_LANGUAGE: Readonly<Record<Language, DiscordMessages>> = Object.freeze({ en: ENGLISH, es: SPANISH });

/** The adapter's words in a language. */
export function discordMessages(language: Language = "en"): DiscordMessages {
  return BY_LANGUAGE[language];
}
