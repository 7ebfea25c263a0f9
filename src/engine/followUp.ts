import type { EntityKind } from "../knowledge/schema.js";
import { parseInput } from "./parseInput.js";

/**
 * Follow-up questions, read as plain text rewriting: "and where will he meet Blinken?" after "who is Lavrov?" is
 * asked as "where will Sergei Lavrov meet Blinken?". The engine ranks bags of words, so a rewritten question needs no
 * grammar, only the right names or words; and it is self-contained, so paging and feedback re-run it as it is.
 */

/** How a question reads in its conversation. */
export type FollowUpReading =
  | { kind: "fresh" }
  | { kind: "resolved"; question: string; about: string }
  /** It points back at a person, but no earlier turn names one it can be. */
  | { kind: "unresolved"; reference: string };

export type Gender = "male" | "female";

/** Something a turn is about: an entity of the knowledge. */
export interface Subject {
  id: string;
  name: string;
  kind: EntityKind;
  /** For people: the pronouns the article uses for them, when it is clear. */
  gender?: Gender | undefined;
}

/** A subject as a text names it, at word positions counted like the engine's own question reader counts them. */
export interface NamedSubject extends Subject {
  /** The words as typed. */
  surface: string;
  firstWord: number;
}

/** What reading a conversation needs from the engine, kept behind functions so that this module is text work only. */
export interface ConversationTools {
  /** The entities a text names, in the order it names them. */
  named(text: string): NamedSubject[];
  /** The entities the answer to a question names that the question does not ("who is Russia's foreign minister?" → Sergei Lavrov). */
  answered(question: string): Subject[];
}

/** A conversation is bounded: turns older than these are forgotten, as a person would. */
export const MAX_EARLIER_TURNS = 5;

type PointsAt = Gender | "group" | "thing" | "any";

interface PronounGroup {
  words: readonly string[];
  points: PointsAt;
  possessive: boolean;
}

/** Pronouns that point back, by what they can point at. */
const PRONOUNS: readonly PronounGroup[] = [
  { words: ["he", "him", "él"], points: "male", possessive: false },
  { words: ["his"], points: "male", possessive: true },
  { words: ["she", "hers", "ella"], points: "female", possessive: false },
  { words: ["her"], points: "female", possessive: true },
  { words: ["they", "them", "ellos", "ellas"], points: "group", possessive: false },
  { words: ["their"], points: "group", possessive: true },
  { words: ["it"], points: "thing", possessive: false },
  { words: ["its"], points: "thing", possessive: true },
  { words: ["su", "sus"], points: "any", possessive: false },
];

const PRONOUN_BY_WORD = new Map(PRONOUNS.flatMap((group) => group.words.map((word) => [word, group] as const)));

/** Openings that continue the conversation rather than start one. */
const CONTINUATION =
  /^\s*([¿¡]?)\s*(?:and what about|and how about|what about|how about|and|also|then|y qu[eé] (?:hay )?(?:de|con)|y)\b[\s,]*/iu;

const QUESTION_WORD_PATTERN =
  "how (?:much|many|long|often|far|soon)|who|whom|whose|what|which|when|where|why|how|por ?qu[eé]|qui[eé]n(?:es)?|qu[eé]|cu[aá]ndo|d[oó]nde|c[oó]mo|cu[aá]nt[oa]s?|cu[aá]l(?:es)?";
const QUESTION_WORD = new RegExp(`^\\s*[¿¡]?\\s*(${QUESTION_WORD_PATTERN})(?=$|[^\\p{L}])`, "iu");

/** "why?", "by when?", "¿dónde y cuándo?": question words, maybe with a preposition, and nothing else. */
const LONE_QUESTION = new RegExp(
  `^[\\s¿¡]*(?:(?:by|since|until|till|from|to|for|hasta|desde|para|de|a)\\s+)?(?:${QUESTION_WORD_PATTERN})(?:\\s+(?:and|or|y|o)\\s+(?:${QUESTION_WORD_PATTERN}))*[\\s?!.]*$`,
  "iu",
);

const ASKS_FOR_ENTITY = /^\s*[¿¡]?\s*(?:who|whom|which|qui[eé]n(?:es)?|cu[aá]l(?:es)?)(?=$|[^\p{L}])/iu;

/** A pronoun right after these (or first in the question) is the subject of its clause: "what does it say". */
const AUXILIARY_WORDS = new Set(
  "do does did is are was were will would can could has have had should must may might".split(" "),
);
const AUXILIARY = /^\s*(?:do|does|did|is|are|was|were|will|would|can|could|has|have|had|should)(?=\s)/i;

/** Words as the engine's question reader splits them ("'s" dropped), accents kept so that "él" is not "el". */
function wordsOf(text: string): string[] {
  return text
    .replace(/['’]s\b/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

const stripPunctuation = (text: string) => text.replace(/^[\s¿¡]+|[\s?!.]+$/gu, "");

/** Whether the question may lean on earlier turns (a pronoun, "and …", a lone "why?"). */
export function needsContext(text: string): boolean {
  if (CONTINUATION.test(text) || LONE_QUESTION.test(text)) return true;
  return wordsOf(text).some((word) => PRONOUN_BY_WORD.has(word.toLowerCase()));
}

/** Slash-style turns as the question they asked, so that "/who Lavrov" then "where will he meet Blinken?" works. */
function asQuestion(turn: string): string {
  const parsed = parseInput(turn);
  if (parsed.kind !== "request") return "";
  const { command, argument } = parsed;
  switch (command) {
    case "who":
      return argument ? `who is ${argument}?` : "";
    case "where":
      return argument ? `where is ${argument}?` : "where?";
    case "when":
      return argument ? `when ${argument}?` : "when?";
    case "quote":
      return argument ? `what did ${argument} say?` : "";
    case "aid":
    case "demands":
      return command;
    default:
      return argument;
  }
}

interface Turn {
  question: string;
  named: NamedSubject[];
}

/**
 * Reads `text` in the conversation `earlier` (oldest first). Each earlier turn is first read in its own context, so
 * a chain of follow-ups keeps its subject ("who is Lavrov?", "where will he meet Blinken?", "why?").
 */
export function readInConversation(
  tools: ConversationTools,
  earlier: readonly string[],
  text: string,
): FollowUpReading {
  const turns: Turn[] = [];
  for (const raw of earlier.slice(-MAX_EARLIER_TURNS)) {
    const question = asQuestion(raw);
    // "and?" or "/help" asks about nothing: it names no subject and has no words to stand in for "it".
    if (!/[\p{L}\p{N}]/u.test(question.replace(CONTINUATION, ""))) continue;
    const reading = new TurnReader(tools, turns).read(question);
    const asRead = reading.kind === "resolved" ? reading.question : question;
    turns.push({ question: asRead, named: tools.named(asRead) });
  }
  return new TurnReader(tools, turns).read(text);
}

class TurnReader {
  constructor(
    private readonly tools: ConversationTools,
    private readonly turns: readonly Turn[],
  ) {}

  read(text: string): FollowUpReading {
    const latest = this.turns.at(-1);
    if (!latest) return { kind: "fresh" };
    const continuation = CONTINUATION.exec(text);
    const rest = continuation ? `${continuation[1] ?? ""}${text.slice(continuation[0].length)}` : text;
    const named = this.tools.named(rest);
    const namedIds = new Set(named.map((entity) => entity.id));

    const pronoun = firstPronoun(rest, named);
    if (pronoun) return this.resolvePronoun(rest, pronoun, namedIds, latest);

    const bare = stripPunctuation(rest);
    if (bare === "") return { kind: "fresh" };
    if (LONE_QUESTION.test(rest))
      return { kind: "resolved", question: `${bare} ${contentOf(latest.question)}?`, about: this.aboutLatest() };
    if (!continuation) return { kind: "fresh" };

    // "and Putin?", "what about the aid?": the latest question, asked about something else or something more.
    if (!QUESTION_WORD.test(rest) && wordsOf(bare).length <= 5) {
      const replacing = named[0];
      const replaced = replacing && latest.named.find((entity) => sameFamily(entity, replacing));
      const question =
        replaced && latest.question.includes(replaced.surface)
          ? latest.question.replace(replaced.surface, () => bare)
          : `${stripPunctuation(latest.question)} ${bare}?`;
      return { kind: "resolved", question, about: replacing?.name ?? bare };
    }

    // "¿y qué dijo?", "and what did the talks achieve?": a question of its own, its subject left unsaid. Spanish
    // leaves it unsaid even beside other names ("¿y dónde se reunirá con Blinken?"), where English says "he".
    const dropsSubject = /^\s*[¿¡]?\s*y\b/iu.test(text);
    if (named.length > 0 && !dropsSubject) return { kind: "fresh" };
    const subject = this.latestSubject("any", namedIds);
    return subject
      ? { kind: "resolved", question: `${bare} ${subject.name}?`, about: subject.name }
      : { kind: "resolved", question: `${bare} ${contentOf(latest.question)}?`, about: `“${latest.question}”` };
  }

  private resolvePronoun(
    rest: string,
    pronoun: FoundPronoun,
    namedIds: ReadonlySet<string>,
    latest: Turn,
  ): FollowUpReading {
    const { group } = pronoun;
    // An object ("who announced it?", "does the US accept them?") is most often what was asked about, which need
    // not be an entity: the latest question's words stand in for it, and they hold its names too.
    const asObject = !group.possessive && !pronoun.isSubject && (group.points === "thing" || group.points === "group");
    const subject = asObject ? undefined : this.latestSubject(group.points, namedIds);
    if (subject)
      return { kind: "resolved", question: replacePronouns(rest, group.points, subject.name), about: subject.name };
    if (group.points === "male" || group.points === "female") return { kind: "unresolved", reference: pronoun.word };
    const content = contentOf(latest.question);
    if (content === "") return { kind: "fresh" };
    return { kind: "resolved", question: replacePronouns(rest, group.points, content), about: `“${latest.question}”` };
  }

  private aboutLatest(): string {
    return this.latestSubject("any", new Set())?.name ?? `“${this.turns.at(-1)?.question ?? ""}”`;
  }

  /** The newest turn's fitting subject: what its question names first, then what its answer named. */
  private latestSubject(points: PointsAt, exclude: ReadonlySet<string>): Subject | undefined {
    for (let index = this.turns.length - 1; index >= 0; index--) {
      const turn = this.turns[index];
      if (!turn) continue;
      const named = turn.named.filter((entity) => !exclude.has(entity.id));
      // "They" points into the latest turn only: its people, or a body it names; else the caller takes its words.
      if (points === "group") {
        const people = named.filter((entity) => entity.kind === "person");
        return people.length >= 2 ? groupOf(people) : named.find(isBody);
      }
      const found = named.find((entity) => fits(entity, points));
      if (found) return found;
      // A person may come from any answer ("what did the US announce?" → "did he …"); anything else only from the
      // answer to a question that asked for one ("who got the contract?" → "where is it based?"): after other
      // questions, "it" is what was asked about, not what the answer happens to name.
      if (points !== "male" && points !== "female" && !ASKS_FOR_ENTITY.test(turn.question)) continue;
      const answered = this.tools
        .answered(turn.question)
        .find((entity) => !exclude.has(entity.id) && fits(entity, points));
      if (answered) return answered;
    }
    return undefined;
  }
}

interface FoundPronoun {
  word: string;
  group: PronounGroup;
  /** The subject of its clause: first, or right after a question word or an auxiliary ("how will it react"). */
  isSubject: boolean;
}

/** The first pronoun that points outside the question: not one that an earlier name in the question explains. */
function firstPronoun(text: string, named: readonly NamedSubject[]): FoundPronoun | undefined {
  const words = wordsOf(text);
  for (let index = 0; index < words.length; index++) {
    const word = words[index] ?? "";
    const group = PRONOUN_BY_WORD.get(word.toLowerCase());
    if (!group) continue;
    if (named.some((entity) => entity.firstWord < index && fits(entity, group.points))) return undefined;
    const before = words[index - 1]?.toLowerCase();
    const isSubject = before === undefined || AUXILIARY_WORDS.has(before) || QUESTION_WORD.test(before);
    return { word, group, isSubject };
  }
  return undefined;
}

const isBody = (subject: Subject) => subject.kind === "organisation" || subject.kind === "country";

function fits(subject: Subject, points: PointsAt): boolean {
  switch (points) {
    case "male":
    case "female":
      return subject.kind === "person" && (subject.gender === undefined || subject.gender === points);
    case "thing":
      return subject.kind !== "person";
    case "group":
      return subject.kind !== "place";
    case "any":
      return true;
  }
}

/** "and Putin?" replaces the person the latest question named; "and Ukraine?" the country or body. */
function sameFamily(a: Subject, b: Subject): boolean {
  return (a.kind === "person") === (b.kind === "person");
}

function groupOf(people: readonly Subject[]): Subject {
  const names = people.map((person) => person.name);
  return {
    id: people.map((person) => person.id).join("+"),
    name: `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}`,
    kind: "person",
  };
}

function replacePronouns(text: string, points: PointsAt, name: string): string {
  let result = text;
  for (const group of PRONOUNS.filter((candidate) => candidate.points === points))
    for (const word of group.words) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, "giu");
      const replacement = group.possessive && /^[a-z]/i.test(word) ? `${name}'s` : name;
      result = result.replace(pattern, () => replacement);
    }
  return result;
}

/** What a question asks about, without its question word: "how much aid did the US give?" → "aid did the US give". */
function contentOf(question: string): string {
  const current = QUESTION_WORD.exec(question);
  const rest = current ? question.slice(current[0].length).replace(AUXILIARY, "") : question;
  return stripPunctuation(rest);
}
