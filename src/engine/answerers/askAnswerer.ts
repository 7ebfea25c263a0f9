import type { Answer, CommandName } from "../answer.js";
import { type AnalysedQuestion, analyseQuestion } from "../analyseQuestion.js";
import type { EntityRef } from "../entityIndex.js";
import { ENGINE_MESSAGES, MISSING_BY_TYPE } from "../messages.js";
import { type RankedSentence, rankSentences } from "../rankSentences.js";
import { SEARCH_CONFIG } from "../searchConfig.js";
import { type AnswerContext, bestRef, suggestionsFor } from "./answerContext.js";
import { entityAnswer } from "./entityAnswer.js";
import { sourceAnswer } from "./sourceAnswerer.js";
import { directAnswerText } from "./directAnswer.js";
import { safeEcho } from "../parseInput.js";
import { nameKey } from "../../text/normalize.js";

const AUTHOR_WORDS = /\b(?:author|wrote|writer|written|byline|journalist|reporter|autor|escribió|escribio)\b/i;

function touchedEntities(analysed: AnalysedQuestion): EntityRef[] {
  return analysed.entities.flatMap((match) => bestRef(match.refs) ?? []);
}

function abstain(context: AnswerContext, query: string, command: CommandName, analysed: AnalysedQuestion, text?: string): Answer {
  const suggestions = suggestionsFor(context, { entities: touchedEntities(analysed), topicIds: analysed.topics.map(({ ref }) => ref.topic.id) });
  return context.factory.abstained(query, command, text ?? ENGINE_MESSAGES.notInArticle(MISSING_BY_TYPE[analysed.type]), suggestions);
}

/** Does the question name an article's author ("who is David William?")? */
function namesAnAuthor(context: AnswerContext, analysed: AnalysedQuestion): boolean {
  const asked = new Set(analysed.contentWords.map((word) => word.word));
  return context.view.knowledge.articles.some((article) => {
    const authorWords = nameKey(article.meta.byline?.split(",")[0] ?? "").split(" ").filter((word) => word.length > 2);
    return authorWords.length > 0 && authorWords.every((word) => asked.has(word));
  });
}

/** Capitalised words the article never uses: a name it does not mention. */
function unknownName(analysed: AnalysedQuestion): string | undefined {
  const names = analysed.contentWords.filter((word) => !word.known && /^\p{Lu}/u.test(word.typed)).map((word) => word.typed);
  return names.length > 0 ? safeEcho(names.join(" ")) : undefined;
}

function supportingSentences(top: RankedSentence, eligible: readonly RankedSentence[]): RankedSentence[] {
  const threshold = top.score * 0.6;
  return eligible.filter((ranked) => ranked.score >= threshold).slice(0, SEARCH_CONFIG.limits.citations);
}

/**
 * A free-text question: read it, route identity questions to the entity's facts, rank sentences,
 * and abstain unless the best sentence really answers (enough of the question is in the article,
 * the sentence names the question's entities and holds what the question type asks for).
 */
export function answerQuestion(context: AnswerContext, query: string, question: string, command: CommandName = "ask"): Answer {
  const analysed = analyseQuestion(context.view, question);
  const asksAboutAuthor = namesAnAuthor(context, analysed);
  if (analysed.type === "meta" || asksAboutAuthor) {
    return sourceAnswer(context, query, command, { aboutAuthor: asksAboutAuthor || AUTHOR_WORDS.test(analysed.text) });
  }
  if (analysed.contentWords.length === 0) return context.factory.abstained(query, command, ENGINE_MESSAGES.empty, suggestionsFor(context));

  const missingName = unknownName(analysed);
  if (analysed.type === "who" && analysed.entities.length === 0 && missingName) {
    return abstain(context, query, command, analysed, ENGINE_MESSAGES.nameNotMentioned(missingName));
  }
  if (analysed.isIdentity && analysed.type !== "when" && analysed.type !== "where" && analysed.type !== "amount" && analysed.type !== "quote") {
    const ref = bestRef(analysed.entities[0]?.refs ?? []);
    if (ref) return entityAnswer(context, query, command, ref);
  }
  if (analysed.coverage < SEARCH_CONFIG.abstention.minCoverage) {
    return abstain(context, query, command, analysed, missingName && analysed.entities.length === 0 ? ENGINE_MESSAGES.nameNotMentioned(missingName) : undefined);
  }

  const ranked = rankSentences(context.view, context.features, analysed);
  const eligible = ranked.filter((candidate) => candidate.fitsType && (analysed.entities.length === 0 || candidate.entityHits > 0));
  const top = eligible[0];
  if (!top || top.score < SEARCH_CONFIG.abstention.minScore) return abstain(context, query, command, analysed);

  const supporting = supportingSentences(top, eligible);
  const citations = context.factory.citationsOf(supporting.map(({ sentence }) => ({ articleIndex: sentence.articleIndex, number: sentence.number })));
  return context.factory.answered(query, command, directAnswerText(context, analysed, top), citations);
}
