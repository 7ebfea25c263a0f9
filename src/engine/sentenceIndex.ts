import type { KnowledgeArticle } from "../knowledge/schema.js";
import { FuzzyWords } from "../text/fuzzyWords.js";
import { foldText } from "../text/normalize.js";
import { numberToken, numericValues } from "../text/numbers.js";
import { stem, STOPWORDS } from "../text/tokenize.js";
import { WordIds } from "../text/wordIds.js";
import { OccurrenceLog, Postings } from "./postings.js";
import { SEARCH_CONFIG } from "./searchConfig.js";
import { SentenceScores } from "./sentenceScores.js";

const RELATED_STEM_MIN = 5;

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

export interface IndexedSentence {
  /** Position in the index, used as the document id. */
  id: number;
  /** Position of the article in knowledge.articles. */
  articleIndex: number;
  /** 1-based number within the article. */
  number: number;
  text: string;
  /** Number of index terms, for BM25's length normalisation. */
  length: number;
}

/** A query term with the weight it carries (1 for a word typed exactly, less for a correction or a related word). */
export interface WeightedTerm {
  term: string;
  weight: number;
}

export interface ScoredSentence {
  sentence: IndexedSentence;
  score: number;
}

/**
 * BM25 over sentences, with an inverted index so a query only touches sentences that share a term,
 * and a Pass-Join index over the vocabulary so a misspelled word is corrected once, not compared
 * against every sentence. This is what keeps a question at 10,000 articles in milliseconds.
 */
export class SentenceIndex {
  readonly sentences: IndexedSentence[] = [];
  /** Term (stem or number token) → its id in `postings`. */
  private readonly termIds = new Map<string, number>();
  private readonly postings: Postings;
  /** Surface word (folded) → its index term; filled while indexing, since every word is stemmed once. */
  private readonly surfaceToTerm = new Map<string, string>();
  private readonly vocabulary: FuzzyWords;
  private readonly averageLength: number;
  private readonly articleOffsets: number[] = [];
  private readonly stemsByPrefix = new Map<string, string[]>();

  constructor(articles: readonly KnowledgeArticle[]) {
    let totalLength = 0;
    const wordIds = new WordIds();
    const occurrences = new OccurrenceLog();
    // Word id → its stem's term id (-1 for a stopword): one array read per word of the corpus.
    const termOfWord: number[] = [];
    articles.forEach((article, articleIndex) => {
      this.articleOffsets[articleIndex] = this.sentences.length;
      for (const sentence of article.sentences) {
        const id = this.sentences.length;
        let length = 0;
        const count = wordIds.scan(sentence.text);
        for (let i = 0; i < count; i += 1) {
          const wordId = wordIds.ids[i] ?? 0;
          let term = termOfWord[wordId];
          if (term === undefined) termOfWord[wordId] = term = this.termOfNewWord(wordIds.words[wordId] ?? "");
          if (term < 0) continue;
          occurrences.add(term, id);
          length += 1;
        }
        for (const value of numericValues(sentence.text)) {
          occurrences.add(this.termId(numberToken(value)), id);
          length += 1;
        }
        this.sentences.push({ id, articleIndex, number: sentence.number, text: sentence.text, length });
        totalLength += length;
      }
    });
    this.postings = Postings.fromOccurrences(this.termIds.size, occurrences);
    for (const term of this.termIds.keys()) {
      if (term.length < RELATED_STEM_MIN) continue;
      const prefix = term.slice(0, RELATED_STEM_MIN);
      const list = this.stemsByPrefix.get(prefix) ?? [];
      list.push(term);
      this.stemsByPrefix.set(prefix, list);
    }
    this.averageLength = this.sentences.length > 0 ? totalLength / this.sentences.length : 1;
    this.vocabulary = new FuzzyWords(this.surfaceToTerm.keys());
  }

  /** The term id a word of the corpus counts under, or -1 for a stopword; stems it (once per word). */
  private termOfNewWord(word: string): number {
    if (STOPWORDS.has(word)) return -1;
    const term = stem(word);
    this.surfaceToTerm.set(word, term);
    return this.termId(term);
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) this.termIds.set(term, (id = this.termIds.size));
    return id;
  }

  get size(): number {
    return this.sentences.length;
  }

  /** Every distinct word of the knowledge (folded) with the term it is indexed under. */
  words(): IterableIterator<[string, string]> {
    return this.surfaceToTerm.entries();
  }

  has(term: string): boolean {
    return this.termIds.has(term);
  }

  documentFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.postings.frequency(id);
  }

  /** Inverse document frequency (BM25+ style, never negative). */
  idf(term: string): number {
    const df = this.documentFrequency(term);
    return Math.log(1 + (this.sentences.length - df + 0.5) / (df + 0.5));
  }

  /** The idf of a word no sentence contains: the ceiling the weighting of unknown words is measured against. */
  get maxIdf(): number {
    return Math.log(1 + (this.sentences.length + 0.5) / 0.5);
  }

  /** Vocabulary words within a small edit distance of `word` (a typo such as "genava"), best first. */
  correct(word: string): Array<{ term: string; surface: string; edits: number }> {
    const config = SEARCH_CONFIG.vocabularyFuzzy;
    const folded = foldText(word);
    if (folded.length < config.minWordLength || /\d/.test(folded)) return [];
    return this.vocabulary
      .near(folded)
      .slice(0, config.maxCandidates)
      .flatMap(({ word: surface, edits }) => {
        const term = this.surfaceToTerm.get(surface);
        return term === undefined ? [] : [{ term, surface, edits }];
      });
  }

  /**
   * A vocabulary stem of the same word family ("oppos" → "opposit", "respond" → "respons"): the
   * stemmer stops at inflections, so derived forms are matched by a long shared beginning.
   */
  relatedStem(queryStem: string): string | undefined {
    if (queryStem.length < RELATED_STEM_MIN || /\d|^#/.test(queryStem)) return undefined;
    const prefix = queryStem.slice(0, RELATED_STEM_MIN);
    let best: string | undefined;
    for (const term of this.stemsByPrefix.get(prefix) ?? []) {
      const shared = commonPrefixLength(term, queryStem);
      if (shared >= Math.min(term.length, queryStem.length) - 1 && (!best || term.length < best.length)) best = term;
    }
    return best;
  }

  /** BM25 scores of every sentence sharing at least one term with the query. */
  score(terms: readonly WeightedTerm[]): SentenceScores {
    const { k1, b } = SEARCH_CONFIG.bm25;
    const scores = new SentenceScores(this.sentences.length);
    for (const { term, weight } of terms) {
      const termId = this.termIds.get(term);
      if (termId === undefined) continue;
      const idf = this.idf(term);
      this.postings.forEach(termId, (id, count) => {
        const length = this.sentences[id]?.length ?? this.averageLength;
        const tf = (count * (k1 + 1)) / (count + k1 * (1 - b + (b * length) / this.averageLength));
        scores.add(id, weight * idf * tf);
      });
    }
    return scores;
  }

  /**
   * Does the article use most of the question's words? Each group is one word's terms (itself, its
   * related words, corrections); a group counts when the article has any of them, and half of the groups
   * (rounded up) must count.
   */
  articleHasMostOf(articleIndex: number, groups: readonly (readonly string[])[]): boolean {
    if (groups.length === 0) return true;
    const first = this.articleOffsets[articleIndex] ?? 0;
    const end = this.articleOffsets[articleIndex + 1] ?? this.sentences.length;
    const present = groups.filter((terms) => terms.some((term) => this.occursBetween(term, first, end))).length;
    return present >= Math.ceil(groups.length / 2);
  }

  /** Does any sentence of the article contain the term? */
  articleHas(articleIndex: number, term: string): boolean {
    const first = this.articleOffsets[articleIndex] ?? 0;
    return this.occursBetween(term, first, this.articleOffsets[articleIndex + 1] ?? this.sentences.length);
  }

  private occursBetween(term: string, first: number, end: number): boolean {
    const termId = this.termIds.get(term);
    return termId !== undefined && this.postings.occursBetween(termId, first, end);
  }

  /** The index id of an article's sentence, for facts that cite sentence numbers. */
  idOf(articleIndex: number, number: number): number | undefined {
    const offset = this.articleOffsets[articleIndex];
    if (offset === undefined) return undefined;
    const sentence = this.sentences[offset + number - 1];
    return sentence && sentence.articleIndex === articleIndex ? sentence.id : undefined;
  }
}
