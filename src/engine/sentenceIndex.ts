import type { KnowledgeArticle } from "../knowledge/schema.js";
import { FuzzyWords } from "../text/fuzzyWords.js";
import { foldText, words } from "../text/normalize.js";
import { numberToken, numericValues } from "../text/numbers.js";
import { stem, STOPWORDS } from "../text/tokenize.js";
import { SEARCH_CONFIG } from "./searchConfig.js";

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

/** A query term with the weight it carries (1 for a word typed exactly, less for a correction or synonym). */
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
  /** Term → flat pairs [sentence id, count, sentence id, count, …]: far less garbage than one array per pair. */
  private readonly postings = new Map<string, number[]>();
  /** Surface word (folded) → its index term; filled while indexing, since every word is stemmed once. */
  private readonly surfaceToTerm: Map<string, string>;
  private readonly stemCache = new Map<string, string>();
  /** Stems each distinct word once: 180,000 sentences repeat the same few tens of thousands of words. */
  private readonly stemOnce = (word: string): string => {
    let term = this.stemCache.get(word);
    if (term === undefined) this.stemCache.set(word, (term = stem(word)));
    return term;
  };
  private readonly vocabulary: FuzzyWords;
  private readonly averageLength: number;
  private readonly articleOffsets: number[] = [];
  private readonly stemsByPrefix = new Map<string, string[]>();

  constructor(articles: readonly KnowledgeArticle[]) {
    let totalLength = 0;
    const postingsOfWord = new Map<string, number[]>();
    articles.forEach((article, articleIndex) => {
      this.articleOffsets[articleIndex] = this.sentences.length;
      for (const sentence of article.sentences) {
        const id = this.sentences.length;
        let length = 0;
        const post = (list: number[]) => {
          length += 1;
          // Postings are appended in id order, so a repeated term of this sentence is the last pair.
          if (list[list.length - 2] === id) list[list.length - 1] = (list[list.length - 1] ?? 0) + 1;
          else list.push(id, 1);
        };
        // One lookup per word: the word leads straight to its stem's postings (180,000 sentences
        // repeat a few tens of thousands of words).
        for (const word of words(sentence.text)) {
          if (STOPWORDS.has(word)) continue;
          let list = postingsOfWord.get(word);
          if (!list) postingsOfWord.set(word, (list = this.postingsOf(this.stemOnce(word))));
          post(list);
        }
        for (const value of numericValues(sentence.text)) post(this.postingsOf(numberToken(value)));
        this.sentences.push({ id, articleIndex, number: sentence.number, text: sentence.text, length });
        totalLength += length;
      }
    });
    for (const term of this.postings.keys()) {
      if (term.length < RELATED_STEM_MIN) continue;
      const prefix = term.slice(0, RELATED_STEM_MIN);
      const list = this.stemsByPrefix.get(prefix) ?? [];
      list.push(term);
      this.stemsByPrefix.set(prefix, list);
    }
    this.surfaceToTerm = this.stemCache;
    this.averageLength = this.sentences.length > 0 ? totalLength / this.sentences.length : 1;
    this.vocabulary = new FuzzyWords(this.surfaceToTerm.keys());
  }

  private postingsOf(term: string): number[] {
    let list = this.postings.get(term);
    if (!list) this.postings.set(term, (list = []));
    return list;
  }

  get size(): number {
    return this.sentences.length;
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  documentFrequency(term: string): number {
    return (this.postings.get(term)?.length ?? 0) / 2;
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
  score(terms: readonly WeightedTerm[]): Map<number, number> {
    const { k1, b } = SEARCH_CONFIG.bm25;
    const scores = new Map<number, number>();
    for (const { term, weight } of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (let i = 0; i < list.length; i += 2) {
        const id = list[i] ?? 0;
        const count = list[i + 1] ?? 0;
        const length = this.sentences[id]?.length ?? this.averageLength;
        const tf = (count * (k1 + 1)) / (count + k1 * (1 - b + (b * length) / this.averageLength));
        scores.set(id, (scores.get(id) ?? 0) + weight * idf * tf);
      }
    }
    return scores;
  }

  /**
   * Does the article use most of the question's words? Each group is one word's terms (itself, its
   * synonyms, corrections); a group counts when the article has any of them, and half of the groups
   * (rounded up) must count.
   */
  articleHasMostOf(articleIndex: number, groups: readonly (readonly string[])[]): boolean {
    if (groups.length === 0) return true;
    const first = this.articleOffsets[articleIndex] ?? 0;
    const end = this.articleOffsets[articleIndex + 1] ?? this.sentences.length;
    const present = groups.filter((terms) => terms.some((term) => this.occursBetween(term, first, end))).length;
    return present >= Math.ceil(groups.length / 2);
  }

  /** Binary search in the term's postings (sorted by sentence id) for an id in [first, end). */
  private occursBetween(term: string, first: number, end: number): boolean {
    const list = this.postings.get(term);
    if (!list) return false;
    let low = 0;
    let high = list.length / 2;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((list[middle * 2] ?? 0) < first) low = middle + 1;
      else high = middle;
    }
    const id = list[low * 2];
    return id !== undefined && id < end;
  }

  /** The index id of an article's sentence, for facts that cite sentence numbers. */
  idOf(articleIndex: number, number: number): number | undefined {
    const offset = this.articleOffsets[articleIndex];
    if (offset === undefined) return undefined;
    const sentence = this.sentences[offset + number - 1];
    return sentence && sentence.articleIndex === articleIndex ? sentence.id : undefined;
  }
}
