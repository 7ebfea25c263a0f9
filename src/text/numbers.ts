import { foldText } from "./normalize.js";

const MULTIPLIERS: Readonly<Record<string, number>> = Object.freeze({
  k: 1e3,
  thousand: 1e3,
  thousands: 1e3,
  mil: 1e3,
  m: 1e6,
  mn: 1e6,
  mio: 1e6,
  million: 1e6,
  millions: 1e6,
  millon: 1e6,
  millones: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
});

const NUMBER_WORDS: Readonly<Record<string, number>> = Object.freeze({
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  tens: 10,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  hundreds: 100,
  doscientos: 200,
});

const SCALE_WORD = /thousand|million|mill[oó]n|billion/i;

// "$200M", "US$ 200 million", "200 millones", "1,500", "2.5bn": one number, optionally with a multiplier word.
const AMOUNT =
  /(?:us\$|\$|€|£)?\s?(\d{1,3}(?:[,.]\d{3})+|\d+(?:\.\d+)?)\s?(k|m|mn|mio|bn|b|thousands?|millions?|millones|millon|billions?|mil)?\b/g;

/**
 * The numeric values a text states, normalised ("200 million dollars" and "$200M" both give 200000000),
 * so that a question and a sentence match on the value rather than on how it is written.
 */
export function numericValues(text: string): number[] {
  const hasDigits = /\d/.test(text);
  const hasScaleWord = SCALE_WORD.test(text);
  if (!hasDigits && !hasScaleWord) return [];
  const folded = foldText(text);
  const values: number[] = [];
  for (const match of hasDigits ? folded.matchAll(AMOUNT) : []) {
    const [, digits = "", multiplierWord] = match;
    const base = Number(/^\d{1,3}(?:[,.]\d{3})+$/.test(digits) ? digits.replace(/[,.]/g, "") : digits);
    if (!Number.isFinite(base)) continue;
    const multiplier = multiplierWord ? (MULTIPLIERS[multiplierWord] ?? 1) : 1;
    values.push(base * multiplier);
  }
  for (const match of hasScaleWord
    ? folded.matchAll(/\b([a-z]+)\s+(thousands?|millions?|millones|billions?)\b/g)
    : []) {
    const [, word = "", multiplierWord = ""] = match;
    const base = NUMBER_WORDS[word];
    if (base !== undefined) values.push(base * (MULTIPLIERS[multiplierWord] ?? 1));
  }
  return values;
}

/** The index token a numeric value is stored and searched under. */
export function numberToken(value: number): string {
  return `#${value}`;
}
