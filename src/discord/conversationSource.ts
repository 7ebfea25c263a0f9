import { type Message, type MessageManager, MessageType } from "discord.js";
import type { MessageSource, Turn } from "./conversation.js";
import { parseMention } from "./mention.js";
import { threadQuestionOf } from "./render.js";

/** Whether a message is a reply to one of the bot's messages (Discord tells the replied author with the reply). */
export function repliesToBot(message: Message, botId: string): boolean {
  return message.type === MessageType.Reply && message.mentions.repliedUser?.id === botId;
}

/** A discord.js message as a turn of a conversation. */
export function toTurn(message: Message, botId: string): Turn {
  const { mentioned, text } = parseMention(message.content, botId);
  const fromBot = message.author.id === botId;
  const reference = message.reference;
  return {
    id: message.id,
    fromBot,
    fromPerson: !message.author.bot && !message.system && message.webhookId === null,
    text,
    addressed: mentioned || message.mentions.users.has(botId) || repliesToBot(message, botId),
    // Only a reply in the same channel continues a conversation (a forward or a crosspost points elsewhere).
    repliesTo:
      message.type === MessageType.Reply && reference?.channelId === message.channelId
        ? (reference.messageId ?? undefined)
        : undefined,
    postedAt: message.createdTimestamp,
    buttonQuestion: fromBot ? threadQuestionOf(message.components.map((row) => row.toJSON())) : undefined,
  };
}

/**
 * A channel's messages through discord.js (its cache first, then GET /channels/:id/messages). A message that cannot
 * be read (deleted, no access, Discord unreachable) is reported to `onError` and left out: a follow-up is then
 * answered with the context that could be read, never not at all.
 */
export function channelSource(
  channel: { messages: MessageManager },
  botId: string,
  onError: (error: unknown) => void,
): MessageSource {
  return {
    async message(id) {
      try {
        return toTurn(await channel.messages.fetch(id), botId);
      } catch (error) {
        onError(error);
        return undefined;
      }
    },
    async before(id, limit) {
      try {
        const page = await channel.messages.fetch({ before: id, limit });
        return [...page.values()].sort((a, b) => compareIds(b.id, a.id)).map((message) => toTurn(message, botId));
      } catch (error) {
        onError(error);
        return [];
      }
    },
  };
}

function compareIds(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}
