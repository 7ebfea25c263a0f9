import type { Answer, Citation, CommandName, Language, Suggestion } from "./answer.js";
import { type EngineMessages, engineMessages } from "./messages.js";
import type { KnowledgeView } from "./knowledgeView.js";
import { SEARCH_CONFIG } from "./searchConfig.js";

const MAX_LISTED_SOURCES = 5;

export interface SentenceRef {
  articleIndex: number;
  number: number;
}

function listSources(sources: readonly string[]): string {
  return sources.length <= MAX_LISTED_SOURCES
    ? sources.join(", ")
    : `${sources.slice(0, MAX_LISTED_SOURCES).join(", ")} and ${sources.length - MAX_LISTED_SOURCES} more`;
}

/**
 * Builds Answer values: verbatim citations, the source names they come from, and the limits on citations.
 * A factory answers one request (`answering`): every answer built for it says what it answered, and the engine's
 * own sentences come in the request's language (`messages`).
 */
export class AnswerFactory {
  private readonly knowledgeSources: string;
  /** The engine's own sentences, in the request's language. */
  readonly messages: EngineMessages;

  constructor(
    private readonly view: KnowledgeView,
    private readonly argument = "",
    knowledgeSources?: string,
    readonly language: Language = "en",
  ) {
    this.messages = engineMessages(language);
    // Listed once per knowledge: a factory per request reuses it (the list walks every article).
    this.knowledgeSources = knowledgeSources ?? listSources(view.allSources);
  }

  /** The same factory for a request about `argument`, worded in `language`. */
  answering(argument: string, language: Language = "en"): AnswerFactory {
    return new AnswerFactory(this.view, argument, this.knowledgeSources, language);
  }

  citation(ref: SentenceRef): Citation | undefined {
    const article = this.view.knowledge.articles[ref.articleIndex];
    const sentence = article?.sentences[ref.number - 1];
    return article && sentence ? { article: article.slug, sentence: sentence.number, text: sentence.text } : undefined;
  }

  citationsOf(refs: readonly SentenceRef[], limit: number = SEARCH_CONFIG.limits.citations): Citation[] {
    const seen = new Set<string>();
    const citations: Citation[] = [];
    for (const ref of refs) {
      const key = `${ref.articleIndex}:${ref.number}`;
      const citation = this.citation(ref);
      if (!citation || seen.has(key)) continue;
      seen.add(key);
      citations.push(citation);
      if (citations.length >= limit) break;
    }
    return citations;
  }

  /** The source names of the cited articles; with no citation, of the knowledge (the first few when there are many). */
  sourceOf(citations: readonly Citation[]): string {
    if (citations.length === 0) return this.knowledgeSources;
    return [...new Set(citations.flatMap((citation) => this.view.sourceOf(citation.article) ?? []))].join(", ");
  }

  answered(query: string, command: CommandName, text: string, citations: Citation[], page?: Answer["page"]): Answer {
    return {
      query,
      command,
      argument: this.argument,
      answered: true,
      text,
      citations,
      source: this.sourceOf(citations),
      suggestions: [],
      ...(page ? { page } : {}),
    };
  }

  abstained(query: string, command: CommandName, text: string, suggestions: Suggestion[]): Answer {
    return {
      query,
      command,
      argument: this.argument,
      answered: false,
      text,
      citations: [],
      source: this.sourceOf([]),
      suggestions: suggestions.slice(0, SEARCH_CONFIG.limits.suggestions),
    };
  }
}
