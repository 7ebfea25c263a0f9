import { type Answerer, suggestionsFor } from "./answerContext.js";

/**
 * A command named after a curated topic (/aid, /demands: the topic ids the facts files give): the
 * topic's answer and sentences from every article that curates it. Without a curated topic the
 * command says so and offers what the knowledge covers; a free-text question (/ask) still searches
 * every article's sentences.
 */
export const answerTopic: Answerer = (context, { query, command }) => {
  const topics = context.view.topics.filter(({ topic }) => topic.id === command);
  if (topics.length === 0)
    return context.factory.abstained(
      query,
      command,
      context.factory.messages.noTopic(command),
      suggestionsFor(context),
    );
  const text = topics.map(({ topic }) => topic.answer).join("\n");
  const citations = context.factory.citationsOf(
    topics.flatMap(({ articleIndex, topic }) => topic.sentences.map((number) => ({ articleIndex, number }))),
  );
  return context.factory.answered(query, command, text, citations);
};
