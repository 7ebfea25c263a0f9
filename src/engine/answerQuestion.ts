import type { Answer, CommandName } from "./answer.js";
import { type AnalysedQuestion, analyseQuestion } from "./analyseQuestion.js";
import type { QuestionType } from "./questionType.js";
import type { EntityRef } from "./entityIndex.js";
import { type RankedSentence, rankSentences } from "./rankSentences.js";
import { SEARCH_CONFIG } from "./searchConfig.js";
import { type AnswerContext, bestRef, suggestionsFor } from "./answerers/answerContext.js";
import { entityAnswer } from "./answerers/entityAnswer.js";
import { sourceAnswer } from "./answerers/sourceAnswer.js";
import { directAnswerText } from "./answerers/directAnswer.js";
import { safeEcho } from "./parseInput.js";
import { foldText, words } from "../text/normalize.js";
import { stem, STOPWORDS } from "../text/tokenize.js";
import { answerabilityFeatures } from "./answerability/answerabilityFeatures.js";
import { REFUSAL_MODEL, refusalProbability } from "./answerability/refusalModel.js";

/** The listing commands a question can ask for as a whole rather than a fact. */
export type ListingCommand = Extract<CommandName, "when" | "where" | "summary">;

/** Questions that ask for a whole listing rather than a fact. */
const LISTING_INTENTS: ReadonlyArray<readonly [RegExp, ListingCommand]> = [
  // A bare question word asks for the whole listing.
  [/^\s*[¿]?\s*(?:when|cu[aá]ndo)\s*\??\s*$/i, "when"],
  [/^\s*[¿]?\s*(?:where|d[oó]nde)\s*\??\s*$/i, "where"],
  [/\b(?:timeline|chronology|cronologia|cronología|sequence of events|order of events)\b/i, "when"],
  [
    /\b(?:summary|summari[sz]e|resumen|resume|what is (?:this|the) (?:article|story|text|news) about|de que trata|what happened\s*\??$)/i,
    "summary",
  ],
];

const AUTHOR_WORDS = /\b(?:author|wrote|writer|written|byline|journalist|reporter|autor|escribio)\b/;

function touchedEntities(analysed: AnalysedQuestion): EntityRef[] {
  return analysed.entities.flatMap((match) => bestRef(match.refs) ?? []);
}

function abstain(
  context: AnswerContext,
  query: string,
  command: CommandName,
  analysed: AnalysedQuestion,
  text?: string,
): Answer {
  const suggestions = suggestionsFor(context, {
    entities: touchedEntities(analysed),
    topics: analysed.topics.map(({ ref }) => ref.topic),
  });
  return context.factory.abstained(
    query,
    command,
    text ?? context.factory.messages.notInArticle(context.factory.messages.missingByType[analysed.type]),
    suggestions,
  );
}

/** Does the question name an article's author ("who is David William?")? */
function namesAnAuthor(context: AnswerContext, analysed: AnalysedQuestion): boolean {
  const asked = new Set(analysed.contentWords.map((word) => word.word));
  return context.view.authorNames.some((name) => name.every((word) => asked.has(word)));
}

/** Capitalised words the article never uses (the question's first word aside): a name it does not mention. */
function unknownName(analysed: AnalysedQuestion): string | undefined {
  const names = analysed.contentWords
    .filter((word) => !word.known && !word.first && /^\p{Lu}\p{L}/u.test(word.typed))
    .map((word) => word.typed);
  return names.length > 0 ? safeEcho(names.join(" ")) : undefined;
}

/** "What did Kuleba say?": the speaker's own quotes, best match first; none means the article does not quote them. */
function speakerQuotes(
  context: AnswerContext,
  query: string,
  command: CommandName,
  speaker: EntityRef,
  analysed: AnalysedQuestion,
): Answer {
  const facts = context.view.facts(speaker.articleIndex);
  const voices = new Set([
    speaker.entity.id,
    ...facts.entities.filter((entity) => entity.related.includes(speaker.entity.id)).map((entity) => entity.id),
  ]);
  const quotes = facts.quotes.filter((quote) => voices.has(quote.speaker));
  if (quotes.length === 0)
    return abstain(context, query, command, analysed, context.factory.messages.noQuotesBy(speaker.entity.name));
  const scores = context.view.sentences.score(analysed.terms);
  const scoreOf = (number: number) => scores.get(context.view.sentences.idOf(speaker.articleIndex, number) ?? -1);
  const ordered = [...quotes].sort((a, b) => scoreOf(b.sentence) - scoreOf(a.sentence) || a.sentence - b.sentence);
  const text = `${speaker.entity.name}: ${ordered.map((quote) => `“${quote.text.replace(/^[“"]|[”"]$/g, "")}”`).join(" · ")}`;
  return context.factory.answered(
    query,
    command,
    text,
    context.factory.citationsOf(
      ordered.map((quote) => ({ articleIndex: speaker.articleIndex, number: quote.sentence })),
    ),
  );
}

/** Question types whose sentence feature is a preference, not a requirement: reasons and conditions are often implicit. */
const PREFERENCE_ONLY: ReadonlySet<string> = new Set(["why", "condition"]);

/** Is the sentence part of a timeline event on that day ("After his visit to Kiev" belongs to Wednesday)? */
function inEventOn(context: AnswerContext, candidate: RankedSentence, day: string): boolean {
  const { articleIndex, number } = candidate.sentence;
  return (context.view.knownFacts(articleIndex)?.timeline ?? []).some(
    (event) => event.sentences.includes(number) && foldText(event.when).includes(day),
  );
}

/** What an answer cites: the best sentence and the runners-up close to it, at most SEARCH_CONFIG.limits.citations. */
export function supportingSentences(top: RankedSentence, eligible: readonly RankedSentence[]): RankedSentence[] {
  const threshold = top.score * SEARCH_CONFIG.abstention.supportingShare;
  return eligible.filter((ranked) => ranked.score >= threshold).slice(0, SEARCH_CONFIG.limits.citations);
}

/**
 * A question either settled before ranking (answered by a route such as the byline, or refused by a
 * gate), or asking for a whole listing that another command gives, or ranked and awaiting the refusal model.
 */
export type ConsideredQuestion =
  | { kind: "settled"; answer: Answer }
  | { kind: "listing"; command: ListingCommand }
  | { kind: "ranked"; analysed: AnalysedQuestion; eligible: RankedSentence[] };

/** How a question is read: as typed, or with its kind given by the command that asked it (/who). */
export interface QuestionOptions {
  command?: CommandName;
  type?: QuestionType;
  /** The page asked for, when the answer is a listing that pages (the byline of many articles). */
  page?: number;
}

/**
 * Hard constraints for sentences of an article with curated facts, whose entities, days and types are
 * reliable: half of the question (idf-weighted) must be words the knowledge uses, and the thing
 * asked for ("which hotel …?") too; every entity the question names must be in the sentence ("did
 * Blinken meet Stoltenberg?" is not answered by Blinken meeting Lavrov), and likewise a day it names;
 * the sentence must hold what the type asks for. For an article without facts these come from
 * automatic extraction, which misses often (on SQuAD articles the vetoes cost a third of the right
 * answers), so there they only re-rank (rankSentences) and feed the refusal model.
 */
function meetsCuratedConstraints(
  context: AnswerContext,
  analysed: AnalysedQuestion,
  candidate: RankedSentence,
): boolean {
  return (
    !analysed.askedForUnknown &&
    analysed.coverage >= SEARCH_CONFIG.abstention.minCuratedCoverage &&
    (candidate.fitsType || PREFERENCE_ONLY.has(analysed.type)) &&
    candidate.entityHits >= analysed.entities.length &&
    analysed.days.every(
      (day) => context.features.of(candidate.sentence.id).days.includes(day) || inEventOn(context, candidate, day),
    )
  );
}

/**
 * Reads a question and either settles it (a route such as the byline or an entity's description, or a
 * refusal the knowledge itself justifies: a name or asked-for thing it never mentions, too little of
 * the question in it) or ranks the sentences that may answer it.
 */
export function considerQuestion(
  context: AnswerContext,
  query: string,
  question: string,
  options: QuestionOptions = {},
): ConsideredQuestion {
  const command = options.command ?? "ask";
  const settled = (answer: Answer): ConsideredQuestion => ({ kind: "settled", answer });
  const analysed = analyseQuestion(context.view, question, options.type);
  const asksAboutAuthor = namesAnAuthor(context, analysed);
  if (analysed.type === "meta" || asksAboutAuthor) {
    return settled(
      sourceAnswer(context, query, command, {
        aboutAuthor: asksAboutAuthor || AUTHOR_WORDS.test(analysed.folded),
        page: options.page,
      }),
    );
  }
  const listing = LISTING_INTENTS.find(([pattern]) => pattern.test(analysed.text));
  if (listing && command === "ask" && analysed.entities.length === 0) return { kind: "listing", command: listing[1] };
  if (analysed.contentWords.length === 0)
    return settled(context.factory.abstained(query, command, context.factory.messages.empty, suggestionsFor(context)));

  // A name the article never uses ("what did Xi Jinping say about Ukraine?") cannot be answered by
  // sentences about the other names in the question.
  const missingName = unknownName(analysed);
  if (missingName)
    return settled(abstain(context, query, command, analysed, context.factory.messages.nameNotMentioned(missingName)));
  if (analysed.isIdentity && (analysed.type === "who" || analysed.type === "what")) {
    const match = analysed.entities[0];
    const ref = bestRef(match?.refs ?? []);
    if (ref) return settled(entityAnswer(context, query, command, ref, match?.fuzzy ? undefined : match?.surface));
  }
  const speaker = analysed.type === "quote" ? bestRef(analysed.entities[0]?.refs ?? []) : undefined;
  if (speaker) {
    const quoted = speakerQuotes(context, query, command, speaker, analysed);
    // A person the article never quotes did not say it; a country or government may still state a position in reported speech.
    if (quoted.answered || speaker.entity.kind === "person") return settled(quoted);
  }
  if (analysed.coverage < SEARCH_CONFIG.abstention.minCoverage)
    return settled(abstain(context, query, command, analysed));

  // The answer's article must use most of the words the question typed: among many articles,
  // "capital" in some other article does not make "what is the capital of France?" answerable from
  // the one that lists France. A "who" question that says more than names needs a sentence sharing
  // some of it: "who is the mayor of Leeds?" is not answered by a sentence that only mentions Leeds.
  const wordTerms = analysed.contentWords.filter((word) => word.terms.length > 0).map((word) => word.terms);
  // The names the question gives must be in the answer's article, at least by one of their words: an
  // extraction may miss a name in a sentence, but an article that never prints "France" does not say
  // what France's capital is.
  const names = analysed.entities.map((match) => ({
    refs: match.refs,
    stems: words(match.surface)
      .filter((word) => !STOPWORDS.has(word))
      .map(stem),
  }));
  const printsTheNames = (articleIndex: number) =>
    names.every(
      ({ refs, stems }) =>
        refs.some((ref) => ref.articleIndex === articleIndex) ||
        stems.some((term) => context.view.sentences.articleHas(articleIndex, term)),
    );
  const eligible = rankSentences(context.view, context.features, analysed).filter(
    (candidate) =>
      context.view.sentences.articleHasMostOf(candidate.sentence.articleIndex, wordTerms) &&
      printsTheNames(candidate.sentence.articleIndex) &&
      (analysed.type !== "who" || analysed.terms.length === 0 || candidate.termScore > 0) &&
      (!context.view.isCurated(candidate.sentence.articleIndex) ||
        meetsCuratedConstraints(context, analysed, candidate)),
  );
  return { kind: "ranked", analysed, eligible };
}

/**
 * A free-text question: settled early, or answered from the best sentence unless the refusal model,
 * reading how well that sentence matches the question, judges the article does not answer it.
 */
export function answerQuestion(
  context: AnswerContext,
  query: string,
  question: string,
  options: QuestionOptions = {},
): Answer | { listing: ListingCommand } {
  const command = options.command ?? "ask";
  const considered = considerQuestion(context, query, question, options);
  if (considered.kind === "settled") return considered.answer;
  if (considered.kind === "listing") return { listing: considered.command };
  const { analysed, eligible } = considered;
  const top = eligible[0];
  if (!top || top.score < SEARCH_CONFIG.abstention.minScore) return abstain(context, query, command, analysed);
  // An answer from curated facts has passed hard constraints already; the model judges the others.
  if (
    !context.view.isCurated(top.sentence.articleIndex) &&
    refusalProbability(answerabilityFeatures(context.view, analysed, eligible)) >= REFUSAL_MODEL.threshold
  ) {
    return abstain(context, query, command, analysed);
  }

  const supporting = supportingSentences(top, eligible);
  const citations = context.factory.citationsOf(
    supporting.map(({ sentence }) => ({ articleIndex: sentence.articleIndex, number: sentence.number })),
  );
  return context.factory.answered(query, command, directAnswerText(context, analysed, top), citations);
}
