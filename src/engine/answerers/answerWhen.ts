import type { TimelineEvent } from "../../knowledge/schema.js";
import { type Answerer, paginate, suggestionsFor } from "./answerContext.js";

const EVENTS_PER_PAGE = 8;

/** /when: every dated event of every article, in order, one line each, paginated. */
export const answerWhen: Answerer = (context, { query, page }) => {
  const events: Array<{ articleIndex: number; event: TimelineEvent }> = [];
  for (const articleIndex of context.view.listedArticles) {
    for (const event of context.view.facts(articleIndex).timeline) events.push({ articleIndex, event });
  }
  if (events.length === 0)
    return context.factory.abstained(query, "when", context.factory.messages.noTimeline, suggestionsFor(context));
  events.sort((a, b) => a.articleIndex - b.articleIndex || a.event.order - b.event.order);
  const { items, page: pageInfo } = paginate(events, page, EVENTS_PER_PAGE);
  const text = items.map(({ event }) => `${event.when}: ${event.what}`).join("\n");
  const citations = context.factory.citationsOf(
    items.map(({ articleIndex, event }) => ({ articleIndex, number: event.sentences[0] ?? 1 })),
    EVENTS_PER_PAGE,
  );
  return context.factory.answered(query, "when", text, citations, pageInfo);
};
