import type { TimelineEvent } from "../../knowledge/schema.js";
import { foldText } from "../../text/normalize.js";
import type { AnalysedQuestion } from "../analyseQuestion.js";
import type { RankedSentence } from "../rankSentences.js";
import { type AnswerContext } from "./answerContext.js";

const MAX_SENTENCE_ANSWER = 240;

function shorten(text: string): string {
  return text.length > MAX_SENTENCE_ANSWER ? `${text.slice(0, MAX_SENTENCE_ANSWER - 1).trimEnd()}…` : text;
}

/**
 * The sentence, or for a long one the stretch of its clauses around what was asked (a date, a
 * number, a name), so the answer is never cut off before it. Clauses are split at commas, semicolons
 * and colons; the answer keeps adding the nearest clause while it fits.
 */
export function clauseHolding(text: string, evidence: readonly string[]): string {
  if (text.length <= MAX_SENTENCE_ANSWER) return text;
  const at = evidence
    .map((item) => text.indexOf(item))
    .filter((index) => index >= 0)
    .sort((a, b) => a - b)[0];
  if (at === undefined) return shorten(text);
  const clauses = text.split(/(?<=[,;:])\s+/);
  let start = 0;
  let offset = 0;
  clauses.forEach((clause, i) => {
    if (offset <= at) start = i;
    offset += clause.length + 1;
  });
  let first = start;
  let last = start;
  const joined = () => clauses.slice(first, last + 1).join(" ");
  for (let grew = true; grew;) {
    grew = false;
    if (last + 1 < clauses.length && joined().length + (clauses[last + 1]?.length ?? 0) < MAX_SENTENCE_ANSWER) {
      last += 1;
      grew = true;
    }
    if (first > 0 && joined().length + (clauses[first - 1]?.length ?? 0) < MAX_SENTENCE_ANSWER) {
      first -= 1;
      grew = true;
    }
  }
  return `${first > 0 ? "…" : ""}${shorten(joined())}${last < clauses.length - 1 ? "…" : ""}`;
}

function queryEntityIds(analysed: AnalysedQuestion): Set<string> {
  return new Set(analysed.entities.flatMap((match) => match.refs.map((ref) => ref.entity.id)));
}

/** The timeline event the top sentence belongs to, preferring one that involves the question's entities. */
function eventOf(context: AnswerContext, analysed: AnalysedQuestion, top: RankedSentence): TimelineEvent | undefined {
  const ids = queryEntityIds(analysed);
  const events = context.view
    .facts(top.sentence.articleIndex)
    .timeline.filter((event) => event.sentences.includes(top.sentence.number));
  const asked = analysed.folded;
  // The day the question names outweighs who is involved: "where is Blinken on Thursday?" is the Thursday event.
  const involvement = (event: TimelineEvent) =>
    event.who.filter((id) => ids.has(id)).length +
    (event.where && ids.has(event.where) ? 1 : 0) +
    (asked.includes(foldText(event.when)) ? 3 : 0);
  return events.sort((a, b) => involvement(b) - involvement(a))[0];
}

function entityName(context: AnswerContext, articleIndex: number, id: string): string | undefined {
  return context.view.facts(articleIndex).entities.find((entity) => entity.id === id)?.name;
}

/**
 * The short direct answer that leads a reply. From curated facts it is shaped by the question type: a
 * day for "when", a place for "where", an amount for "how much", a name for "who", the topic's answer
 * when the question is about a curated topic, and otherwise the best sentence itself.
 */
/**
 * For an article without facts: the sentence, or the clauses of a long one around what was asked.
 * Extracted names, days and figures are often wrong ("Pays de Caux" as a person, "today" as a date),
 * so they only locate the clause and never lead the answer as a label; and nothing is extracted here
 * that was not already (at scale, facts are extracted lazily, and an answer should not wait for it).
 */
function sentenceAnswer(context: AnswerContext, analysed: AnalysedQuestion, top: RankedSentence): string {
  const { articleIndex, number, text } = top.sentence;
  const features = context.features.of(top.sentence.id);
  const entities = context.view.knownFacts(articleIndex)?.entities ?? [];
  const namesIn = (kinds: readonly string[]) =>
    entities
      .filter((entity) => kinds.includes(entity.kind) && entity.sentences.includes(number))
      .map((entity) => entity.name);
  switch (analysed.type) {
    case "when":
      return clauseHolding(text, features.times);
    case "where":
      return clauseHolding(text, namesIn(["place", "country"]));
    case "amount":
      return clauseHolding(text, text.match(/\d[\d,.]*/g) ?? []);
    case "who":
      return clauseHolding(text, namesIn(["person", "organisation"]));
    default:
      return clauseHolding(text, []);
  }
}

export function directAnswerText(context: AnswerContext, analysed: AnalysedQuestion, top: RankedSentence): string {
  const { articleIndex, number, text } = top.sentence;
  if (!context.view.isCurated(articleIndex)) return sentenceAnswer(context, analysed, top);
  const facts = context.view.facts(articleIndex);
  const features = context.features.of(top.sentence.id);
  const askedIds = queryEntityIds(analysed);

  switch (analysed.type) {
    case "when": {
      const event = eventOf(context, analysed, top);
      if (event) return `${event.when}: ${event.what}`;
      return `${features.times.join(", ")}: ${shorten(text)}`;
    }
    case "where": {
      const event = eventOf(context, analysed, top);
      const place =
        event?.where && !askedIds.has(event.where) ? entityName(context, articleIndex, event.where) : undefined;
      if (event && place) return `${place} (${event.when}): ${event.what}`;
      const places = features.places
        .filter((id) => !askedIds.has(id))
        .flatMap((id) => entityName(context, articleIndex, id) ?? []);
      return places.length > 0 ? `${places.join(", ")}: ${shorten(text)}` : shorten(text);
    }
    case "amount": {
      const figure = facts.figures.find((candidate) => candidate.sentences.includes(number));
      return figure ? `${figure.text}: ${figure.what}` : shorten(text);
    }
    case "who": {
      const people = facts.entities
        .filter((entity) => entity.kind === "person" && entity.sentences.includes(number) && !askedIds.has(entity.id))
        .map((entity) => entity.name);
      return people.length > 0 ? `${people.join(" and ")}: ${shorten(text)}` : shorten(text);
    }
    case "quote": {
      const quote = facts.quotes.find((candidate) => candidate.sentence === number);
      const speaker = quote ? entityName(context, articleIndex, quote.speaker) : undefined;
      return quote && speaker ? `${speaker} said: “${quote.text.replace(/^[“"]|[”"]$/g, "")}”` : shorten(text);
    }
    case "why":
    case "condition":
      return shorten(text);
    default: {
      const topic = analysed.topics.find(
        ({ ref }) => ref.articleIndex === articleIndex && ref.topic.sentences.includes(number),
      );
      return topic ? topic.ref.topic.answer : shorten(text);
    }
  }
}
