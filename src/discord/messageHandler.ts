import { DiscordAPIError, type Message, RESTJSONErrorCodes } from "discord.js";
import type { AnswerEngine } from "../engine/engine.js";
import type { Logger } from "../logging/logger.js";
import { addressingOf } from "./addressing.js";
import type { AnswerHistory, AskingEvent } from "./answerHistory.js";
import { outcomeOf } from "./commandContext.js";
import { ROUTES } from "./delivery.js";
import { parseMention } from "./mention.js";
import { languageOfQuestion } from "./language.js";
import { discordMessages } from "./messages.js";
import type { QuestionGate } from "./questionGate.js";
import { renderAnswer, renderNotice } from "./render.js";
import { type EventFields, type EventObserver, runEvent } from "./runEvent.js";
import { askedAs, threadsCanStartIn } from "./threadButton.js";

export interface MessageHandlerOptions {
  /** The shared knowledge plus, in a server, that server's own articles. */
  getEngine: (guildId?: string) => AnswerEngine;
  logger: Logger;
  /** The per-person question limit, shared with slash commands. */
  gate: QuestionGate;
  /** Where answers are recorded as their reply is sent. */
  history: AnswerHistory;
  /** Told how every answered or refused message ended (metrics). */
  observe?: EventObserver;
  /** With the Message Content intent: every person's message in the bot's own threads is a question. */
  openThreads?: boolean;
}

/**
 * Mentions, replies, thread messages and DMs share this one handler. In a guild, a message that mentions the bot as a
 * user or replies to it is a question (a bare mention asks for help); in a DM every message from a person is (see
 * addressing.ts). A question that leans on earlier turns ("and where will he meet Blinken?") gets its conversation
 * read back from Discord. Bots, webhooks and system messages are ignored. Over the question limit, the person is
 * told once per window; further messages in that window get no reply.
 */
export function createMessageHandler(options: MessageHandlerOptions): (message: Message) => Promise<void> {
  return async function onMessage(message: Message): Promise<void> {
    const startedAt = performance.now();
    const place = message.inGuild() ? "guild" : "dm";
    const eventId = message.id;
    if (message.author.bot || message.system || message.webhookId !== null) {
      options.logger.debug(
        { eventId, kind: place === "guild" ? "mention" : "dm", place, outcome: "ignored", reason: "not from a person" },
        "message ignored",
      );
      return;
    }
    const { mentioned, text } = parseMention(message.content, message.client.user.id);
    const addressing = await addressingOf(
      message,
      { mentioned, text },
      {
        everyMessageInOwnThreads: options.openThreads ?? false,
        // A deleted message is part of life (and a thread started without a message has no starter to read).
        onReadError: (error) =>
          error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage
            ? options.logger.debug({ eventId }, "a message of the conversation was deleted")
            : options.logger.warn({ eventId, err: error }, "a message of the conversation could not be read"),
      },
    );
    if ("reason" in addressing) {
      options.logger.debug(
        { eventId, kind: "mention", place, outcome: "ignored", reason: addressing.reason },
        "message ignored",
      );
      return;
    }

    const kind = addressing.surface;
    const fields: EventFields = { eventId, kind, command: "help", place };
    await runEvent(options.logger, {
      noun: "message",
      fields,
      handle: async () => {
        const language = languageOfQuestion(text, message.guild?.preferredLocale);
        const decision = options.gate.check(message.author.id, language);
        if (!decision.allowed) {
          fields.command = "none";
          if (decision.notify) await message.reply(renderNotice(decision.notice));
          return "limited";
        }
        const engine = options.getEngine(message.guildId ?? undefined);
        // Reading the conversation costs REST calls: only for a question that may lean on it.
        const previous = text !== "" && engine.needsContext(text) ? await addressing.conversation() : undefined;
        if (previous) fields.turns = previous.length;
        const answer =
          text === ""
            ? engine.run({ command: "help", language })
            : engine.ask(text, { language, previous: previous ?? [] });
        fields.command = answer.command;
        const asking: AskingEvent = {
          id: message.id,
          surface: kind,
          guildId: message.guildId ?? undefined,
          personId: message.author.id,
          startedAt,
        };
        const feedbackFor = options.history.feedbackFor(asking);
        options.history.record(asking, answer);
        // Only an answer in a text channel can grow a thread (not one in a DM or in a thread already).
        const threadQuestion = threadsCanStartIn(message.channel) ? askedAs(answer) : undefined;
        await message.reply(renderAnswer(answer, engine.knowledge, { feedbackFor, threadQuestion, language }));
        return outcomeOf(answer);
      },
      apologise: async () => {
        const language = languageOfQuestion(text, message.guild?.preferredLocale);
        await message.reply(renderNotice(discordMessages(language).apology));
      },
      route: () => ROUTES.channelMessage,
      observe: options.observe,
    });
  };
}
