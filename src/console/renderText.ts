import type { Answer } from "../engine/answer.js";

/** An Answer as plain text for a terminal: the subject a follow-up was read about, the direct answer, the quoted sentences, the source. */
export function renderText(answer: Answer): string {
  const lines = answer.about ? [`(about ${answer.about})`, answer.text] : [answer.text];
  for (const citation of answer.citations) lines.push(`  [${citation.sentence}] “${citation.text}”`);
  if (answer.page && answer.page.count > 1) {
    lines.push(
      `  (page ${answer.page.number} of ${answer.page.count}; add page:${Math.min(answer.page.number + 1, answer.page.count)} to the command for more)`,
    );
  }
  if (answer.suggestions.length > 0)
    lines.push(`  Try: ${answer.suggestions.map((suggestion) => suggestion.query).join("  ·  ")}`);
  if (answer.answered && answer.source) lines.push(`Source: ${answer.source}`);
  return lines.join("\n");
}
