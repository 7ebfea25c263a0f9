import { foldText } from "../text/normalize.js";

export type QuestionType = "amount" | "when" | "where" | "who" | "why" | "condition" | "quote" | "meta" | "what";

// Order matters: "how much … when" is about an amount; "who said" is about a quote.
const PATTERNS: ReadonlyArray<readonly [QuestionType, RegExp]> = [
  // About the article itself, not its content: "where does the electricity come from?" is not.
  [
    "meta",
    /\b(?:who (?:wrote|writes|authored|published)|author|byline|writer|journalist|reporter|autor|quien (?:lo )?escribio|redacto|sources?|fuente|publication|newspaper|outlet|where (?:does|did) (?:this|it|the (?:article|story|text|news|piece|report))\b.*\bcome from|de donde (?:viene|proviene|sale) (?:este|el|la|esta) (?:articulo|noticia|texto)|which (?:site|paper|newspaper|medium|media))\b/,
  ],
  [
    "amount",
    /\b(?:how (?:much|many|large|big|long|often|far|frequent|frequently|popular)|what (?:amount|sum|figure)|what(?: is| was|s)? the (?:total |overall )?(?:cost|price|bill|budget|amount|sum)|cuant[oa]s?|que cantidad|how much money)\b/,
  ],
  [
    "quote",
    /\b(?:who said|quotes?|dijo|declaro)\b|\bwhat (?:did|does|has) (?!(?:the )?(?:article|text|story|it)\b)[\p{L} ]+ (?:say|said)\b/u,
  ],
  [
    "condition",
    /\b(?:what (?:will|would|could|might) happen if|what if|what happens if|que pasara si|que pasaria si|que ocurrira si)\b/,
  ],
  ["when", /\b(?:when|what (?:day|date|time|deadline)|which day|deadline|cuando|que dia|en que fecha|plazo)\b/],
  [
    "where",
    /\b(?:where|which (?:city|place|country)|what (?:city|place|country)|donde|en que (?:ciudad|lugar|pais)|adonde)\b/,
  ],
  ["who", /\b(?:who|whom|whose|quien|quienes)\b/],
  ["why", /\b(?:why|por que|porque|for what reason|reason|purpose|aim|goal|para que|objetivo)\b/],
];

/** Question words as people mistype them in chat; the stopword list drops the same spellings. */
const QUESTION_WORD_FIXES: Readonly<Record<string, string>> = Object.freeze({
  wher: "where",
  whre: "where",
  wat: "what",
  wht: "what",
  waht: "what",
  whn: "when",
  wen: "when",
  hw: "how",
  hwo: "how",
  woh: "who",
});
const QUESTION_WORD_TYPOS = new RegExp(`\\b(?:${Object.keys(QUESTION_WORD_FIXES).join("|")})\\b`, "g");

/** What kind of answer a free-text question wants, in English or Spanish; `meta` can be ruled out when the question is about something else. */
export function questionType(question: string, options: { meta: boolean } = { meta: true }): QuestionType {
  const folded = foldText(question).replace(QUESTION_WORD_TYPOS, (typo) => QUESTION_WORD_FIXES[typo] ?? typo);
  for (const [type, pattern] of PATTERNS) if ((options.meta || type !== "meta") && pattern.test(folded)) return type;
  return "what";
}

/** The words a question about the article itself is made of, besides stopwords ("who is the author?", "which newspaper?"). */
export const META_WORDS: ReadonlySet<string> = new Set(
  "author authored byline writer wrote written writes journalist reporter autor escribio redacto source sources fuente publication published newspaper outlet site paper medium media come article story text news piece report noticia articulo texto".split(
    " ",
  ),
);

/** Does the text point at the article itself ("this article", "the story")? */
export function namesTheArticle(folded: string): boolean {
  return /\b(?:this|the|este|esta|el|la)\s+(?:article|story|text|news|piece|report|articulo|noticia|texto)\b|\b(?:this|it|esto)\s*\??\s*$/.test(
    folded,
  );
}
