import {
  type ButtonInteraction,
  ChannelType,
  DiscordAPIError,
  DiscordjsError,
  DiscordjsErrorCodes,
  MessageFlags,
  RESTJSONErrorCodes,
  ThreadAutoArchiveDuration,
} from "discord.js";
import type { Answer } from "../engine/answer.js";
import type { Logger } from "../logging/logger.js";
import type { Outcome } from "./commandContext.js";
import { DISCORD_LIMITS } from "./limits.js";
import type { DiscordMessages } from "./messages.js";
import { privateNotice } from "./privateNotice.js";
import { renderNotice } from "./render.js";
import type { Responder } from "./responder.js";

/** Long enough for a conversation to pause over lunch; Discord archives a quiet thread after this. */
export const THREAD_ARCHIVE_AFTER = ThreadAutoArchiveDuration.OneDay;

export interface ThreadClick {
  interaction: ButtonInteraction;
  responder: Responder;
  messages: DiscordMessages;
  /** Every message in the bot's threads is a question (MESSAGE_CONTENT_INTENT): the first line says so. */
  openThreads: boolean;
  logger: Logger;
}

/**
 * "Follow up in a thread": opens a public thread on the answer, named after its question, and answers the click
 * privately with a link to it. A thread that exists already, or one Discord refuses, is explained privately too.
 */
export async function startFollowUpThread(click: ThreadClick, question: string): Promise<Outcome> {
  const { interaction, responder, messages } = click;
  const answer = interaction.message;
  if (!interaction.inGuild() || answer.flags.has(MessageFlags.Ephemeral))
    return privateNotice(responder, messages.threadUnavailable, "stale");
  // A thread takes its starter message's id, so the link is known even when discord.js has not cached the thread.
  const link = `<#${answer.id}>`;
  if (answer.hasThread) return privateNotice(responder, messages.threadExists(link), "answered");
  let thread;
  try {
    thread = await answer.startThread({
      name: question.slice(0, DISCORD_LIMITS.threadName),
      autoArchiveDuration: THREAD_ARCHIVE_AFTER,
    });
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    click.logger.info({ eventId: interaction.id, refusal }, "thread not started");
    const text =
      refusal === "exists"
        ? messages.threadExists(link)
        : refusal === "forbidden"
          ? messages.threadNotAllowed
          : refusal === "gone"
            ? messages.staleButton
            : messages.threadUnavailable;
    return privateNotice(responder, text, refusal === "exists" ? "answered" : "stale");
  }
  await responder.send(renderNotice(messages.threadStarted(`<#${thread.id}>`)), true);
  // The first line only helps; a thread the bot may not post in still works for replies and mentions.
  await thread
    .send(renderNotice(click.openThreads ? messages.threadIntroOpen : messages.threadIntro))
    .catch((error: unknown) =>
      click.logger.warn({ eventId: interaction.id, err: error }, "could not post the thread's first line"),
    );
  return "answered";
}

type Refusal = "exists" | "forbidden" | "wrong-place" | "gone";

/** Why Discord (or discord.js, before asking it) would not start the thread; undefined for anything unexpected. */
function refusalOf(error: unknown): Refusal | undefined {
  if (error instanceof DiscordAPIError) {
    if (error.code === RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage) return "exists";
    if (error.code === RESTJSONErrorCodes.MissingPermissions || error.code === RESTJSONErrorCodes.MissingAccess)
      return "forbidden";
    if (error.code === RESTJSONErrorCodes.CannotExecuteActionOnThisChannelType) return "wrong-place";
    // The answer was deleted meanwhile.
    if (error.code === RESTJSONErrorCodes.UnknownMessage || error.code === RESTJSONErrorCodes.UnknownChannel)
      return "gone";
    return undefined;
  }
  if (error instanceof DiscordjsError) {
    if (error.code === DiscordjsErrorCodes.MessageExistingThread) return "exists";
    if (error.code === DiscordjsErrorCodes.MessageThreadParent || error.code === DiscordjsErrorCodes.ChannelNotCached)
      return "wrong-place";
  }
  return undefined;
}

/** Threads start only on messages in a server's text or announcement channel (not in a DM, not in a thread). */
export function threadsCanStartIn(channel: { type: ChannelType } | null | undefined): boolean {
  return channel?.type === ChannelType.GuildText || channel?.type === ChannelType.GuildAnnouncement;
}

/**
 * An answer's question as a person would type it, for its thread button: for a follow-up, the question as the engine
 * read it ("where will Sergei Lavrov meet Blinken?", so the thread's first turn names its subject); for a free
 * question, the question itself; otherwise the command with its argument ("/who Lavrov"), which the engine reads as a
 * turn of the conversation too.
 */
export function askedAs(answer: Answer): string {
  if (answer.about !== undefined || answer.command === "ask") return answer.argument;
  return `/${answer.command} ${answer.argument}`.trim();
}
