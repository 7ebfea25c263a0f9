import type { Knowledge } from "../knowledge/schema.js";
import {
  type Answer,
  type AutocompleteChoice,
  AutocompleteKind,
  type CommandName,
  EngineRequest,
  Language,
  type SentenceContext,
} from "./answer.js";
import { AnswerFactory } from "./answerFactory.js";
import { type AnswerContext, type Answerer, suggestionsFor } from "./answerers/answerContext.js";
import { answerAsk } from "./answerers/answerAsk.js";
import { answerHelp } from "./answerers/answerHelp.js";
import { answerQuote } from "./answerers/answerQuote.js";
import { answerSearch } from "./answerers/answerSearch.js";
import { answerSource } from "./answerers/answerSource.js";
import { answerSummary } from "./answerers/answerSummary.js";
import { answerWhen } from "./answerers/answerWhen.js";
import { answerTopic } from "./answerers/answerTopic.js";
import { answerWhere } from "./answerers/answerWhere.js";
import { answerWho } from "./answerers/answerWho.js";
import type { EntityRef } from "./entityIndex.js";
import { conversationTools } from "./conversationTools.js";
import { needsContext, readInConversation } from "./followUp.js";
import { KnowledgeView } from "./knowledgeView.js";
import { cleanInput, parseInput, safeEcho } from "./parseInput.js";
import { SEARCH_CONFIG } from "./searchConfig.js";
import { SentenceFeatureCache } from "./sentenceFeatures.js";
import { defaultWordRelations } from "../lexicon/defaultWordRelations.js";
import type { WordRelations } from "../lexicon/wordRelations.js";
import { WordVectors } from "../vectors/wordVectors.js";

export interface AskOptions {
  language?: Language;
  /**
   * The conversation so far: earlier questions of the same conversation, oldest first, as they were typed (slash
   * style too: "/who Lavrov"). A follow-up is read about the latest subject they name; other questions ignore them.
   */
  previous?: readonly string[];
}

/** The pure answer engine: built once from validated knowledge, then only reads. No Discord in here. */
export interface AnswerEngine {
  /**
   * Free text or slash-style text ("/who Lavrov", "<@123> who is lavrof?", "¿dónde?"). `language`: what the engine's
   * own sentences are worded in (refusals, help, suggestions); quotes stay verbatim. Never throws.
   */
  ask(input: string, options?: AskOptions): Answer;
  /**
   * Whether the text may lean on earlier turns ("and where will he meet Blinken?", "why?", "and Putin?"): adapters
   * read the conversation back (reply chain, thread, DM history) only then. Pure and cheap. Never throws.
   */
  needsContext(input: string): boolean;
  /** A structured request, as slash commands and buttons send it. Never throws. */
  run(request: EngineRequest): Answer;
  /** Up to 25 choices for a Discord autocomplete box; best first. Never throws. */
  autocomplete(kind: AutocompleteKind, partial: string): AutocompleteChoice[];
  /** The sentence with its neighbours, or undefined when the article or sentence does not exist. */
  context(article: string, sentence: number, radius?: number): SentenceContext | undefined;
  /**
   * Whether the next answer may be slow: some article's facts are still to be extracted on first use (lazy
   * extraction). The engine is synchronous, so an adapter with a deadline acknowledges first when this is true.
   */
  mayTakeLong(): boolean;
  readonly knowledge: Knowledge;
}

const ANSWERERS: Readonly<Record<CommandName, Answerer>> = Object.freeze({
  ask: (context, request) => {
    const answer = answerAsk(context, request);
    return "listing" in answer
      ? ANSWERERS[answer.listing](context, { ...request, command: answer.listing, argument: "", page: 1 })
      : answer;
  },
  who: answerWho,
  aid: answerTopic,
  demands: answerTopic,
  when: answerWhen,
  where: answerWhere,
  quote: answerQuote,
  search: answerSearch,
  summary: answerSummary,
  source: answerSource,
  help: answerHelp,
});

const AUTOCOMPLETE_KINDS: Readonly<Record<AutocompleteKind, ReadonlySet<string> | undefined>> = Object.freeze({
  who: undefined,
  where: new Set(["place", "country"]),
  quote: undefined,
});

/** General linguistic resources the engine reads besides the knowledge. */
export interface LexicalResources {
  /**
   * Let question words the knowledge lacks rank sentences by meaning (src/vectors). None by default:
   * measured side by side in `npm run eval -- --vectors`, they did not move any figure (see the
   * README), so the bot does not pay their 11 MB and their 300 MB package for nothing.
   */
  vectors?: WordVectors;
  /** WordNet synonyms and derivations (src/lexicon); the cached WordNet table by default. */
  relations?: WordRelations;
}

/** What every answerer reads, built once from validated knowledge (also for scripts that study the engine's decisions). */
export function createAnswerContext(knowledge: Knowledge, resources: LexicalResources = {}): AnswerContext {
  const view = new KnowledgeView(
    knowledge,
    resources.vectors ?? WordVectors.empty(),
    resources.relations ?? defaultWordRelations(),
  );
  return { view, factory: new AnswerFactory(view), features: new SentenceFeatureCache(view) };
}

export function createEngine(knowledge: Knowledge, resources: LexicalResources = {}): AnswerEngine {
  const context = createAnswerContext(knowledge, resources);
  const view = context.view;
  // Entity refs exist only for articles whose facts are loaded, so this never triggers an extraction.
  const isSpeaker = (ref: EntityRef) =>
    view.facts(ref.articleIndex).quotes.some((quote) => quote.speaker === ref.entity.id);

  const run = (request: EngineRequest, query?: string): Answer => {
    const parsed = EngineRequest.safeParse(request);
    if (!parsed.success)
      return context.factory.abstained(query ?? "", "help", context.factory.messages.empty, suggestionsFor(context));
    const { command, argument, page, language } = parsed.data;
    const cleaned = cleanInput(argument);
    const factory = context.factory.answering(cleaned, language);
    if (cleaned.length > SEARCH_CONFIG.limits.maxQuestionLength) {
      return factory.abstained(
        query ?? `/${command}`,
        command,
        factory.messages.tooLong(cleaned.length, SEARCH_CONFIG.limits.maxQuestionLength),
        [],
      );
    }
    return ANSWERERS[command](
      { ...context, factory },
      { command, query: query ?? (cleaned ? `/${command} ${cleaned}` : `/${command}`), argument: cleaned, page },
    );
  };

  const conversation = conversationTools(view, run);

  return {
    knowledge,
    run: (request) => run(request),
    mayTakeLong: () => view.mayExtract,
    needsContext: (input) => typeof input === "string" && needsContext(input),
    ask(input, options = {}) {
      const text = typeof input === "string" ? input : "";
      const language = Language.safeParse(options.language).data ?? "en";
      const factory = context.factory.answering("", language);
      const parsed = parseInput(text);
      const query = safeEcho(text, 200);
      switch (parsed.kind) {
        case "empty":
          return factory.abstained(query, "help", factory.messages.empty, suggestionsFor({ ...context, factory }));
        case "tooLong":
          return factory.abstained(
            query,
            "ask",
            factory.messages.tooLong(parsed.length, SEARCH_CONFIG.limits.maxQuestionLength),
            [],
          );
        case "unknownCommand":
          return factory.abstained(query, "help", factory.messages.unknownCommand(safeEcho(parsed.name, 32)), [
            { label: factory.messages.showHelp, query: "/help" },
          ]);
        case "request": {
          const request = { command: parsed.command, argument: parsed.argument, page: parsed.page, language };
          const earlier = Array.isArray(options.previous)
            ? options.previous.filter((turn) => typeof turn === "string")
            : [];
          if (request.command !== "ask" || earlier.length === 0) return run(request, query);
          const reading = readInConversation(conversation, earlier, request.argument);
          switch (reading.kind) {
            case "fresh":
              return run(request, query);
            case "unresolved":
              return factory.abstained(
                query,
                "ask",
                factory.messages.unresolvedReference(safeEcho(reading.reference, 20)),
                suggestionsFor({ ...context, factory }),
              );
            case "resolved":
              // Built from earlier questions, so it may be longer than the person's own: it is cut, never refused as too long.
              return {
                ...run(
                  { ...request, argument: reading.question.slice(0, SEARCH_CONFIG.limits.maxQuestionLength) },
                  query,
                ),
                about: cleanInput(reading.about).slice(0, 120),
              };
          }
        }
      }
    },
    autocomplete(kind, partial) {
      const parsedKind = AutocompleteKind.safeParse(kind);
      if (!parsedKind.success) return [];
      const text = cleanInput(typeof partial === "string" ? partial : "").slice(0, 100);
      let refs = view.entities.suggest(
        text,
        AUTOCOMPLETE_KINDS[parsedKind.data],
        SEARCH_CONFIG.limits.autocomplete * 2,
      );
      if (parsedKind.data === "quote") refs = refs.filter(isSpeaker);
      return refs.slice(0, SEARCH_CONFIG.limits.autocomplete).map((ref) => {
        const name = ref.entity.name.slice(0, 100);
        return { name, value: name };
      });
    },
    context(slug, sentence, radius = 1) {
      const articleIndex = view.articleIndexOf(slug);
      const article = knowledge.articles[articleIndex];
      if (!article || !Number.isInteger(sentence) || sentence < 1 || sentence > article.sentences.length)
        return undefined;
      const span = Math.max(0, Math.min(radius, 5));
      const sentences = article.sentences.slice(Math.max(0, sentence - 1 - span), sentence + span);
      return { article: slug, title: article.meta.title, source: article.meta.source, focus: sentence, sentences };
    },
  };
}
