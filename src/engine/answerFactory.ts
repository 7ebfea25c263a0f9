import type { Answer, Citation, CommandName, Suggestion } from "./answer.js";
import type { KnowledgeView } from "./knowledgeView.js";
import { SEARCH_CONFIG } from "./searchConfig.js";

export interface SentenceRef {
  articleIndex: number;
  number: number;
}

/** Builds Answer values: verbatim citations, the source names they come from, and the limits on citations. */
export class AnswerFactory {
  constructor(private readonly view: KnowledgeView) {}

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

  /** The source names of the cited articles; with no citation, of every article. */
  sourceOf(citations: readonly Citation[]): string {
    const slugs = citations.length > 0 ? new Set(citations.map((citation) => citation.article)) : undefined;
    const names = this.view.knowledge.articles.filter((article) => !slugs || slugs.has(article.slug)).map((article) => article.meta.source);
    return [...new Set(names)].join(", ");
  }

  answered(query: string, command: CommandName, text: string, citations: Citation[], page?: Answer["page"]): Answer {
    return { query, command, answered: true, text, citations, source: this.sourceOf(citations), suggestions: [], ...(page ? { page } : {}) };
  }

  abstained(query: string, command: CommandName, text: string, suggestions: Suggestion[]): Answer {
    return { query, command, answered: false, text, citations: [], source: this.sourceOf([]), suggestions: suggestions.slice(0, SEARCH_CONFIG.limits.suggestions) };
  }
}
