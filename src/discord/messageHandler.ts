import type { Message } from "discord.js";
import type { AnswerEngine } from "../engine/engine.js";
import type { Logger } from "../logging/logger.js";
import type { AnswerHistory, AskingEvent } from "./answerHistory.js";
import { outcomeOf } from "./commandContext.js";
import { ROUTES } from "./delivery.js";
import { parseMention } from "./mention.js";
import { languageOfQuestion } from "./language.js";
import { discordMessages } from "./messages.js";
import type { QuestionGate } from "./questionGate.js";
import { renderAnswer, renderNotice } from "./render.js";
import { type EventFields, type EventObserver, runEvent } from "./runEvent.js";

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
}

/**
 * Mentions and DMs share this one handler. In a guild, only a message that mentions the bot as a user is a question
 * (a bare mention asks for help); in a DM every message from a person is. Bots, webhooks and system messages are ignored.
 * Over the question limit, the person is told once per window; further messages in that window get no reply.
 */
export function createMessageHandler(options: MessageHandlerOptions): (message: Message) => Promise<void> {
  return async function onMessage(message: Message): Promise<void> {
    const startedAt = performance.now();
    const place = message.inGuild() ? "guild" : "dm";
    const kind = place === "guild" ? "mention" : "dm";
    const eventId = message.id;
    if (message.author.bot || message.system || message.webhookId !== null) {
      options.logger.debug(
        { eventId, kind, place, outcome: "ignored", reason: "not from a person" },
        "message ignored",
      );
      return;
    }
    const { mentioned, text } = parseMention(message.content, message.client.user.id);
    if (place === "guild" && !mentioned) {
      options.logger.debug(
        { eventId, kind, place, outcome: "ignored", reason: "no mention of the bot" },
        "message ignored",
      );
      return;
    }

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
        const answer = text === "" ? engine.run({ command: "help", language }) : engine.ask(text, { language });
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
        await message.reply(renderAnswer(answer, engine.knowledge, { feedbackFor, language }));
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
