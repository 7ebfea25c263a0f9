/**
 * The conversation a follow-up belongs to, read back from the channel's messages every time (never kept in memory):
 * it survives a restart, and nothing can leak between people or channels that Discord itself would not show.
 * Works on plain `Turn` values through a `MessageSource`, so the rules are tested without Discord
 * (`conversationSource.ts` reads them from discord.js).
 */

/** One message, as much of it as a conversation needs. */
export interface Turn {
  id: string;
  /** Written by this bot. */
  fromBot: boolean;
  /** Written by a person (not a bot, a webhook or Discord itself). */
  fromPerson: boolean;
  /** The text with mentions of the bot removed; empty when there is none or Discord withheld it. */
  text: string;
  /** Meant for the bot: it mentions or pings the bot, or replies to one of its messages. */
  addressed: boolean;
  /** The message of the same channel it replies to. */
  repliesTo: string | undefined;
  /** When it was posted, in milliseconds since the epoch. */
  postedAt: number;
  /** On an answer of the bot: the question its "Follow up in a thread" button carries. */
  buttonQuestion: string | undefined;
}

/** The messages of one channel. Never throws: a message that cannot be read is missing. */
export interface MessageSource {
  message(id: string): Promise<Turn | undefined>;
  /** Up to `limit` messages posted before message `id`, newest first. */
  before(id: string, limit: number): Promise<Turn[]>;
}

export const CONVERSATION_LIMITS = Object.freeze({
  /** Earlier questions passed to the engine: the engine reads the latest subject, so a few turns are plenty. */
  questions: 5,
  /** A DM conversation is the person's messages of the last 10 minutes: later, a question starts afresh. */
  dmWindowMs: 10 * 60_000,
  /** Messages of a thread or DM read back to find them (one request; Discord allows up to 100). */
  scan: 50,
});

/**
 * The questions of a reply chain, oldest first: the bot's answer `answerId`, the question it replied to, the earlier
 * answer that question replied to, and so on, at most `max` questions. An answer that replies to no message (a slash
 * command's) ends the chain with the question its thread button carries.
 */
export async function replyChain(
  source: MessageSource,
  answerId: string,
  max: number = CONVERSATION_LIMITS.questions,
): Promise<string[]> {
  const questions: string[] = [];
  // Discord's replies only point back in time, so a chain cannot loop; `seen` guards against a source that does.
  const seen = new Set<string>([answerId]);
  let answer = await source.message(answerId);
  while (answer?.fromBot && questions.length < max) {
    const asked = answer.repliesTo === undefined ? undefined : await source.message(answer.repliesTo);
    const fromPerson = asked?.fromPerson === true && asked.text !== "";
    const question = fromPerson ? asked.text : answer.buttonQuestion;
    if (question !== undefined) questions.push(question);
    const next = fromPerson ? asked.repliesTo : undefined;
    if (next === undefined || seen.has(next)) break;
    seen.add(next);
    answer = await source.message(next);
  }
  return questions.reverse();
}

/**
 * A thread's conversation, oldest first: the question of the answer the thread was started on (its reply chain, read
 * in the parent channel), then the questions people put to the bot in the thread before `beforeId`; at most `max`.
 * `everyMessage`: with the Message Content intent, every person's message in the bot's thread is a question.
 */
export async function threadConversation(
  sources: { parent: MessageSource | undefined; thread: MessageSource },
  ids: { thread: string; before: string },
  everyMessage: boolean,
  max: number = CONVERSATION_LIMITS.questions,
): Promise<string[]> {
  const opening = sources.parent ? await replyChain(sources.parent, ids.thread, max) : [];
  const recent = await sources.thread.before(ids.before, CONVERSATION_LIMITS.scan);
  const asked = recent
    .filter((turn) => turn.fromPerson && turn.text !== "" && (turn.addressed || everyMessage))
    .slice(0, max)
    .map((turn) => turn.text)
    .reverse();
  return [...opening, ...asked].slice(-max);
}

/**
 * A DM's conversation, oldest first: the person's messages before `current` posted within the DM window of it, at
 * most `max`. Measured from the current message's own time, so a clock is never needed.
 */
export async function dmConversation(
  source: MessageSource,
  current: { id: string; postedAt: number },
  max: number = CONVERSATION_LIMITS.questions,
): Promise<string[]> {
  const recent = await source.before(current.id, CONVERSATION_LIMITS.scan);
  return recent
    .filter(
      (turn) =>
        turn.fromPerson && turn.text !== "" && current.postedAt - turn.postedAt <= CONVERSATION_LIMITS.dmWindowMs,
    )
    .slice(0, max)
    .map((turn) => turn.text)
    .reverse();
}
