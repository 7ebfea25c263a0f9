import type { GapEntry } from "./gapsReport.js";

/** The gaps report as plain text for a terminal. */
export function gapsText(entries: readonly GapEntry[], days: number): string {
  if (entries.length === 0) return `No refused or down-voted questions in the last ${days} days.\n`;
  const lines = [`Refused or down-voted questions, last ${days} days (${entries.length} groups):`, ""];
  for (const entry of entries) {
    lines.push(
      `${entry.count}× ${entry.question}`,
      `   refused ${entry.refused} · down-votes ${entry.downVotes} · last asked ${entry.lastAsked}`,
    );
    const others = entry.examples.filter((example) => example !== entry.question);
    if (others.length > 0) lines.push(`   also asked as: ${others.join(" | ")}`);
    lines.push(
      entry.nearest
        ? `   nearest: [${entry.nearest.article} ${entry.nearest.sentence}] ${entry.nearest.text}`
        : "   nearest: none",
      "",
    );
  }
  return `${lines.join("\n")}\n`;
}
