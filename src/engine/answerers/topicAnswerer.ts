import type { CommandName } from "../answer.js";
import { type Answerer } from "./answerContext.js";
import { answerQuestion } from "./askAnswerer.js";

/**
 * A command about one curated topic (/aid, /demands): the topic's answer and sentences from every
 * article that curates it; articles without facts are asked the equivalent question instead.
 */
export function topicAnswerer(command: CommandName, topicId: string, fallbackQuestion: string): Answerer {
  return (context, { query }) => {
    const topics = context.view.topics.filter(({ topic }) => topic.id === topicId);
    if (topics.length === 0) return answerQuestion(context, query, fallbackQuestion, command);
    const text = topics.map(({ topic }) => topic.answer).join("\n");
    const citations = context.factory.citationsOf(topics.flatMap(({ articleIndex, topic }) => topic.sentences.map((number) => ({ articleIndex, number }))));
    return context.factory.answered(query, command, text, citations);
  };
}

export const answerAid = topicAnswerer("aid", "aid", "how much aid, funding or money was announced?");
export const answerDemands = topicAnswerer("demands", "demands", "what are the demands?");
