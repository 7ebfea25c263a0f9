import { extractFacts } from "../knowledge/extractFacts.js";
import type { FactsFile, Knowledge, KnowledgeArticle, Topic } from "../knowledge/schema.js";
import { words } from "../text/normalize.js";
import { stem, STOPWORDS } from "../text/tokenize.js";
import { EntityIndex, type EntityRef } from "./entityIndex.js";
import { SEARCH_CONFIG } from "./searchConfig.js";
import { SemanticNeighbours } from "./semanticNeighbours.js";
import { SentenceIndex } from "./sentenceIndex.js";
import { WordRelations } from "../lexicon/wordRelations.js";
import { WordVectors } from "../vectors/wordVectors.js";

export interface TopicRef {
  articleIndex: number;
  topic: Topic;
  /** Stemmed keyword sets; a keyword matches when all its stems are in the question. */
  keywordStems: string[][];
  /** Every stem of every keyword. */
  stems: ReadonlySet<string>;
}

/** Index ids of the sentences naming an entity, and of those naming an entity related to it. */
export interface EntitySentenceIds {
  readonly direct: readonly number[];
  readonly related: readonly number[];
}

/**
 * Everything the answerers read, built once from validated knowledge: the sentence index, each
 * article's facts (curated, or extracted), the entity index and the topic keywords.
 */
export class KnowledgeView {
  readonly sentences: SentenceIndex;
  readonly entities: EntityIndex;
  readonly topics: TopicRef[] = [];
  /**
   * Articles whose facts are at hand without extracting them: all of them in a small knowledge, only
   * the curated ones at scale. Listings (/when, /quote) cover these; questions reach every article.
   */
  readonly listedArticles: number[] = [];
  /** Words of each distinct byline's author name ("david", "william"), for "who is David William?". */
  readonly authorNames: string[][];
  /** Curated or extracted figures by value, so "$200M" finds the sentence that prints "200 million dollars". */
  readonly figuresByValue = new Map<number, Array<{ articleIndex: number; sentences: number[] }>>();
  private readonly sourceBySlug = new Map<string, string>();
  private readonly factsCache = new Map<number, FactsFile>();
  /** Articles without a facts file whose facts are not extracted yet (see `mayExtract`). */
  private unextracted: number;
  private readonly entitySentenceIdsCache = new WeakMap<EntityRef, EntitySentenceIds>();

  /** The knowledge's words by meaning, for question words it does not use. */
  readonly neighbours: SemanticNeighbours;

  constructor(
    readonly knowledge: Knowledge,
    vectors: WordVectors = WordVectors.empty(),
    /** Synonyms and derivations, for question words the knowledge does not use. */
    readonly relations: WordRelations = WordRelations.empty(),
  ) {
    this.sentences = new SentenceIndex(knowledge.articles);
    this.neighbours = new SemanticNeighbours(vectors, this.sentences.words());
    const eager = knowledge.articles.length <= SEARCH_CONFIG.eagerExtractionLimit;
    this.unextracted = knowledge.articles.filter((article) => !article.facts).length;
    const entityRefs: EntityRef[] = [];
    // Once each: every question is checked against every name, and at scale most bylines repeat ("Staff reporter").
    const authorNames = knowledge.articles
      .map((article) => words(article.meta.byline?.split(",")[0] ?? "").filter((word) => word.length > 2))
      .filter((name) => name.length > 0);
    this.authorNames = [...new Map(authorNames.map((name) => [name.join(" "), name])).values()];
    knowledge.articles.forEach((article, articleIndex) => {
      this.sourceBySlug.set(article.slug, article.meta.source);
      if (!article.facts && !eager) return;
      this.listedArticles.push(articleIndex);
      const facts = this.facts(articleIndex);
      for (const entity of facts.entities) entityRefs.push({ articleIndex, entity });
      for (const figure of facts.figures) {
        const list = this.figuresByValue.get(figure.value) ?? [];
        list.push({ articleIndex, sentences: figure.sentences });
        this.figuresByValue.set(figure.value, list);
      }
      for (const topic of facts.topics) {
        const keywordStems = [topic.name, ...topic.keywords]
          .map((keyword) =>
            words(keyword)
              .filter((word) => !STOPWORDS.has(word))
              .map(stem),
          )
          .filter((stems) => stems.length > 0);
        this.topics.push({ articleIndex, topic, keywordStems, stems: new Set(keywordStems.flat()) });
      }
    });
    this.entities = new EntityIndex(entityRefs);
  }

  sourceOf(slug: string): string | undefined {
    return this.sourceBySlug.get(slug);
  }

  /** Every source name once, in first-seen order. */
  get allSources(): string[] {
    return [...new Set(this.sourceBySlug.values())];
  }

  article(articleIndex: number): KnowledgeArticle {
    const article = this.knowledge.articles[articleIndex];
    if (!article) throw new Error(`no article at index ${articleIndex}`);
    return article;
  }

  articleIndexOf(slug: string): number {
    return this.knowledge.articles.findIndex((article) => article.slug === slug);
  }

  /**
   * Facts available without extracting them now: curated, already extracted, or (in a small
   * knowledge) extracted at start-up. Ranking reads this for every candidate; only the article an
   * answer comes from is worth an extraction.
   */
  knownFacts(articleIndex: number): FactsFile | undefined {
    return this.factsCache.get(articleIndex) ?? this.knowledge.articles[articleIndex]?.facts;
  }

  /** Does the article have a curated facts file (reliable entities, days and types), rather than extracted facts? */
  isCurated(articleIndex: number): boolean {
    return this.knowledge.articles[articleIndex]?.facts !== undefined;
  }

  /** Curated facts, or facts extracted from the text on first use and kept. */
  facts(articleIndex: number): FactsFile {
    const cached = this.factsCache.get(articleIndex);
    if (cached) return cached;
    const article = this.article(articleIndex);
    const facts = article.facts ?? extractFacts(article);
    if (!article.facts) this.unextracted -= 1;
    this.factsCache.set(articleIndex, facts);
    return facts;
  }

  /**
   * Whether an answer may still have to extract an article's facts first (tens of milliseconds an article, and the
   * first extraction loads compromise): true until every article without a facts file has been read once.
   */
  get mayExtract(): boolean {
    return this.unextracted > 0;
  }

  /** 2 when the sentence prints the entity's name, 1 when it prints an alias ("the east"), 0 when it only refers to it. */
  private namingStrength(ref: EntityRef, number: number, typed?: string): number {
    const id = this.sentences.idOf(ref.articleIndex, number);
    if (id === undefined) return 0;
    const text = this.paddedWords(id);
    const prints = (alias: string) => {
      const key = this.paddedKey(alias);
      return key.length > 2 && text.includes(key);
    };
    // What the user typed is not cached: the caches hold only what the knowledge contains, so they stay bounded.
    const typedKey = typed === undefined ? "" : ` ${words(typed).join(" ")} `;
    if (typedKey.length > 2 && text.includes(typedKey)) return 3;
    if (prints(ref.entity.name)) return 2;
    return ref.entity.aliases.some(prints) ? 1 : 0;
  }

  private readonly paddedWordsCache = new Map<number, string>();
  private readonly paddedKeyCache = new Map<string, string>();

  /** A sentence's folded words joined and padded with spaces, so " geneva " finds the whole word. */
  private paddedWords(id: number): string {
    let text = this.paddedWordsCache.get(id);
    if (text === undefined)
      this.paddedWordsCache.set(id, (text = ` ${words(this.sentences.sentences[id]?.text ?? "").join(" ")} `));
    return text;
  }

  /** Only for names and aliases of the knowledge. */
  private paddedKey(name: string): string {
    let key = this.paddedKeyCache.get(name);
    if (key === undefined) this.paddedKeyCache.set(name, (key = ` ${words(name).join(" ")} `));
    return key;
  }

  /**
   * Sentence numbers with the ones that print the name the user typed first, then the entity's name,
   * then its other aliases, then the rest; otherwise in the given order.
   */
  namingFirst(ref: EntityRef, numbers: readonly number[], typed?: string): number[] {
    const unique = [...new Set(numbers)];
    const strength = new Map(unique.map((number) => [number, this.namingStrength(ref, number, typed)]));
    return unique
      .map((number, i) => ({ number, i }))
      .sort((a, b) => (strength.get(b.number) ?? 0) - (strength.get(a.number) ?? 0) || a.i - b.i)
      .map(({ number }) => number);
  }

  /**
   * Index ids of the sentences that mention an entity (`direct`) and of those that mention an entity
   * related to it in either direction (`related`: a question about Russia accepts the Kremlin, one
   * about Kyiv accepts Ukraine).
   */
  entitySentenceIds(ref: EntityRef): EntitySentenceIds {
    // Facts never change once loaded, and ranking asks for the same entities on every question.
    let ids = this.entitySentenceIdsCache.get(ref);
    if (!ids) this.entitySentenceIdsCache.set(ref, (ids = this.findEntitySentenceIds(ref)));
    return ids;
  }

  private findEntitySentenceIds(ref: EntityRef): EntitySentenceIds {
    const toIds = (numbers: Iterable<number>) =>
      [...numbers].flatMap((number) => this.sentences.idOf(ref.articleIndex, number) ?? []);
    const entities = this.facts(ref.articleIndex).entities;
    const relatedEntities = entities.filter(
      (entity) => entity.related.includes(ref.entity.id) || ref.entity.related.includes(entity.id),
    );
    const direct = new Set(ref.entity.sentences);
    const related = new Set(
      relatedEntities.flatMap((entity) => entity.sentences).filter((number) => !direct.has(number)),
    );
    return { direct: toIds(direct), related: toIds(related) };
  }
}
