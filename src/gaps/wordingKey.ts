import { words } from "../text/normalize.js";
import { stem, STOPWORDS } from "../text/tokenize.js";

/**
 * What two questions worded alike share: their content words, stemmed, without order or repeats, so "capital of
 * France?" and "What's the capital of france" are one key ("capit franc"). A question of stop words only keeps
 * its words as they are, so that it is still grouped with itself.
 */
export function wordingKey(question: string): string {
  const all = words(question);
  const content = all.filter((word) => !STOPWORDS.has(word)).map(stem);
  return [...new Set(content.length > 0 ? content : all)].sort().join(" ");
}
