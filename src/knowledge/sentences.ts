import type { Sentence } from "./schema.js";

const sentenceSegmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/**
 * Splits an article body into numbered sentences. Paragraph breaks always end a sentence;
 * inside a paragraph the ICU sentence rules (Intl.Segmenter) decide, so abbreviations and
 * closing quotes are handled by a maintained implementation rather than a regex.
 */
export function splitSentences(body: string): Sentence[] {
  const sentences: Sentence[] = [];
  // One segmenter pass over the whole body, cheaper than one pass per paragraph (ICU already breaks at
  // line ends); the split below keeps that guarantee explicit.
  for (const { segment } of sentenceSegmenter.segment(body)) {
    const lines = segment.includes("\n") ? segment.split(/\r?\n/) : [segment];
    for (const line of lines) {
      const text = line.trim();
      if (text.length > 0) sentences.push({ number: sentences.length + 1, text });
    }
  }
  return sentences;
}
