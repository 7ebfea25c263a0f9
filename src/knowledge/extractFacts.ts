import { createRequire } from "node:module";
import type { Article, Entity, EntityKind, FactsFile, Figure, Quote, TimelineEvent } from "./schema.js";
import { nameKey } from "../text/normalize.js";
import { numericValues } from "../text/numbers.js";
import { timeExpressions } from "../text/timeExpressions.js";

type Compromise = typeof import("compromise").default;
let compromise: Compromise | undefined;

/**
 * compromise, loaded on the first extraction: it is the heaviest package to load (docs/ENGINE_DESIGN.md),
 * and knowledge whose articles all have facts files (the shipped seed) never needs it.
 */
function nlp(text: string): ReturnType<Compromise> {
  compromise ??= createRequire(import.meta.url)("compromise") as Compromise;
  return compromise(text);
}

const NAME = String.raw`\p{Lu}[\p{Ll}'’-]+`;
const PERSON_AFTER_ROLE = new RegExp(
  String.raw`\b(?:[Dd]irector|[Mm]inister|[Mm]ayor|[Cc]ouncill?or|[Ss]pokes(?:person|man|woman)|[Cc]hief|[Pp]resident|[Ss]ecretary|[Cc]hair(?:man|woman)?|[Ll]eader|[Hh]ead|[Oo]fficial|[Mm]anager|CEO|[Ff]ounder|[Pp]rofessor|[Jj]udge|[Ss]enator|[Gg]overnor)\s+(${NAME}\s+${NAME}(?:\s+${NAME})?)`,
  "gu",
);
const ORGANISATION_NAME = new RegExp(
  String.raw`(?:${NAME}\s+){1,3}(?:Rail|Council|Company|Corporation|Ltd|Inc|Group|Bank|Agency|Ministry|University|Party|Association|Union|Foundation|Institute|Authority|Airlines|Motors)\b`,
  "gu",
);
const PLACE_AFTER_PREPOSITION = new RegExp(
  String.raw`\b(?:in|at|near|from|outside)\s+(?:the\s+)?(${NAME}(?:\s+${NAME})?)`,
  "gu",
);
const WEEKDAY_ORDER = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

const TITLES =
  /^(?:(?:President|General|Secretary|Minister|Mayor|Governor|Senator|Chancellor|Prime|Councillor|Councilor|Councilman|Councilwoman|Commissioner|Director|Chief|Judge|Professor|Prof|Ambassador|Sir|Lady|Lord|King|Queen|Prince|Princess|Dr|Mr|Mrs|Ms)\.?\s+)+/;

/** Trims what compromise leaves around a name: punctuation, quotes, a possessive and leading titles. */
function cleanName(raw: string): string {
  return raw
    .replace(/[’']s\b/g, "")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, "")
    .replace(/\.$/, "")
    .replace(TITLES, "")
    .trim();
}

/** compromise sometimes returns a list as one match ("Germany, France"). */
function splitList(raw: string): string[] {
  return raw.split(/,\s*|\s+and\s+/);
}

function slugOf(name: string): string {
  return (
    nameKey(name)
      .replace(/\s+/g, "-")
      .replace(/[^a-z0-9-]/g, "") || "entity"
  );
}

/**
 * Facts for an article that has no facts file: people, places and organisations found by compromise,
 * days and dates, and amounts. Slow (tens of milliseconds an article), so the engine calls it lazily.
 */
export function extractFacts(article: Article): FactsFile {
  const byKey = new Map<string, Entity>();
  const addEntity = (raw: string, kind: EntityKind, sentenceNumber: number) => {
    for (const part of splitList(raw)) addOne(part, kind, sentenceNumber);
  };
  const addOne = (raw: string, kind: EntityKind, sentenceNumber: number) => {
    const name = cleanName(raw);
    if (name.length < 2 || TITLES.test(`${name} `) || !/^\p{Lu}/u.test(name)) return;
    const key = nameKey(name);
    const existing =
      byKey.get(key) ??
      [...byKey.values()].find(
        (entity) =>
          entity.kind === kind &&
          (entity.aliases.some((alias) => nameKey(alias) === key) || nameKey(entity.name).endsWith(` ${key}`)),
      );
    if (existing) {
      if (!existing.sentences.includes(sentenceNumber)) existing.sentences.push(sentenceNumber);
      return;
    }
    const parts = name.split(/\s+/);
    // People are also called by their surname and, in questions, by their first name.
    const aliases = kind === "person" && parts.length > 1 ? [parts[parts.length - 1] ?? name, parts[0] ?? name] : [];
    const entity: Entity = {
      id: slugOf(name),
      name,
      kind,
      aliases,
      description: `${name}, named in the article`,
      roles: [],
      related: [],
      sentences: [sentenceNumber],
    };
    byKey.set(key, entity);
  };

  // compromise misses names it has no lexicon entry for ("Transport director Priya Nair", "Northline Rail",
  // "in Ashford"); the surrounding words give them away.
  const addByContext = (text: string, number: number) => {
    for (const match of text.matchAll(PERSON_AFTER_ROLE)) if (match[1]) addEntity(match[1], "person", number);
    for (const match of text.matchAll(ORGANISATION_NAME)) addEntity(match[0], "organisation", number);
    for (const match of text.matchAll(PLACE_AFTER_PREPOSITION)) {
      const name = match[1];
      if (name && !byKey.has(nameKey(name)) && timeExpressions(name).length === 0) addEntity(name, "place", number);
    }
  };

  const timeline: TimelineEvent[] = [];
  const figures: Figure[] = [];
  for (const sentence of article.sentences) {
    const doc = nlp(sentence.text);
    for (const name of doc.people().out("array") as string[]) addEntity(name, "person", sentence.number);
    for (const name of doc.places().out("array") as string[]) addEntity(name, "place", sentence.number);
    for (const name of doc.organizations().out("array") as string[]) addEntity(name, "organisation", sentence.number);
    addByContext(sentence.text, sentence.number);
    for (const when of timeExpressions(sentence.text)) {
      const weekday = WEEKDAY_ORDER.indexOf(when.toLowerCase());
      timeline.push({
        id: `t${sentence.number}-${timeline.length + 1}`,
        when,
        order: weekday >= 0 ? weekday : 7 + sentence.number,
        what: sentence.text,
        who: [],
        sentences: [sentence.number],
      });
    }
    for (const money of doc.money().out("array") as string[]) {
      const value = numericValues(money)[0];
      const text = cleanName(money) || money;
      if (value !== undefined && sentence.text.includes(text))
        figures.push({
          id: `f${figures.length + 1}`,
          text,
          value,
          unit: "money",
          what: sentence.text,
          aliases: [],
          sentences: [sentence.number],
        });
    }
  }

  // Quotes: the words between quotation marks, said by the one person named in that sentence or,
  // for "…,” he said", in the sentence before.
  const quotes: Quote[] = [];
  const reportedQuotes: Quote[] = [];
  const people = [...byKey.values()].filter((entity) => entity.kind === "person");
  for (const sentence of article.sentences) {
    for (const match of sentence.text.matchAll(/“([^”]{3,})”|"([^"]{3,})"/g)) {
      const text = match[1] ?? match[2] ?? "";
      const speakerIn = (number: number) => people.filter((person) => person.sentences.includes(number));
      const here = speakerIn(sentence.number);
      const speaker = here.length === 1 ? here[0] : here.length === 0 ? speakerIn(sentence.number - 1)[0] : undefined;
      if (speaker) quotes.push({ id: `q${quotes.length + 1}`, speaker: speaker.id, text, sentence: sentence.number });
    }
    // Reported speech ("Priya Nair said the tram would …"): the words after the verb, attributed the same way.
    const reported = /\b(?:said|says|added|stated|argued|warned|told reporters)\s+(?:that\s+)?([^“”"]{12,})$/.exec(
      sentence.text,
    );
    if (reported?.[1] && !/[“”"]/.test(sentence.text)) {
      const here = people.filter((person) => person.sentences.includes(sentence.number));
      const speaker =
        here.length === 1
          ? here[0]
          : /^(?:He|She|They)\b/.test(sentence.text)
            ? people.filter((person) => person.sentences.includes(sentence.number - 1))[0]
            : undefined;
      if (speaker)
        reportedQuotes.push({
          id: `r${reportedQuotes.length + 1}`,
          speaker: speaker.id,
          text: reported[1],
          sentence: sentence.number,
        });
    }
  }
  // Direct quotes first: they are the speaker's own words.
  quotes.push(...reportedQuotes);

  // Collapse entities whose ids clash (two spellings folding alike) so ids stay unique.
  const entities: Entity[] = [];
  const seenIds = new Set<string>();
  for (const entity of byKey.values()) {
    let id = entity.id;
    for (let n = 2; seenIds.has(id); n++) id = `${entity.id}-${n}`;
    seenIds.add(id);
    const renamed = {
      ...entity,
      id,
      description: article.sentences[(entity.sentences[0] ?? 1) - 1]?.text ?? entity.description,
    };
    entities.push(renamed);
    for (const quote of quotes) if (quote.speaker === entity.id) quote.speaker = id;
  }
  return { entities, topics: [], timeline, quotes, figures };
}
