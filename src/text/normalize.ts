// Printable ASCII plus tab/newline; anything else (accents, curly quotes, control characters) takes the full path.
const ASCII = /^[\t\n\r\x20-\x7E]*$/;

// The engine folds a question once (AnalysedQuestion.folded), but the text helpers it calls (days,
// numbers, question type) take raw text, as they do for sentences, and fold it again. Unicode
// normalisation is the costliest step of a Spanish question, so the last few folds are kept.
const RECENT_FOLDS_MAX = 64;
const RECENT_FOLD_MAX_LENGTH = 500;
const recentFolds = new Map<string, string>();

/** Folds case, accents and typographic quotes so "Ginebra", "GINEBRA" and "ginébra" compare equal. */
export function foldText(text: string): string {
  // Plain ASCII has no accents or typographic quotes to fold: most English text takes this path.
  if (ASCII.test(text)) return text.toLowerCase();
  const recent = recentFolds.get(text);
  if (recent !== undefined) return recent;
  const folded = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .toLowerCase();
  if (text.length <= RECENT_FOLD_MAX_LENGTH) {
    if (recentFolds.size >= RECENT_FOLDS_MAX) recentFolds.clear();
    recentFolds.set(text, folded);
  }
  return folded;
}

/** Words of a text after folding: letters and digits only, apostrophe-s dropped ("Russia's" → "russia"). */
export function words(text: string): string[] {
  if (ASCII.test(text)) {
    // The same result for plain ASCII, several times faster than the Unicode-aware path below.
    return text
      .toLowerCase()
      .replace(/'s\b/g, "")
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 0);
  }
  return foldText(text)
    .replace(/'s\b/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** The key two names are compared by: folded words joined by single spaces. */
export function nameKey(name: string): string {
  return words(name).join(" ");
}
