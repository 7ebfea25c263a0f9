import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Answer } from "../src/engine/answer.js";
import { createAnswerContext, createEngine } from "../src/engine/engine.js";
import { loadKnowledge } from "../src/knowledge/loadKnowledge.js";
import type { Knowledge } from "../src/knowledge/schema.js";
import { Slug } from "../src/knowledge/schema.js";
import { Expectation } from "./questionSet.js";
import { parseYaml } from "../src/knowledge/yaml.js";
import { foldText } from "../src/text/normalize.js";
import { type Ratio, ratio } from "./runEvaluation.js";

/**
 * Conversations: follow-up questions scored in their conversation. A turn with `about` cannot be understood alone;
 * its value is one word of the earlier subject it must be read about.
 */
export const ConversationTurn = z.strictObject({
  q: z.string().trim().min(1),
  expect: Expectation,
  about: z.string().trim().min(1).optional(),
});
export type ConversationTurn = z.infer<typeof ConversationTurn>;

export const ConversationSet = z.strictObject({
  article: Slug,
  conversations: z
    .array(
      z.strictObject({
        turns: z
          .array(ConversationTurn)
          .min(2)
          .refine((turns) => turns[0]?.about === undefined, "the first turn stands alone (no about)"),
      }),
    )
    .min(1),
});
export type ConversationSet = z.infer<typeof ConversationSet>;

export interface ConversationSetFile {
  id: string;
  heading: string;
  heldOut: boolean;
  knowledgeDirectory: string;
  file: string;
}

const fromRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

export const CONVERSATION_SETS: readonly ConversationSetFile[] = Object.freeze(
  [
    ["seed", "Seed article", false, "knowledge", "tests/eval/conversations/seed.yaml"],
    [
      "second-article",
      "Second article",
      false,
      "tests/fixtures/second-article/knowledge",
      "tests/eval/conversations/second.yaml",
    ],
    ["seed-heldout", "Held-out: seed article", true, "knowledge", "tests/eval/heldout/conversations-seed.yaml"],
    [
      "second-article-heldout",
      "Held-out: second article",
      true,
      "tests/fixtures/second-article/knowledge",
      "tests/eval/heldout/conversations-second.yaml",
    ],
  ].map(([id, heading, heldOut, knowledge, file]) => ({
    id: id as string,
    heading: heading as string,
    heldOut: heldOut as boolean,
    knowledgeDirectory: fromRoot(knowledge as string),
    file: fromRoot(file as string),
  })),
);

export function loadConversationSet(file: string): ConversationSet {
  const parsed = ConversationSet.safeParse(parseYaml(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export interface ConversationMetrics {
  /** Follow-up turns right by their criterion (top-1 cited sentence expected, or refused for `none`), in context. */
  followUps: Ratio;
  /** The same turns asked alone, without the conversation: what reading the conversation adds. */
  followUpsAlone: Ratio;
  /** Follow-up turns whose answer says it was read about the expected subject. */
  readAbout: Ratio;
  /** Turns after the first that need no context, right in context (the conversation must not mislead them). */
  standalone: Ratio;
  misses: string[];
}

function isRight(turn: ConversationTurn, article: string, answer: Answer): boolean {
  if (turn.expect === "none") return !answer.answered;
  if (turn.expect === "meta") return answer.answered;
  const first = answer.citations[0];
  return answer.answered && first?.article === article && turn.expect.includes(first.sentence);
}

/**
 * Whether the subject an answer was read about is the expected one: the word is in the name the answer gives, or in
 * one of that entity's other names ("Washington" for the United States), or in the earlier question quoted.
 */
function namesSubject(knowledge: Knowledge): (about: string | undefined, word: string) => boolean {
  const { view } = createAnswerContext(knowledge);
  const entities = knowledge.articles.flatMap((_, index) => view.facts(index).entities);
  return (about, word) => {
    if (about === undefined) return false;
    const names = [about, ...entities.filter((entity) => entity.name === about).flatMap((entity) => entity.aliases)];
    return names.some((name) => foldText(name).includes(foldText(word)));
  };
}

/** Scores one conversation set with the engine, each turn asked with the turns before it (the adapters' way). */
export function evaluateConversations(set: ConversationSetFile): ConversationMetrics {
  const data = loadConversationSet(set.file);
  const knowledge = loadKnowledge(set.knowledgeDirectory);
  const engine = createEngine(knowledge);
  const readAboutRight = namesSubject(knowledge);
  const tally = { followUps: 0, alone: 0, about: 0, followUpCount: 0, standalone: 0, standaloneCount: 0 };
  const misses: string[] = [];
  for (const { turns } of data.conversations) {
    turns.forEach((turn, index) => {
      if (index === 0) return;
      const previous = turns.slice(0, index).map((earlier) => earlier.q);
      const answer = engine.ask(turn.q, { previous });
      const right = isRight(turn, data.article, answer);
      if (turn.about === undefined) {
        tally.standaloneCount += 1;
        if (right) tally.standalone += 1;
        else misses.push(`standalone "${turn.q}" after "${previous.at(-1)}": read as "${answer.argument}"`);
        return;
      }
      tally.followUpCount += 1;
      const readAbout = readAboutRight(answer.about, turn.about);
      if (right) tally.followUps += 1;
      if (readAbout) tally.about += 1;
      if (isRight(turn, data.article, engine.ask(turn.q))) tally.alone += 1;
      if (!right || !readAbout)
        misses.push(
          `"${turn.q}" after "${previous.at(-1)}": read as "${answer.argument}" (about ${answer.about ?? "nothing"}), ` +
            `${answer.answered ? `cited ${answer.citations[0]?.sentence ?? "none"}` : "refused"}, expected ${JSON.stringify(turn.expect)} about ${turn.about}`,
        );
    });
  }
  return {
    followUps: ratio(tally.followUps, tally.followUpCount),
    followUpsAlone: ratio(tally.alone, tally.followUpCount),
    readAbout: ratio(tally.about, tally.followUpCount),
    standalone: ratio(tally.standalone, tally.standaloneCount),
    misses,
  };
}

const percent = (value: Ratio) =>
  Number.isNaN(value.rate) ? "n/a" : `${(value.rate * 100).toFixed(1)}% (${value.hits}/${value.total})`;

/** The Markdown section of `npm run eval`; misses are listed for tuned sets only, held-out ones stay aggregates. */
export function formatConversationReport(
  results: ReadonlyArray<{ set: ConversationSetFile; metrics: ConversationMetrics }>,
): string {
  const lines = [
    "## Follow-up questions in a conversation",
    "",
    "Each turn is asked with the turns before it. *Alone*: the same follow-ups asked without the conversation.",
    "",
    "| Set | File | Follow-ups right | Alone | Read about the right subject | Standalone turns right |",
    "|---|---|---|---|---|---|",
    ...results.map(
      ({ set, metrics }) =>
        `| ${set.heading} | ${relative(process.cwd(), set.file)} | ${percent(metrics.followUps)} | ${percent(metrics.followUpsAlone)} | ${percent(metrics.readAbout)} | ${percent(metrics.standalone)} |`,
    ),
  ];
  for (const { set, metrics } of results.filter((entry) => !entry.set.heldOut && entry.metrics.misses.length > 0)) {
    lines.push("", `### Misses: ${set.heading}`, "", ...metrics.misses.map((miss) => `- ${miss}`));
  }
  return lines.join("\n");
}
