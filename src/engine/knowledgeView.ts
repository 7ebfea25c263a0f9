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

  /** 2 when the sentence prints the entity's name, 1 when it prints an alias ("the east"), 0 when it only refers to it. */
  private namingStrength(ref: EntityRef, number: number, typed?: string): number {
    const sentence = this.article(ref.articleIndex).sentences[number - 1];
    if (!sentence) return 0;
    const text = ` ${words(sentence.text).join(" ")} `;
    const prints = (alias: string) => {
      const key = words(alias).join(" ");
      return key.length > 0 && text.includes(` ${key} `);
    };
    if (typed !== undefined && prints(typed)) return 3;
    if (prints(ref.entity.name)) return 2;
    return ref.entity.aliases.some(prints) ? 1 : 0;
  }

  /**
   * Sentence numbers with the ones that print the name the user typed first, then the entity's name,
   * then its other aliases, then the rest; otherwise in the given order.
   */
  namingFirst(ref: EntityRef, numbers: readonly number[], typed?: string): number[] {
    const unique = [...new Set(numbers)];
    const strength = new Map(unique.map((number) => [number, this.namingStrength(ref, number, typed)]));
    return unique.map((number, i) => ({ number, i })).sort((a, b) => (strength.get(b.number) ?? 0) - (strength.get(a.number) ?? 0) || a.i - b.i).map(({ number }) => number);
  }

  /**
   * Index ids of the sentences that mention an entity (`direct`) and of those that mention an entity
   * related to it in either direction (`related`: a question about Russia accepts the Kremlin, one
   * about Kyiv accepts Ukraine).
   */
  entitySentenceIds(ref: EntityRef): { direct: number[]; related: number[] } {
    const toIds = (numbers: Iterable<number>) => [...numbers].flatMap((number) => this.sentences.idOf(ref.articleIndex, number) ?? []);
    const entities = this.facts(ref.articleIndex).entities;
    const relatedEntities = entities.filter((entity) => entity.related.includes(ref.entity.id) || ref.entity.related.includes(entity.id));
    const direct = new Set(ref.entity.sentences);
    const related = new Set(relatedEntities.flatMap((entity) => entity.sentences).filter((number) => !direct.has(number)));
    return { direct: toIds(direct), related: toIds(related) };
  }

}
