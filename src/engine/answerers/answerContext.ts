import type { Answer, CommandName, Suggestion } from "../answer.js";
import { COMMAND_CATALOGUE } from "../commandCatalogue.js";
import { safeEcho } from "../parseInput.js";
import type { AnswerFactory } from "../answerFactory.js";
import type { EngineMessages } from "../messages.js";
import type { EntityRef } from "../entityIndex.js";
import type { Topic } from "../../knowledge/schema.js";
import type { KnowledgeView } from "../knowledgeView.js";
import type { SentenceFeatureCache } from "../sentenceFeatures.js";

/** What every answerer reads: the knowledge, the answer builder and the per-sentence feature cache. */
export interface AnswerContext {
  view: KnowledgeView;
  factory: AnswerFactory;
  features: SentenceFeatureCache;
}

/** One command's answer: the command, its argument and page, the original query for the Answer. */
export interface AnswerRequest {
  command: CommandName;
  query: string;
  argument: string;
  page: number;
}

export type Answerer = (context: AnswerContext, request: AnswerRequest) => Answer;

/** Slices a list into a page, clamping an out-of-range page to the last one. */
export function paginate<T>(
  items: readonly T[],
  page: number,
  pageSize: number,
): { items: T[]; page: { number: number; count: number } } {
  const count = Math.max(1, Math.ceil(items.length / pageSize));
  const number = Math.min(Math.max(1, page), count);
  return { items: items.slice((number - 1) * pageSize, number * pageSize), page: { number, count } };
}

/** The refs of an entity matched in several articles, curated ones first, then by how often it is cited. */
export function bestRef(refs: readonly EntityRef[]): EntityRef | undefined {
  return [...refs].sort((a, b) => b.entity.sentences.length - a.entity.sentences.length)[0];
}

export function whoSuggestion(messages: EngineMessages, name: string, kind = "person"): Suggestion {
  return {
    label: (kind === "person" ? messages.suggestWho(name) : messages.suggestAbout(name)).slice(0, 80),
    query: `/who ${name}`,
  };
}

/**
 * Things the article does cover, closest first: the entities and topics the question touched,
 * then the main people and the summary. Never an answer, only an offer.
 */
export function suggestionsFor(
  context: AnswerContext,
  touched: { entities?: readonly EntityRef[]; topics?: readonly Topic[] } = {},
): Suggestion[] {
  const suggestions: Suggestion[] = [];
  // A touched topic that has a command of its name (/aid) is offered as that command.
  for (const topic of touched.topics ?? []) {
    if (COMMAND_CATALOGUE.some((command) => command.name === topic.id))
      suggestions.push({ label: topic.name.slice(0, 80), query: `/${topic.id}` });
  }
  for (const ref of touched.entities ?? [])
    suggestions.push(whoSuggestion(context.factory.messages, ref.entity.name, ref.entity.kind));
  const mainPeople = context.view.entities.refs
    .filter((ref) => ref.entity.kind === "person")
    .sort((a, b) => b.entity.sentences.length - a.entity.sentences.length)
    .slice(0, 2);
  for (const ref of mainPeople) suggestions.push(whoSuggestion(context.factory.messages, ref.entity.name));
  suggestions.push({ label: context.factory.messages.suggestSummary, query: "/summary" });
  suggestions.push({ label: context.factory.messages.suggestTimeline, query: "/when" });
  const seen = new Set<string>();
  return suggestions.filter((suggestion) => !seen.has(suggestion.query) && seen.add(suggestion.query));
}

/** "“X” is not mentioned in the article", with what the article does cover: a name a command could not resolve. */
export function notMentioned(context: AnswerContext, query: string, command: CommandName, name: string): Answer {
  return context.factory.abstained(
    query,
    command,
    context.factory.messages.nameNotMentioned(safeEcho(name)),
    suggestionsFor(context),
  );
}
