import type { Sentence } from "./schema.js";

const sentenceSegmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/**
 * Splits an article body into numbered sentences. Paragraph breaks always end a sentence;
 * inside a paragraph the ICU sentence rules (Intl.Segmenter) decide, so abbreviations and
 * closing quotes are handled by a maintained implementation rather than a regex.
 */
export function splitSentences(body: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const paragraph of body.split(/\r?\n/)) {
    for (const { segment } of sentenceSegmenter.segment(paragraph)) {
      const text = segment.trim();
      if (text.length > 0) sentences.push({ number: sentences.length + 1, text });
    }
  }
  return sentences;
}
