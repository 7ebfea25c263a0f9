/** Weekdays, relative days and periods, months with or without a day and year, centuries, years and decades. */
const DAY_OR_DATE =
  /\b(?:(?:in )?the (?:next|coming|last|past) (?:few )?(?:days|weeks|months|years)|next (?:week|month|year)|last (?:week|month|year)|this (?:week|month|year)|tonight|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tomorrow|yesterday|(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2})?(?:,?\s+\d{4})?|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)(?:\s+and\s+\d{1,2}(?:st|nd|rd|th))?\s+centur(?:y|ies)|(?:1[0-9]|20)\d{2}s?)\b/g;

/** Day and date expressions a sentence states ("Friday", "March 3, 2024", "the next few days"), in order. */
export function timeExpressions(sentence: string): string[] {
  return [...sentence.matchAll(DAY_OR_DATE)].map((match) => match[0]);
}
