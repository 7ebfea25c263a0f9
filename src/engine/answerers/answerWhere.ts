import type { TimelineEvent } from "../../knowledge/schema.js";
import { type Answerer, paginate, suggestionsFor, notMentioned } from "./answerContext.js";
import { resolveName } from "./resolveName.js";

const PLACE_KINDS: ReadonlySet<string> = new Set(["place", "country"]);
const PLACES_PER_PAGE = 8;

function eventLine(event: TimelineEvent): string {
  return `${event.when}: ${event.what}`;
}

/** /where [place]: what happens at one place, or every place the article names with what happens there. */
export const answerWhere: Answerer = (context, { query, argument, page }) => {
  if (argument.length > 0) {
    const ref = resolveName(context.view, argument, PLACE_KINDS) ?? resolveName(context.view, argument);
    if (!ref) return notMentioned(context, query, "where", argument);
    const events = context.view.facts(ref.articleIndex).timeline.filter((event) => event.where === ref.entity.id);
    const text = `${ref.entity.name}: ${events.length > 0 ? events.map(eventLine).join("; ") : ref.entity.description}`;
    const numbers = context.view.namingFirst(ref, [
      ...events.flatMap((event) => event.sentences),
      ...ref.entity.sentences,
    ]);
    return context.factory.answered(
      query,
      "where",
      text,
      context.factory.citationsOf(numbers.map((number) => ({ articleIndex: ref.articleIndex, number }))),
    );
  }

  const places = context.view.entities.refs.filter((ref) => PLACE_KINDS.has(ref.entity.kind));
  if (places.length === 0)
    return context.factory.abstained(query, "where", context.factory.messages.noPlaces, suggestionsFor(context));
  // Places where something happens first (they answer "where"), then the rest by how often they are cited.
  const eventsAt = (ref: (typeof places)[number]) =>
    context.view.facts(ref.articleIndex).timeline.filter((event) => event.where === ref.entity.id);
  const ordered = [...places].sort(
    (a, b) => eventsAt(b).length - eventsAt(a).length || b.entity.sentences.length - a.entity.sentences.length,
  );
  const { items, page: pageInfo } = paginate(ordered, page, PLACES_PER_PAGE);
  const text = items
    .map((ref) => {
      const events = eventsAt(ref);
      return events.length > 0
        ? `${ref.entity.name}: ${events.map(eventLine).join("; ")}`
        : `${ref.entity.name}: mentioned in sentence ${ref.entity.sentences.join(", ")}`;
    })
    .join("\n");
  const citations = context.factory.citationsOf(
    items.flatMap((ref) =>
      eventsAt(ref).flatMap((event) => event.sentences.map((number) => ({ articleIndex: ref.articleIndex, number }))),
    ),
  );
  return context.factory.answered(query, "where", text, citations, pageInfo);
};
