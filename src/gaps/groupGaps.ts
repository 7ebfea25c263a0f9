import type { UnansweredQuestion } from "../store/questionStore.js";
import { wordingKey } from "./wordingKey.js";

/** Questions worded alike that the bot refused or people voted down. */
export interface GapGroup {
  /** The latest wording. */
  question: string;
  count: number;
  lastAsked: Date;
  /** How many of them were refused. */
  refused: number;
  downVotes: number;
  /** Distinct wordings, latest first, at most MAX_EXAMPLES. */
  examples: string[];
  /** The sentence the latest answered one cited, if any was answered. */
  cited: { article: string; sentence: number } | undefined;
}

const MAX_EXAMPLES = 5;

/** Groups by wording (see wordingKey), most frequent first, then most recent. */
export function groupGaps(questions: readonly UnansweredQuestion[]): GapGroup[] {
  const groups = new Map<string, GapGroup>();
  const newestFirst = [...questions].sort((a, b) => b.askedAt.getTime() - a.askedAt.getTime());
  for (const question of newestFirst) {
    const key = wordingKey(question.text);
    const group = groups.get(key) ?? {
      question: question.text,
      count: 0,
      lastAsked: question.askedAt,
      refused: 0,
      downVotes: 0,
      examples: [],
      cited: undefined,
    };
    group.count += 1;
    group.refused += question.answered ? 0 : 1;
    group.downVotes += question.downVotes;
    if (group.examples.length < MAX_EXAMPLES && !group.examples.includes(question.text))
      group.examples.push(question.text);
    const firstCited = question.citedSentences[0];
    if (!group.cited && question.citedArticle !== undefined && firstCited !== undefined)
      group.cited = { article: question.citedArticle, sentence: firstCited };
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAsked.getTime() - a.lastAsked.getTime());
}
