import { foldText } from "../text/normalize.js";
import type { AnalysedQuestion } from "./analyseQuestion.js";
import type { KnowledgeView } from "./knowledgeView.js";
import { SEARCH_CONFIG } from "./searchConfig.js";
import type { SentenceFeatureCache } from "./sentenceFeatures.js";
import type { IndexedSentence } from "./sentenceIndex.js";

const MAX_CANDIDATES = 40;

export interface RankedSentence {
  sentence: IndexedSentence;
  score: number;
  /** How many of the question's entities this sentence mentions. */
  entityHits: number;
  /** Whether the sentence has what the question type asks for. */
  fitsType: boolean;
  /** The BM25 part of the score: what the sentence shares with the question's words (names aside). */
  termScore: number;
}

/** Is one of the question's words counted by a number in the sentence ("12 stops", "84 million euros")? */
function countsAQueryTerm(countedStems: ReadonlySet<string>, queryTerms: ReadonlySet<string>): boolean {
  for (const term of queryTerms) if (countedStems.has(term)) return true;
  return false;
}

/** Does a sentence hold what the question type asks for? Types with no such need always fit. */
export function fitsQuestionType(
  analysed: AnalysedQuestion,
  features: ReturnType<SentenceFeatureCache["of"]>,
  queryPlaceIds: ReadonlySet<string>,
): boolean {
  switch (analysed.type) {
    case "when": {
      // A day the question already gives is not an answer to "what time on Friday …?".
      return features.times.some((time) => !analysed.days.includes(foldText(time)));
    }
    case "where":
      return (
        features.places.some((id) => !queryPlaceIds.has(id)) ||
        (features.places.length === 0 && features.hasLocativeName)
      );
    case "amount":
      return features.hasNumber;
    case "why":
      return features.hasReason;
    case "condition":
      return features.hasCondition;
    default:
      return true;
  }
}

/**
 * Scores sentences for a question: BM25 on its words, plus the facts — sentences that mention the
 * entities it names, belong to the topics it names, or hold the kind of thing it asks for.
 */
export function rankSentences(
  view: KnowledgeView,
  features: SentenceFeatureCache,
  analysed: AnalysedQuestion,
): RankedSentence[] {
  const weights = SEARCH_CONFIG.weights;
  const termScores = view.sentences.score(analysed.terms);
  const scores = termScores.copy();
  // A sentence is read with its neighbours: "It was …" continues the sentence before it, so a share of
  // what the neighbours match counts too (only for sentences that match something themselves).
  const contextShare = weights.neighbourContext;
  if (contextShare > 0) {
    for (const id of termScores.ids) {
      const sentence = view.sentences.sentences[id];
      if (!sentence) continue;
      let around = 0;
      for (const neighbour of [id - 1, id + 1])
        if (view.sentences.sentences[neighbour]?.articleIndex === sentence.articleIndex)
          around = Math.max(around, termScores.get(neighbour));
      scores.add(id, contextShare * around);
    }
  }
  const entityHits = new Map<number, number>();

  for (const match of analysed.entities) {
    const bonus = new Map<number, number>();
    for (const ref of match.refs) {
      const { direct, related } = view.entitySentenceIds(ref);
      for (const id of related)
        bonus.set(id, Math.max(bonus.get(id) ?? 0, weights.entity * weights.relatedEntityShare));
      for (const id of direct) bonus.set(id, weights.entity);
    }
    for (const [id, value] of bonus) {
      entityHits.set(id, (entityHits.get(id) ?? 0) + 1);
      scores.add(id, value);
    }
  }
  for (const value of analysed.numbers) {
    for (const figure of view.figuresByValue.get(value) ?? []) {
      for (const number of figure.sentences) {
        const id = view.sentences.idOf(figure.articleIndex, number);
        if (id !== undefined) scores.add(id, weights.entity);
      }
    }
  }
  for (const { ref, hits } of analysed.topics) {
    for (const number of ref.topic.sentences) {
      const id = view.sentences.idOf(ref.articleIndex, number);
      if (id !== undefined) scores.add(id, weights.topic * Math.min(hits, 1));
    }
  }

  const queryPlaceIds = new Set(
    analysed.entities.flatMap((match) =>
      match.refs
        .filter((ref) => ref.entity.kind === "place" || ref.entity.kind === "country")
        .map((ref) => ref.entity.id),
    ),
  );
  // Features can be costly (an uncurated article's facts are extracted on first use), so only the
  // strongest candidates are examined; the type bonus can reorder them but not lift a weak match.
  const candidates = scores.best(MAX_CANDIDATES);
  const queryTerms = new Set(analysed.terms.map(({ term }) => term));
  const ranked: RankedSentence[] = [];
  for (const id of candidates) {
    const base = scores.get(id);
    const sentence = view.sentences.sentences[id];
    if (!sentence) continue;
    const sentenceFeatures = features.of(id);
    const fitsType = fitsQuestionType(analysed, sentenceFeatures, queryPlaceIds);
    const typeBonus = fitsType && analysed.type !== "what" && analysed.type !== "who" ? weights.questionType : 0;
    let score = base + (analysed.type === "amount" && !sentenceFeatures.hasDigits ? typeBonus / 2 : typeBonus);
    // "How many stations?" is answered by "12 stops", where a number counts the thing asked about.
    if (analysed.type === "amount" && countsAQueryTerm(sentenceFeatures.countedStems, queryTerms))
      score += weights.questionType;
    ranked.push({ sentence, score, entityHits: entityHits.get(id) ?? 0, fitsType, termScore: termScores.get(id) });
  }
  return ranked.sort((a, b) => b.score - a.score || a.sentence.id - b.sentence.id);
}
