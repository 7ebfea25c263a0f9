import { STOPWORDS, stem } from "../text/tokenize.js";
import type { Answer, EngineRequest } from "./answer.js";
import { bestRef } from "./answerers/answerContext.js";
import { type EntityRef, splitQueryWords } from "./entityIndex.js";
import type { ConversationTools, Gender } from "./followUp.js";
import type { KnowledgeView } from "./knowledgeView.js";
import { pronounGender } from "./pronounGender.js";

/**
 * What reading a conversation needs from the knowledge: the entities a text names (with the pronouns their article
 * uses for people, worked out once per person), and the entities an earlier question's answer named.
 */
export function conversationTools(view: KnowledgeView, run: (request: EngineRequest) => Answer): ConversationTools {
  const genders = new Map<EntityRef["entity"], Gender | undefined>();
  const genderOf = (ref: EntityRef): Gender | undefined => {
    if (ref.entity.kind !== "person") return undefined;
    if (!genders.has(ref.entity)) {
      const article = view.knowledge.articles[ref.articleIndex];
      const people = view.facts(ref.articleIndex).entities.filter((entity) => entity.kind === "person");
      genders.set(
        ref.entity,
        pronounGender(ref.entity, people, (number) => article?.sentences[number - 1]?.text),
      );
    }
    return genders.get(ref.entity);
  };
  const named: ConversationTools["named"] = (text) =>
    view.entities
      .find(splitQueryWords(text), (word) => view.sentences.has(stem(word)), STOPWORDS)
      .sort((a, b) => a.firstWord - b.firstWord)
      .flatMap((match) => {
        const ref = bestRef(match.refs);
        if (!ref) return [];
        const { id, name, kind } = ref.entity;
        return [{ id, name, kind, gender: genderOf(ref), surface: match.surface, firstWord: match.firstWord }];
      });
  return {
    named,
    answered(question) {
      const answer = run({ command: "ask", argument: question });
      if (!answer.answered) return [];
      const asked = new Set(named(question).map((entity) => entity.id));
      return [answer.text, ...answer.citations.map((citation) => citation.text)]
        .flatMap(named)
        .filter((entity) => !asked.has(entity.id));
    },
  };
}
