import { describeRate } from "../limits/questionRate.js";

/** Every string a Discord user reads that does not come from the engine, in one place (wording stays consistent; localisable). */
export const MESSAGES = Object.freeze({
  apology: "Sorry, something went wrong while answering. Please try again in a moment.",
  staleButton: "This button has expired or was not made by me. Ask again with /ask, or see /help.",
  unknownCommand: "I don't know that command any more. See /help for what I can answer.",
  contextGone: "That sentence is no longer in the article. Ask again for a fresh answer.",
  nothingToAsk: "That message has no text I can read. Pick a message with text, or use /ask.",
  notPrivate: "Only a private answer can be posted to the channel; this one is already visible.",
  slowDown: (rate: { max: number; windowMs: number }, retrySeconds: number) =>
    `You're asking faster than I can answer (up to ${describeRate(rate)}). Please ask again in ${retrySeconds} s.`,

  privateOptionDescription: "Only you see the answer (you can still post it to the channel)",

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
  moreNotShown: (count: number) => `…and ${count} more not shown`,
  sourceFooter: (source: string, titles: readonly string[]) => [`Source: ${source}`, ...titles].join(" · "),
});
