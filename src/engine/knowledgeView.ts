import { extractFacts } from "../knowledge/extractFacts.js";
import type { FactsFile, Knowledge, KnowledgeArticle, Topic } from "../knowledge/schema.js";
import { words } from "../text/normalize.js";
import { stem, STOPWORDS } from "../text/tokenize.js";
import { EntityIndex, type EntityRef } from "./entityIndex.js";
import { SEARCH_CONFIG } from "./searchConfig.js";
import { SentenceIndex } from "./sentenceIndex.js";

export interface TopicRef {
  articleIndex: number;
  topic: Topic;
  /** Stemmed keyword sets; a keyword matches when all its stems are in the question. */
  keywordStems: string[][];
}

/**
 * Everything the answerers read, built once from validated knowledge: the sentence index, each
 * article's facts (curated, or extracted), the entity index and the topic keywords.
 */
export class KnowledgeView {
  readonly sentences: SentenceIndex;
  readonly entities: EntityIndex;
  readonly topics: TopicRef[] = [];
  private readonly factsCache = new Map<number, FactsFile>();

  constructor(readonly knowledge: Knowledge) {
    this.sentences = new SentenceIndex(knowledge.articles);
    const eager = knowledge.articles.length <= SEARCH_CONFIG.eagerExtractionLimit;
    const entityRefs: EntityRef[] = [];
    knowledge.articles.forEach((article, articleIndex) => {
      if (!article.facts && !eager) return;
      const facts = this.facts(articleIndex);
      for (const entity of facts.entities) entityRefs.push({ articleIndex, entity });
      for (const topic of facts.topics) {
        const keywordStems = [topic.name, ...topic.keywords]
          .map((keyword) => words(keyword).filter((word) => !STOPWORDS.has(word)).map(stem))
          .filter((stems) => stems.length > 0);
        this.topics.push({ articleIndex, topic, keywordStems });
      }
    });
    this.entities = new EntityIndex(entityRefs);
  }

  article(articleIndex: number): KnowledgeArticle {
    const article = this.knowledge.articles[articleIndex];
    if (!article) throw new Error(`no article at index ${articleIndex}`);
    return article;
  }

  articleIndexOf(slug: string): number {
    return this.knowledge.articles.findIndex((article) => article.slug === slug);
  }

  /** Curated facts, or facts extracted from the text on first use and kept. */
  facts(articleIndex: number): FactsFile {
    const cached = this.factsCache.get(articleIndex);
    if (cached) return cached;
    const article = this.article(articleIndex);
    const facts = article.facts ?? extractFacts(article);
    this.factsCache.set(articleIndex, facts);
    return facts;
  }

  /** Index ids of the sentences an entity is cited in. */
  entitySentenceIds(ref: EntityRef): number[] {
    return ref.entity.sentences.flatMap((number) => this.sentences.idOf(ref.articleIndex, number) ?? []);
  }
}
