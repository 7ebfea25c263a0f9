/**
 * What Discord does with messages once they are posted, for the fake: reading them back (one, or a page of a
 * channel's history), withholding their content from a bot without the Message Content intent, and threads started
 * on a message. Rules as Discord documents them (https://discord.com/developers/docs/resources/message,
 * https://discord.com/developers/docs/resources/channel#start-thread-from-message,
 * https://discord.com/developers/docs/events/gateway#message-content-intent) and as discord-api-types types them.
 */
import {
  type APIMessage,
  type APIThreadChannel,
  type ChannelFlags,
  ChannelType,
  GatewayIntentBits,
  MessageFlags,
  ThreadAutoArchiveDuration,
  type ThreadChannelType,
  type ThreadMemberFlags,
} from "discord-api-types/v10";
import { IDS } from "./ids.js";

/**
 * Without the privileged Message Content intent, Discord sends a bot empty content, embeds, attachments and
 * components, except for its own messages, messages in DMs, and messages that mention it (a reply that keeps its
 * ping lists the replied author in `mentions`, so it counts). The message a reply points at is judged on its own.
 */
export function withheldContent(message: APIMessage, intents: number, dmChannels: ReadonlySet<string>): APIMessage {
  if ((intents & GatewayIntentBits.MessageContent) !== 0) return message;
  const referenced = message.referenced_message
    ? { referenced_message: withheldContent(message.referenced_message, intents, dmChannels) }
    : {};
  const readable =
    message.author.id === IDS.bot ||
    dmChannels.has(message.channel_id) ||
    message.mentions.some((user) => user.id === IDS.bot);
  if (readable) return { ...message, ...referenced };
  return { ...message, ...referenced, content: "", embeds: [], attachments: [], components: [] };
}

/** Discord's answer to a malformed GET /channels/:id/messages query (limit is 1 to 100, default 50). */
export function historyQueryProblems(query: URLSearchParams): string[] {
  const problems: string[] = [];
  const limit = query.get("limit");
  if (limit !== null && !(/^\d+$/.test(limit) && Number(limit) >= 1 && Number(limit) <= 100))
    problems.push(`limit: ${limit} is not an integer from 1 to 100`);
  for (const key of ["before", "after", "around"]) {
    const value = query.get(key);
    if (value !== null && !/^\d{1,20}$/.test(value)) problems.push(`${key}: ${value} is not a snowflake`);
  }
  if (["before", "after", "around"].filter((key) => query.has(key)).length > 1)
    problems.push("only one of before, after and around may be given");
  return problems;
}

/**
 * A page of a channel's history as Discord returns it: newest first, at most `limit` (default 50), before, after or
 * around a message id.
 */
export function historyPage(messages: readonly APIMessage[], query: URLSearchParams): APIMessage[] {
  const limit = Number(query.get("limit") ?? 50);
  const newestFirst = [...messages].sort((a, b) => compareIds(b.id, a.id));
  const before = query.get("before");
  const after = query.get("after");
  const around = query.get("around");
  if (before !== null) return newestFirst.filter((message) => compareIds(message.id, before) < 0).slice(0, limit);
  if (after !== null) return newestFirst.filter((message) => compareIds(message.id, after) > 0).slice(-limit);
  if (around !== null) {
    const older = newestFirst.filter((message) => compareIds(message.id, around) <= 0);
    const newer = newestFirst.filter((message) => compareIds(message.id, around) > 0);
    const half = Math.floor(limit / 2);
    return [...newer.slice(-half), ...older.slice(0, limit - Math.min(half, newer.length))].slice(0, limit);
  }
  return newestFirst.slice(0, limit);
}

function compareIds(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

const ARCHIVE_DURATIONS: ReadonlySet<number> = new Set([
  ThreadAutoArchiveDuration.OneHour,
  ThreadAutoArchiveDuration.OneDay,
  ThreadAutoArchiveDuration.ThreeDays,
  ThreadAutoArchiveDuration.OneWeek,
]);

/** What Discord refuses in a Start Thread from Message body: a name of 1 to 100 characters, a known archive duration. */
export function threadRequestProblems(body: unknown): string[] {
  const fields = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const problems: string[] = [];
  const name = fields.name;
  if (typeof name !== "string" || name.trim().length < 1 || name.length > 100)
    problems.push("name: must be between 1 and 100 characters");
  const duration = fields.auto_archive_duration;
  if (duration !== undefined && !(typeof duration === "number" && ARCHIVE_DURATIONS.has(duration)))
    problems.push("auto_archive_duration: must be one of 60, 1440, 4320, 10080");
  const slowMode = fields.rate_limit_per_user;
  if (slowMode !== undefined && !(typeof slowMode === "number" && slowMode >= 0 && slowMode <= 21_600))
    problems.push("rate_limit_per_user: must be from 0 to 21600");
  return problems;
}

/** The public thread Discord creates on a message: it takes the message's id, its creator is its owner and member. */
export function threadOnMessage(
  starter: APIMessage,
  body: { name: string; auto_archive_duration?: number },
  owner: string = IDS.bot,
): APIThreadChannel<ThreadChannelType> {
  const now = new Date().toISOString();
  return {
    id: starter.id,
    type: ChannelType.PublicThread,
    guild_id: IDS.guild,
    parent_id: starter.channel_id,
    owner_id: owner,
    name: body.name,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    flags: 0 as ChannelFlags,
    thread_metadata: {
      archived: false,
      auto_archive_duration: (body.auto_archive_duration ??
        ThreadAutoArchiveDuration.OneDay) as ThreadAutoArchiveDuration,
      archive_timestamp: now,
      locked: false,
      create_timestamp: now,
    },
    ...(owner === IDS.bot
      ? { member: { id: starter.id, user_id: IDS.bot, join_timestamp: now, flags: 0 as ThreadMemberFlags } }
      : {}),
  };
}

/** The starter message once its thread exists: flagged HAS_THREAD and carrying the thread. */
export function markedAsStarter(starter: APIMessage, thread: APIThreadChannel<ThreadChannelType>): APIMessage {
  return { ...starter, flags: (starter.flags ?? 0) | MessageFlags.HasThread, thread };
}
