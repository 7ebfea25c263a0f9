import { namedDays } from "../text/days.js";
import { foldText } from "../text/normalize.js";
import { numberToken, numericValues } from "../text/numbers.js";
import { stem, STOPWORDS } from "../text/tokenize.js";
import { type EntityMatch, splitQueryWords } from "./entityIndex.js";
import type { KnowledgeView, TopicRef } from "./knowledgeView.js";
import { META_WORDS, namesTheArticle, questionType, type QuestionType } from "./questionType.js";
import { SEARCH_CONFIG } from "./searchConfig.js";
import type { WeightedTerm } from "./sentenceIndex.js";

export interface ContentWord {
  word: string;
  /** As the user typed it, for echoing a name back. */
  typed: string;
  /** The question's first word: capitalised for grammar, not because it is a name (a command's argument has no such word). */
  first: boolean;
  /** The index terms this word was searched as (itself, word family, corrections); empty for names. Synonyms and vector neighbours rank but are not listed. */
  terms: string[];
  known: boolean;
  weight: number;
}

export interface AnalysedQuestion {
  text: string;
  /** The question folded once (case, accents, quotes), for the answerers' phrase tests. */
  folded: string;
  type: QuestionType;
  entities: EntityMatch[];
  terms: WeightedTerm[];
  topics: Array<{ ref: TopicRef; hits: number }>;
  contentWords: ContentWord[];
  /** Share of the question's idf-weighted content the knowledge contains (0..1). */
  coverage: number;
  /** "who is X?" / "what is NATO?": the question is about nothing but the entities it names. */
  isIdentity: boolean;
  numbers: number[];
  /** Days the question names, in English ("viernes" → "friday"). */
  days: string[];
  /** "Which hotel …?": the thing asked for follows the question word, and the knowledge never uses it (nor a word of its family, nor a correction of it). */
  askedForUnknown: boolean;
}

// Verbs and fillers that frame a question without adding a topic ("what is …", "what happens on …",
// "according to …"), in English and Spanish; compared by stem so every inflection is covered.
const FRAME_STEMS: ReadonlySet<string> = new Set(
  (
    "be is are was were about mean happen happening going go goes went take took place get got make made people thing things " +
    "according exactly really role kind type sort actually currently now plan planning total overall entire whole " +
    "purpose aim goal reason deadline " +
    "es son fue fueron era eran sera seran estar esta estan estara estaran estuvo estaba pasa pasara paso pasado ocurre ocurrio " +
    "va van iba hace hizo hara tiene tienen tenia puede pueden hacer cosa cosas gente rol papel sobre segun ahora"
  )
    .split(/\s+/)
    .map(stem),
);

const HOW_WORDS: ReadonlySet<string> = new Set([
  "much",
  "many",
  "long",
  "often",
  "far",
  "soon",
  "big",
  "large",
  "frequent",
  "frequently",
]);

function hasAll(set: ReadonlySet<string>, items: readonly string[]): boolean {
  for (const item of items) if (!set.has(item)) return false;
  return true;
}

function sharesAny(small: ReadonlySet<string>, large: ReadonlySet<string>): boolean {
  for (const item of small) if (large.has(item)) return true;
  return false;
}

// The thing a question asks for follows its question word: "which hotel", "what is the price",
// "how many tanks", "cuántos tanques".
const ASKED_FOR =
  /\b(?:(?:which|what|cual|cuales|que)\s+(?:(?:is|are|was|were|es|son|fue)\s+)?(?:(?:the|a|an|el|la|los|las)\s+)?|(?:how (?:many|much)|cuant[oa]s?)\s+)([\p{L}]+)/u;

/** Is the thing asked for a word the knowledge lacks (nor a word of its family, nor a correction of it)? */
function isAskedForUnknown(folded: string, contentWords: readonly ContentWord[]): boolean {
  const asked = ASKED_FOR.exec(folded)?.[1];
  if (!asked) return false;
  const content = contentWords.find((word) => word.word === asked);
  return content !== undefined && !content.known;
}

/** Reads a free-text question into what ranking and abstention need; pure and fast (no NLP library). */
export function analyseQuestion(view: KnowledgeView, text: string, givenType?: QuestionType): AnalysedQuestion {
  const index = view.sentences;
  const query = splitQueryWords(text);
  const isKnownStem = (word: string) => index.has(stem(word));
  const entities = view.entities.find(query, isKnownStem, STOPWORDS);
  const inEntity = new Set(
    entities.flatMap((match) =>
      Array.from({ length: match.lastWord - match.firstWord + 1 }, (_, i) => match.firstWord + i),
    ),
  );

  const termWeights = new Map<string, number>();
  const addQueryTerm = (term: string, weight: number) =>
    termWeights.set(term, Math.max(termWeights.get(term) ?? 0, weight));
  const weights = SEARCH_CONFIG.weights;
  const unknownWeight = index.maxIdf * SEARCH_CONFIG.abstention.unknownWordWeight;
  const contentWords: ContentWord[] = [];
  const queryStems = new Set<string>();

  // Entity words are not searched as words: the entity bonus rewards every sentence that mentions the
  // entity, also by another of its names ("the US Secretary of State" for Blinken), equally.
  for (const match of entities) {
    for (let i = match.firstWord; i <= match.lastWord; i++) {
      const word = query.folded[i] ?? "";
      if (STOPWORDS.has(word)) continue;
      contentWords.push({
        word,
        typed: query.original[i] ?? word,
        first: i === 0 && givenType === undefined,
        known: true,
        weight: index.maxIdf * 0.8,
        terms: [],
      });
    }
  }

  query.folded.forEach((word, i) => {
    if (inEntity.has(i) || STOPWORDS.has(word) || FRAME_STEMS.has(stem(word)) || /^\d/.test(word)) return;
    // "how long", "how often": the second word is part of the question word, not a topic.
    if (query.folded[i - 1] === "how" && HOW_WORDS.has(word)) return;
    const typed = query.original[i] ?? word;
    const stemmed = stem(word);
    queryStems.add(stemmed);
    const wordTerms: string[] = [];
    // Terms found by meaning rank sentences but are not the word itself: the checks that the article
    // uses the question's words (coverage, articleHasMostOf) count only the others.
    const addTerm = (term: string, weight: number, rankingOnly = false) => {
      addQueryTerm(term, weight);
      if (!rankingOnly) wordTerms.push(term);
    };
    let known = false;
    let weight = unknownWeight;
    if (index.has(stemmed)) {
      addTerm(stemmed, weights.exact);
      known = true;
      weight = index.idf(stemmed);
    }
    if (!known) {
      const related = index.relatedStem(stemmed);
      if (related) {
        addTerm(related, weights.relatedWord);
        queryStems.add(related);
        known = true;
        weight = index.idf(related);
      }
    }
    // A synonym or derivation the knowledge uses ("assistance" for aid, "grateful" for thankful), by
    // WordNet, ranks sentences but does not make the word known: counted as known, synonyms let
    // off-topic questions through ("talks" is a synonym of "utterance") and cost refusals on every
    // set, where as ranking terms they only help (docs/ENGINE_DESIGN.md). Not for a capitalised word:
    // a name the article lacks relates to no word of it.
    const isName = i > 0 && /^\p{Lu}/u.test(typed);
    if (!known && !isName) {
      for (const related of view.relations.relatedStems(stemmed)) {
        if (!index.has(related)) continue;
        addTerm(related, weights.synonym, true);
        queryStems.add(related);
      }
    }
    // A word the knowledge never uses may still mean one it does ("soldiers" for troops): its
    // nearest words by vector, weighted by how near they are. Not for a capitalised word: a name the
    // article lacks ("Scholz", "Switzerland") is not another name that happens to be near it. A word
    // with a vector is a real word, not a typo to correct.
    const hasVector = view.neighbours.knows(word);
    if (!known && !isName && hasVector) {
      const semantic = SEARCH_CONFIG.semantic;
      for (const neighbour of view.neighbours.near(word, semantic.minCsls, semantic.maxNeighbours)) {
        addTerm(neighbour.term, weights.relatedWord * neighbour.similarity, true);
        queryStems.add(neighbour.term);
      }
    }
    // A capitalised word the article lacks is a name: correcting it into another word ("Macron" into
    // "macon") would answer about something else. Typos in names are caught by the entity index.
    if (!known && !isName && !hasVector) {
      const corrections = index.correct(word);
      for (const correction of corrections) {
        addTerm(correction.term, weights.exact / (1 + correction.edits));
        queryStems.add(correction.term);
      }
      const best = corrections[0];
      if (best) {
        known = true;
        weight = index.idf(best.term);
      }
    }
    contentWords.push({ word, typed, first: i === 0 && givenType === undefined, known, weight, terms: wordTerms });
  });

  const numbers = numericValues(text);
  for (const value of numbers) {
    const token = numberToken(value);
    const known = index.has(token);
    if (known) addQueryTerm(token, weights.exact * 2);
    contentWords.push({
      word: token,
      typed: String(value),
      first: false,
      known,
      weight: known ? index.idf(token) : unknownWeight,
      terms: known ? [token] : [],
    });
  }

  const topics: Array<{ ref: TopicRef; hits: number }> = [];
  for (const ref of view.topics) {
    // Plain loops and a quick skip: this runs over the keywords of every topic on each question (the
    // closures of filter/every were most of a question's garbage).
    if (!sharesAny(queryStems, ref.stems)) continue;
    let hits = 0;
    for (const stems of ref.keywordStems) if (hasAll(queryStems, stems)) hits += 1;
    if (hits > 0) topics.push({ ref, hits });
  }
  // "What was the source of the Rhine?" asks about the Rhine, not about where the article comes from:
  // a byline/source question names the article or says nothing else.
  const folded = foldText(text);
  const metaOnly = contentWords.every((content) => META_WORDS.has(content.word));
  const type = givenType ?? questionType(text, { meta: metaOnly || namesTheArticle(folded) });
  // A word the article lacks still counts as understood when a topic lists it ("money" → aid);
  // but not for "how many/much": a topic about troops does not give a count of tanks.
  for (const content of contentWords) {
    if (content.known || type === "amount") continue;
    const stemmed = stem(content.word);
    if (topics.some(({ ref }) => ref.stems.has(stemmed))) {
      content.known = true;
      content.weight = index.maxIdf * 0.5;
    }
  }

  const total = contentWords.reduce((sum, word) => sum + word.weight, 0);
  const known = contentWords.reduce((sum, word) => sum + (word.known ? word.weight : 0), 0);
  const nonEntityContent = contentWords.filter(
    (word) => !entities.some((match) => query.folded.slice(match.firstWord, match.lastWord + 1).includes(word.word)),
  );
  return {
    text,
    folded,
    type,
    entities,
    terms: [...termWeights].map(([term, weight]) => ({ term, weight })),
    topics: topics.sort((a, b) => b.hits - a.hits),
    contentWords,
    coverage: total === 0 ? 0 : known / total,
    isIdentity: entities.length > 0 && nonEntityContent.length === 0 && numbers.length === 0,
    numbers,
    days: namedDays(text),
    askedForUnknown: isAskedForUnknown(folded, contentWords),
  };
}
