import { timeExpressions } from "../knowledge/extractFacts.js";
import { numericValues } from "../text/numbers.js";
import type { KnowledgeView } from "./knowledgeView.js";

export interface SentenceFeatures {
  times: string[];
  hasNumber: boolean;
  /** Entity ids of places and countries the sentence mentions. */
  places: string[];
  hasQuote: boolean;
}

const COUNT_WORDS = /\b(?:dozens|hundreds|thousands|millions|billions)\b/i;

/** What a sentence offers to typed questions (a day for "when", a place for "where"), computed on first use. */
export class SentenceFeatureCache {
  private readonly cache = new Map<number, SentenceFeatures>();

  constructor(private readonly view: KnowledgeView) {}

  of(id: number): SentenceFeatures {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const sentence = this.view.sentences.sentences[id];
    if (!sentence) return { times: [], hasNumber: false, places: [], hasQuote: false };
    const places = this.view
      .facts(sentence.articleIndex)
      .entities.filter((entity) => (entity.kind === "place" || entity.kind === "country") && entity.sentences.includes(sentence.number))
      .map((entity) => entity.id);
    const features: SentenceFeatures = {
      times: timeExpressions(sentence.text),
      hasNumber: numericValues(sentence.text).length > 0 || COUNT_WORDS.test(sentence.text),
      places,
      hasQuote: /[“”"]/.test(sentence.text),
    };
    this.cache.set(id, features);
    return features;
  }
}
