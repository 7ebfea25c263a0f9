import { type EntityRef, splitQueryWords } from "../entityIndex.js";
import type { KnowledgeView } from "../knowledgeView.js";
import { stem, STOPWORDS } from "../../text/tokenize.js";
import { bestRef } from "./answerContext.js";

/** A name typed into /where or /quote, resolved by alias, spelling or typo; undefined when the article lacks it. */
export function resolveName(view: KnowledgeView, name: string, kinds?: ReadonlySet<string>): EntityRef | undefined {
  const exact = view.entities.lookup(name).filter((ref) => !kinds || kinds.has(ref.entity.kind));
  if (exact.length > 0) return bestRef(exact);
  const matches = view.entities.find(splitQueryWords(name), (word) => view.sentences.has(stem(word)), STOPWORDS);
  const refs = matches.flatMap((match) => match.refs).filter((ref) => !kinds || kinds.has(ref.entity.kind));
  return bestRef(refs);
}
