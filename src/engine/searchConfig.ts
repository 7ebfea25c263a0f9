/**
 * Every ranking and matching knob of the engine, in one frozen object. Values were chosen by
 * running `npm run eval` (the question set in tests/eval) and `npm run bench`; change them there.
 */
export const SEARCH_CONFIG = Object.freeze({
  bm25: Object.freeze({ k1: 1.2, b: 0.5 }),
  /** Fuzzy matching of a query word against the article vocabulary (typos such as "lavrof"); edits allowed: see fuzzyWords.ts. */
  vocabularyFuzzy: Object.freeze({
    /** Words shorter than this are never corrected: too many short words are one letter apart ("tanks"/"talks"). */
    minWordLength: 6,
    maxCandidates: 3,
  }),
  /** Question words the knowledge lacks, matched to its words by word-vector cosine similarity. */
  semantic: Object.freeze({
    /** A neighbour must be nearer to the question word than words in general are, by this much (CSLS). */
    minCsls: 0,
    maxNeighbours: 3,
  }),
  /** Fuzzy matching of a query word against entity names and aliases ("stoltenburg"). */
  entityFuzzy: Object.freeze({ minWordLength: 4 }),
  /** Fuse.js options for the autocomplete box's last, fuzzy tier: accents ignored, a match anywhere in a name counts. */
  autocompleteFuse: Object.freeze({
    threshold: 0.34,
    ignoreDiacritics: true,
    ignoreLocation: true,
    includeScore: true,
  }),
  weights: Object.freeze({
    exact: 1,
    /** A word of the same family ("opposition" for oppose) or a vector neighbour, against 1 for the word itself. */
    relatedWord: 0.6,
    /** A WordNet synonym or derivation of the question's word ("assistance" for aid). */
    synonym: 0.5,
    /** Matched topic keyword: the topic's sentences get this much per keyword. */
    topic: 1,
    /** Per query entity that a sentence mentions (from curated or extracted facts). */
    entity: 2.5,
    /** Share of the entity bonus for a sentence that mentions only a related entity (the Kremlin for Russia). */
    relatedEntityShare: 0.4,
    /** The sentence has what the question type asks for (a day for "when", a place for "where", a number for "how much"). */
    questionType: 1.5,
    /** Share of the best neighbouring sentence's word score that a sentence adds to its own. */
    neighbourContext: 0.1,
  }),
  abstention: Object.freeze({
    /** Share of the question's content (idf-weighted) that must be found in the knowledge, or the question is off-topic. */
    minCoverage: 0.3,
    /** The same share, for an answer from curated facts; other answers are judged by the refusal model. */
    minCuratedCoverage: 0.5,
    /** Citations: runner-up sentences scoring at least this share of the best one are quoted too (at most three). */
    supportingShare: 0.4,
    /** Weight of a word the article never uses, relative to the rarest word it does use. */
    unknownWordWeight: 1,
    /** The best sentence's score must reach this. */
    minScore: 1,
  }),
  limits: Object.freeze({
    maxQuestionLength: 500,
    citations: 3,
    searchPageSize: 5,
    suggestions: 3,
    autocomplete: 25,
  }),
  /** Articles without a facts file get entities extracted with compromise at start-up up to this many; beyond, lazily. */
  eagerExtractionLimit: 50,
});
