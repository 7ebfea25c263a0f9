/** Words that point back at an earlier turn's subject, in English and Spanish. */
const BACK_REFERENCE =
  /(?:^|[^\p{L}])(?:he|him|his|she|her|hers|they|them|their|it|its|él|ella|ellos|ellas|su|sus)(?=$|[^\p{L}])/iu;

/** Openings that continue a conversation: "and …", "what about …", "¿y …?", or a lone question word ("why?"). */
const CONTINUATION =
  /^\s*[¿¡]?\s*(?:and|also|then|y|e|what about|how about|and what about|y (?:qué|que) (?:hay )?de)\b|^\s*[¿]?\s*(?:why|when|where|how|who|what|por ?qu[ée]|cu[aá]ndo|d[oó]nde|c[oó]mo|qui[ée]n|qu[ée])\s*\??\s*$/iu;

/** Whether the question may lean on earlier turns (a pronoun, "and …", a lone "why?"). */
export function needsContext(text: string): boolean {
  return BACK_REFERENCE.test(text) || CONTINUATION.test(text);
}
