import type { EntityKind } from "../knowledge/schema.js";
import { parseInput } from "./parseInput.js";

/**
 * Follow-up questions, read as plain text rewriting: "and where will he meet Blinken?" after "who is Lavrov?" is
 * asked as "where will Sergei Lavrov meet Blinken?". The engine ranks bags of words, so a rewritten question needs no
 * grammar, only the right names; and the rewritten question is self-contained, so paging and feedback keep working.
 */

/** How a question reads in its conversation. */
export type FollowUpReading =
  | { kind: "fresh" }
  | { kind: "resolved"; question: string; about: string }
  /** It leans on an earlier turn, but no earlier turn names anything it can point at. */
  | { kind: "unresolved"; reference: string };

/** Something a turn is about: an entity of the knowledge. */
export interface Subject {
  id: string;
  name: string;
  kind: EntityKind;
}

/** A subject as a text names it, at word positions counted like the engine's own question reader counts them. */
export interface NamedSubject extends Subject {
  /** The words as typed. */
  surface: string;
  firstWord: number;
}

/** What reading a conversation needs from the engine, kept behind functions so this module stays plain text work. */
export interface ConversationTools {
  /** The entities a text names, in the order it names them. */
  named(text: string): NamedSubject[];
  /** The people an answer to the question names ("who is Russia's foreign minister?" → Sergei Lavrov). */
  answeredPeople(question: string): Subject[];
}

/** A conversation is bounded: older turns than these are forgotten, as a person would. */
export const MAX_EARLIER_TURNS = 5;

type PronounClass = "person" | "group" | "thing" | "any";

/** Pronouns that point back, by what they can point at; `strong` ones cannot be read without an antecedent. */
const PRONOUNS: ReadonlyArray<{
  words: readonly string[];
  points: PronounClass;
  possessive: boolean;
  strong: boolean;
}> = [
  { words: ["he", "him", "she", "hers", "él", "ella"], points: "person", possessive: false, strong: true },
  { words: ["his", "her"], points: "person", possessive: true, strong: true },
  { words: ["they", "them", "ellos", "ellas"], points: "group", possessive: false, strong: true },
  { words: ["their"], points: "group", possessive: true, strong: true },
  { words: ["it"], points: "thing", possessive: false, strong: false },
  { words: ["its"], points: "thing", possessive: true, strong: false },
  { words: ["su", "sus"], points: "any", possessive: false, strong: false },
];

const PRONOUN_BY_WORD = new Map(PRONOUNS.flatMap((group) => group.words.map((word) => [word, group] as const)));

/** Openings that continue the conversation rather than start one. */
const CONTINUATION =
  /^\s*([¿¡]?)\s*(?:and what about|and how about|what about|how about|and|also|then|y qu[eé] (?:hay )?(?:de|con)|y)\b[\s,]*/iu;

const QUESTION_WORD =
  /^\s*[¿¡]?\s*(how (?:much|many|long|often)|who|whom|whose|what|which|when|where|why|how|por ?qu[eé]|qui[eé]n(?:es)?|qu[eé]|cu[aá]ndo|d[oó]nde|c[oó]mo|cu[aá]nt[oa]s?|cu[aá]l(?:es)?)(?=$|[^\p{L}])/iu;

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
  if (CONTINUATION.test(text)) return true;
  if (isLoneQuestionWord(text)) return true;
  return wordsOf(text).some((word) => PRONOUN_BY_WORD.has(word.toLowerCase()));
}

function isLoneQuestionWord(text: string): boolean {
  const match = QUESTION_WORD.exec(text);
  return match !== null && stripPunctuation(text.slice(match[0].length)) === "";
}

/** Slash-style turns as the question they asked, so that "/who Lavrov" then "where will he meet Blinken?" works. */
function asQuestion(turn: string): string {
  const parsed = parseInput(turn);
  if (parsed.kind !== "request") return "";
  const { command, argument } = parsed;
  switch (command) {
    case "ask":
    case "search":
      return argument;
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
    if (question === "") continue;
    const reading = readTurn(tools, turns, question);
    const asRead = reading.kind === "resolved" ? reading.question : question;
    turns.push({ question: asRead, named: tools.named(asRead) });
  }
  return readTurn(tools, turns, text);
}

function readTurn(tools: ConversationTools, turns: readonly Turn[], text: string): FollowUpReading {
  const latest = turns.at(-1);
  if (!latest) return { kind: "fresh" };
  const continuation = CONTINUATION.exec(text);
  const rest = continuation ? `${continuation[1] ?? ""}${text.slice(continuation[0].length)}` : text;
  const named = tools.named(rest);

  const pronoun = firstPronoun(rest, named);
  // "it" points at what was asked about, which is often no entity ("how much aid …?" then "who announced it?"):
  // it is read as the latest question's words, which name the entity too when there is one.
  if (pronoun?.points === "thing") {
    const asked = stripPunctuation(withoutQuestionWord(latest.question));
    const question = asked === "" ? rest : replacePronouns(rest, "thing", { id: "", name: asked, kind: "place" });
    return asked === "" ? { kind: "fresh" } : { kind: "resolved", question, about: `“${latest.question}”` };
  }
  if (pronoun) {
    const subject = latestSubject(tools, turns, pronoun.points, new Set(named.map((entity) => entity.id)));
    if (!subject) return pronoun.strong ? { kind: "unresolved", reference: pronoun.word } : { kind: "fresh" };
    return { kind: "resolved", question: replacePronouns(rest, pronoun.points, subject), about: subject.name };
  }

  const bare = stripPunctuation(rest);
  if (bare === "") return { kind: "fresh" };
  if (isLoneQuestionWord(rest)) {
    const asked = QUESTION_WORD.exec(rest)?.[1] ?? bare;
    const question = withQuestionWord(latest.question, asked);
    return { kind: "resolved", question, about: aboutOf(tools, turns) ?? `“${latest.question}”` };
  }
  if (!continuation) return { kind: "fresh" };

  // "and Putin?", "what about the aid?": the latest question, asked about something else.
  if (!QUESTION_WORD.test(rest) && wordsOf(bare).length <= 5) {
    const replaced = latest.named.find((entity) => latest.question.includes(entity.surface));
    const question = replaced
      ? latest.question.replace(replaced.surface, bare)
      : `${stripPunctuation(latest.question)} ${bare}?`;
    return { kind: "resolved", question, about: named[0]?.name ?? bare };
  }

  // "¿y qué dijo?", "and what did the talks achieve?": a question of its own, with the subject left unsaid. Spanish
  // leaves the subject unsaid even beside other names ("¿y dónde se reunirá con Blinken?"); English says "he".
  const dropsSubject = /^\s*[¿¡]?\s*y\b/iu.test(text);
  if (named.length > 0 && !dropsSubject) return { kind: "fresh" };
  const subject = latestSubject(tools, turns, "any", new Set(named.map((entity) => entity.id)));
  if (!subject) return { kind: "fresh" };
  return { kind: "resolved", question: `${stripPunctuation(rest)} ${subject.name}?`, about: subject.name };
}

interface FoundPronoun {
  word: string;
  points: PronounClass;
  strong: boolean;
}

/** The first pronoun that points outside the question: not one that an earlier name in the question explains. */
function firstPronoun(text: string, named: readonly NamedSubject[]): FoundPronoun | undefined {
  const words = wordsOf(text);
  for (let index = 0; index < words.length; index++) {
    const word = words[index] ?? "";
    const group = PRONOUN_BY_WORD.get(word.toLowerCase());
    if (!group) continue;
    const explained = named.some((entity) => entity.firstWord < index && fits(entity, group.points));
    return explained ? undefined : { word, points: group.points, strong: group.strong };
  }
  return undefined;
}

function fits(subject: Subject, points: PronounClass): boolean {
  switch (points) {
    case "person":
      return subject.kind === "person";
    case "thing":
      return subject.kind !== "person";
    case "group":
    case "any":
      return true;
  }
}

/** The newest turn's fitting subject: named in the question first, else the person its answer named. */
function latestSubject(
  tools: ConversationTools,
  turns: readonly Turn[],
  points: PronounClass,
  exclude: ReadonlySet<string>,
): Subject | undefined {
  for (let index = turns.length - 1; index >= 0; index--) {
    const turn = turns[index];
    if (!turn) continue;
    const candidates = turn.named.filter((entity) => !exclude.has(entity.id));
    if (points === "group") {
      const people = candidates.filter((entity) => entity.kind === "person");
      if (people.length >= 2) return groupOf(people);
      const body = candidates.find((entity) => entity.kind === "organisation" || entity.kind === "country");
      if (body) return body;
    }
    const found = candidates.find((entity) => fits(entity, points));
    if (found) return found;
    if (points === "person" || points === "any" || points === "group") {
      const answered = tools.answeredPeople(turn.question).find((person) => !exclude.has(person.id));
      if (answered) return answered;
    }
  }
  return undefined;
}

function groupOf(people: readonly Subject[]): Subject {
  const names = people.map((person) => person.name);
  return {
    id: people.map((person) => person.id).join("+"),
    name: `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}`,
    kind: "person",
  };
}

function aboutOf(tools: ConversationTools, turns: readonly Turn[]): string | undefined {
  return latestSubject(tools, turns, "any", new Set())?.name;
}

function replacePronouns(text: string, points: PronounClass, subject: Subject): string {
  const words = PRONOUNS.filter((group) => group.points === points).flatMap((group) =>
    group.words.map((word) => ({ word, possessive: group.possessive })),
  );
  let result = text;
  for (const { word, possessive } of words) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, "giu");
    result = result.replace(pattern, possessive ? `${subject.name}'s` : subject.name);
  }
  return result;
}

/** The latest question asked with another question word: "where will Lavrov meet Blinken?" + "when?". */
function withQuestionWord(question: string, asked: string): string {
  const current = QUESTION_WORD.exec(question);
  return `${asked} ${(current ? question.slice(current[0].length) : question).trim()}`;
}

/** "how much aid did the US give?" → "aid did the US give?"; "what does the Kremlin demand?" → "the Kremlin demand?". */
function withoutQuestionWord(question: string): string {
  const current = QUESTION_WORD.exec(question);
  if (!current) return question;
  return question.slice(current[0].length).replace(AUXILIARY, "");
}
