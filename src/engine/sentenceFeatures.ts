import { namedDays } from "../text/days.js";
import { words } from "../text/normalize.js";
import { numericValues } from "../text/numbers.js";
import { timeExpressions } from "../text/timeExpressions.js";
import { stem } from "../text/tokenize.js";
import type { KnowledgeView } from "./knowledgeView.js";

export interface SentenceFeatures {
  times: string[];
  /** Weekdays and relative days the sentence names, in English ("friday"). */
  days: string[];
  /** Stems of the words a number counts ("12 stops" → "stop"), for "how many …?". */
  countedStems: Set<string>;
  hasNumber: boolean;
  /** Digits, not only number words: "84 million euros" answers "how much" better than "twice". */
  hasDigits: boolean;
  /** A capitalised name after "in", "at", "near"…: a place even when no entity records it. */
  hasLocativeName: boolean;
  /** Entity ids of places and countries the sentence mentions. */
  places: string[];
  /** A purpose or cause ("to try to resume dialogue", "because …"), which "why" questions want. */
  hasReason: boolean;
  /** A condition ("in the event of", "if"), which "what happens if …" questions want. */
  hasCondition: boolean;
}

const MAX_CACHED = 50_000;
const COUNT_WORDS =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozens?|hundreds|thousands?|millions?|billions?|twice|percent|per cent)\b/i;

const REASON =
  /\b(?:because|since|so that|in order to|to try to|to overcome|due to|as a result|aims? to|in an effort to|to (?:discuss|resume|seek|avoid|prevent|secure|ensure))\b/i;

/** What a sentence offers to typed questions (a day for "when", a place for "where"), computed on first use. */
export class SentenceFeatureCache {
  private readonly cache = new Map<number, SentenceFeatures>();

  constructor(private readonly view: KnowledgeView) {}

  of(id: number): SentenceFeatures {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const sentence = this.view.sentences.sentences[id];
    if (!sentence)
      return {
        times: [],
        days: [],
        countedStems: new Set(),
        hasNumber: false,
        hasDigits: false,
        hasLocativeName: false,
        places: [],
        hasReason: false,
        hasCondition: false,
      };
    const places = (this.view.knownFacts(sentence.articleIndex)?.entities ?? [])
      .filter(
        (entity) =>
          (entity.kind === "place" || entity.kind === "country") && entity.sentences.includes(sentence.number),
      )
      .map((entity) => entity.id);
    const sentenceWords = words(sentence.text);
    const countedStems = new Set<string>();
    sentenceWords.forEach((word, i) => {
      if (/^\d/.test(word)) for (const next of sentenceWords.slice(i + 1, i + 4)) countedStems.add(stem(next));
    });
    const features: SentenceFeatures = {
      times: timeExpressions(sentence.text),
      days: namedDays(sentence.text),
      countedStems,
      hasNumber: numericValues(sentence.text).length > 0 || COUNT_WORDS.test(sentence.text),
      hasDigits: /\d/.test(sentence.text),
      hasLocativeName: /\b(?:in|at|near|outside|inside|to|from)\s+(?:the\s+)?\p{Lu}\p{L}+/u.test(sentence.text),
      places,
      hasReason: REASON.test(sentence.text),
      hasCondition: /\b(?:if|in the event of|in case of|unless|should .+ then)\b/i.test(sentence.text),
    };
    // Bounded: at 10,000 articles the candidates seen over a long run would otherwise all stay.
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(id, features);
    return features;
  }
}
