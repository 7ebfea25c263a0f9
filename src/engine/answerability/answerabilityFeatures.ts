import { words } from "../../text/normalize.js";
import { numberToken, numericValues } from "../../text/numbers.js";
import { stem, STOPWORDS } from "../../text/tokenize.js";
import type { AnalysedQuestion, ContentWord } from "../analyseQuestion.js";
import type { KnowledgeView } from "../knowledgeView.js";
import type { RankedSentence } from "../rankSentences.js";

/**
 * What the refusal model reads about a question and the best sentence found for it. Every feature is
 * a property of the match, not of particular words, so that a model trained on some articles carries
 * over to others. The order is the order of the model's weights.
 */
export const ANSWERABILITY_FEATURES = [
  /** Idf-weighted share of the question's words that the best sentence contains. */
  "sentenceShare",
  /** The same, for the best sentence read with its neighbours. */
  "windowShare",
  /** The same, for the best sentence's whole article. */
  "articleShare",
  /** Share of the question's idf-weighted words that the knowledge contains at all. */
  "coverage",
  /** How far the best sentence is ahead of the runner-up, relative to its score. */
  "margin",
  /** The question asks for a time, place or amount and the best sentence has none. */
  "typeMissing",
  /** Share of the names in the question that the best sentence mentions (1 with no names). */
  "entityShare",
  /** The rarest question word the best sentence lacks, as a share of the rarest possible. */
  "rarestMissing",
  /** A number or year in the question that the article never prints. */
  "numberMissing",
  /** "Which hotel …?" where the knowledge never uses the word asked for. */
  "askedForUnknown",
  /** log(1 + content words): longer questions have more ways to be half-matched. */
  "length",
] as const;
export type AnswerabilityFeature = (typeof ANSWERABILITY_FEATURES)[number];

/** Index terms of a sentence: stems of its non-stopwords and its number tokens, as the index has them. */
function sentenceTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const word of words(text)) {
    terms.add(word);
    if (!STOPWORDS.has(word)) terms.add(stem(word));
  }
  for (const value of numericValues(text)) terms.add(numberToken(value));
  return terms;
}

/** A content word is found in a sentence through any of its index terms, or (for a name's words) as itself. */
function found(word: ContentWord, terms: ReadonlySet<string>): boolean {
  if (word.terms.length === 0) return terms.has(word.word);
  return word.terms.some((term) => terms.has(term));
}

function weightedShare(contentWords: readonly ContentWord[], isFound: (word: ContentWord) => boolean): number {
  let total = 0;
  let hit = 0;
  for (const word of contentWords) {
    total += word.weight;
    if (isFound(word)) hit += word.weight;
  }
  return total === 0 ? 0 : hit / total;
}

/** The features of ANSWERABILITY_FEATURES, in that order, for the best-ranked sentence and its runner-up. */
export function answerabilityFeatures(
  view: KnowledgeView,
  analysed: AnalysedQuestion,
  ranked: readonly RankedSentence[],
): number[] {
  const top = ranked[0];
  if (!top) return ANSWERABILITY_FEATURES.map(() => 0);
  const { id, articleIndex } = top.sentence;
  const own = sentenceTerms(top.sentence.text);
  const window = new Set(own);
  for (const neighbour of [id - 1, id + 1]) {
    const sentence = view.sentences.sentences[neighbour];
    if (sentence?.articleIndex === articleIndex) for (const term of sentenceTerms(sentence.text)) window.add(term);
  }
  const inArticle = (word: ContentWord) =>
    word.terms.length === 0
      ? view.sentences.articleHas(articleIndex, stem(word.word))
      : word.terms.some((term) => view.sentences.articleHas(articleIndex, term));
  const runnerUp = ranked[1]?.score ?? 0;
  const typed = analysed.type === "when" || analysed.type === "where" || analysed.type === "amount";
  let rarestMissing = 0;
  for (const word of analysed.contentWords)
    if (!found(word, own)) rarestMissing = Math.max(rarestMissing, word.weight / view.sentences.maxIdf);
  const numberMissing = analysed.numbers.some((value) => !view.sentences.articleHas(articleIndex, numberToken(value)));
  const values: Record<AnswerabilityFeature, number> = {
    sentenceShare: weightedShare(analysed.contentWords, (word) => found(word, own)),
    windowShare: weightedShare(analysed.contentWords, (word) => found(word, window)),
    articleShare: weightedShare(analysed.contentWords, inArticle),
    coverage: analysed.coverage,
    margin: top.score > 0 ? Math.max(0, (top.score - runnerUp) / top.score) : 0,
    typeMissing: typed && !top.fitsType ? 1 : 0,
    entityShare: analysed.entities.length === 0 ? 1 : Math.min(1, top.entityHits / analysed.entities.length),
    rarestMissing,
    numberMissing: numberMissing ? 1 : 0,
    askedForUnknown: analysed.askedForUnknown ? 1 : 0,
    length: Math.log1p(analysed.contentWords.length),
  };
  return ANSWERABILITY_FEATURES.map((name) => values[name]);
}
