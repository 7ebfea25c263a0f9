import type { Message } from "discord.js";
import type { Surface } from "../store/questionStore.js";
import { dmConversation, replyChain, threadConversation } from "./conversation.js";
import { channelSource, repliesToBot } from "./conversationSource.js";

/** A message meant for the bot: where it was asked, and how to read back the conversation it continues. */
export interface Addressed {
  surface: Extract<Surface, "mention" | "reply" | "thread" | "dm">;
  /** The earlier questions, oldest first, read back from Discord: call it only when the question needs them. */
  conversation(): Promise<string[]>;
}

export interface AddressingOptions {
  /** With the Message Content intent: every person's message in a thread the bot opened is meant for it. */
  everyMessageInOwnThreads: boolean;
  /** A message of the conversation that could not be read. */
  onReadError: (error: unknown) => void;
}

/**
 * Whether a person's message is meant for the bot, and which conversation it continues (`reason` when it is not):
 * - in a DM, every message; a reply to an answer continues that reply chain, any other the DM's last minutes;
 * - in a thread, a message that mentions or replies to the bot (every message in the bot's own threads with the
 *   Message Content intent); it continues the thread, opened by the answer the thread was started on;
 * - in a channel, a reply to one of the bot's messages continues its reply chain; a mention starts afresh.
 * A reply that dropped its ping reaches the bot without its text (unless the intent is on), so it is not a question.
 */
export async function addressingOf(
  message: Message,
  question: { mentioned: boolean; text: string },
  options: AddressingOptions,
): Promise<Addressed | { reason: string }> {
  const botId = message.client.user.id;
  const source = (channel: Parameters<typeof channelSource>[0]) => channelSource(channel, botId, options.onReadError);
  const pinged = question.mentioned || message.mentions.users.has(botId);
  const reply = repliesToBot(message, botId) && (pinged || question.text !== "");
  const replyChainOf = () => replyChain(source(message.channel), message.reference?.messageId ?? "");
  const channel = message.channel;

  if (!message.inGuild()) {
    return {
      surface: "dm",
      conversation: () =>
        reply
          ? replyChainOf()
          : dmConversation(source(channel), { id: message.id, postedAt: message.createdTimestamp }),
    };
  }
  if (channel.isThread()) {
    const parent = channel.parent && "messages" in channel.parent ? channel.parent : undefined;
    const addressed = pinged || reply;
    // With the intent, every message in the bot's own threads is a question: the threads it opened, or any thread
    // started on one of its answers (the starter message, read in the parent channel, stays in discord.js's cache).
    const everyMessage =
      options.everyMessageInOwnThreads &&
      (channel.ownerId === botId ||
        (parent !== undefined && (await source(parent).message(channel.id))?.fromBot === true));
    if (!(addressed || (everyMessage && question.text !== ""))) return { reason: "not addressed to the bot" };
    return {
      surface: "thread",
      conversation: () =>
        threadConversation(
          { parent: parent ? source(parent) : undefined, thread: source(channel) },
          { thread: channel.id, before: message.id },
          everyMessage,
        ),
    };
  }
  if (reply) return { surface: "reply", conversation: replyChainOf };
  if (question.mentioned) return { surface: "mention", conversation: async () => [] };
  return { reason: "no mention of the bot" };
}
