import type { Answer, CommandName } from "../answer.js";
import type { EntityRef } from "../entityIndex.js";
import type { AnswerContext } from "./answerContext.js";

/** "Who is X?": the curated description first, then the sentences that state X's roles, then the rest. */
export function entityAnswer(
  context: AnswerContext,
  query: string,
  command: CommandName,
  ref: EntityRef,
  typed?: string,
): Answer {
  const { entity, articleIndex } = ref;
  const roleSentences = entity.roles.flatMap((role) => role.sentences);
  const numbers = context.view.namingFirst(ref, [...roleSentences, ...entity.sentences], typed);
  const citations = context.factory.citationsOf(numbers.map((number) => ({ articleIndex, number })));
  const text = entity.description.startsWith(entity.name)
    ? entity.description
    : `${entity.name}: ${entity.description}`;
  return context.factory.answered(query, command, text, citations);
}
