import type { Message } from "discord.js";
import type { AnswerEngine } from "../engine/engine.js";
import type { Logger } from "../logging/logger.js";
import type { Outcome } from "./command.js";
import { ROUTES, apologyMayHelp, deliveryFailure } from "./delivery.js";
import { outcomeOf } from "./interactionRouter.js";
import { parseMention } from "./mention.js";
import { MESSAGES } from "./messages.js";
import { pagingFromInput } from "./paging.js";
import type { QuestionGate } from "./questionGate.js";
import { renderAnswer, renderNotice } from "./render.js";

export interface MessageHandlerOptions {
  getEngine: () => AnswerEngine;
  logger: Logger;
  /** The per-person question limit, shared with slash commands. */
  gate: QuestionGate;
}

/**
 * Mentions and DMs share this one handler. In a guild, only a message that mentions the bot as a user is a question
 * (a bare mention asks for help); in a DM every message from a person is. Bots, webhooks and system messages are ignored.
 * Over the question limit, the person is told once per window; further messages in that window get no reply.
 */
export function createMessageHandler(options: MessageHandlerOptions): (message: Message) => Promise<void> {
  return async function onMessage(message: Message): Promise<void> {
    const started = performance.now();
    const place = message.inGuild() ? "guild" : "dm";
    const kind = place === "guild" ? "mention" : "dm";
    const eventId = message.id;
    if (message.author.bot || message.system || message.webhookId !== null) {
      options.logger.debug({ eventId, kind, place, outcome: "ignored", reason: "not from a person" }, "message ignored");
      return;
    }
    const { mentioned, text } = parseMention(message.content, message.client.user.id);
    if (place === "guild" && !mentioned) {
      options.logger.debug({ eventId, kind, place, outcome: "ignored", reason: "no mention of the bot" }, "message ignored");
      return;
    }

    let outcome: Outcome = "error";
    let failure: unknown;
    let command = "help";
    try {
      const decision = options.gate.check(message.author.id);
      if (!decision.allowed) {
        command = "none";
        if (decision.notify) await message.reply(renderNotice(decision.notice));
        outcome = "limited";
        return;
      }
      const engine = options.getEngine();
      const answer = text === "" ? engine.run({ command: "help" }) : engine.ask(text);
      command = answer.command;
      await message.reply(renderAnswer(answer, engine.knowledge, pagingFromInput(text, answer)));
      outcome = outcomeOf(answer);
    } catch (error) {
      failure = error;
      const undelivered = deliveryFailure(error, ROUTES.channelMessage);
      if (!undelivered || apologyMayHelp(undelivered)) {
        await message.reply(renderNotice(MESSAGES.apology)).catch((replyError: unknown) => options.logger.warn({ eventId, kind, place, err: replyError }, "could not send the apology"));
      }
    } finally {
      const line = { eventId, kind, command, place, outcome, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
      const undelivered = failure === undefined ? undefined : deliveryFailure(failure, ROUTES.channelMessage);
      if (failure === undefined) options.logger.info(line, "message handled");
      else if (undelivered) options.logger.warn({ ...line, outcome: "undelivered", ...undelivered }, "reply not delivered");
      else options.logger.error({ ...line, err: failure }, "message handler failed");
    }
  };
}
