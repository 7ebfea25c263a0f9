import { type ButtonInteraction, MessageFlags } from "discord.js";
import type { AnswerEngine } from "../engine/engine.js";
import type { GuildKnowledge } from "../guilds/guildKnowledge.js";
import type { Logger } from "../logging/logger.js";
import { removeArticle, replaceArticle } from "./articleDesk.js";
import type { AnswerHistory, AskingEvent } from "./answerHistory.js";
import { type Outcome, outcomeOf } from "./commandContext.js";
import { decodeButton } from "./customId.js";
import { showGapsPage } from "./gapsView.js";
import { languageOfLocale, speaking } from "./language.js";
import { type DiscordMessages, discordMessages } from "./messages.js";
import { limited, privateNotice } from "./privateNotice.js";
import type { QuestionGate } from "./questionGate.js";
import type { VoteOutcome } from "../store/questionStore.js";
import { feedbackQuestionOf, renderAnswer, renderContext, renderNotice, repost, threadQuestionOf } from "./render.js";
import { startFollowUpThread } from "./threadButton.js";
import type { Responder } from "./responder.js";

export interface ButtonClick {
  engine: AnswerEngine;
  /** Suggestions are new questions, so they pass the question limit; the other buttons only show an answer given. */
  gate: QuestionGate;
  responder: Responder;
  history: AnswerHistory;
  /** `performance.now()` when the click arrived. */
  startedAt: number;
  /** Servers' own articles, for the confirm button of /article remove. */
  guildKnowledge: GuildKnowledge | undefined;
  logger: Logger;
  /** Every message in the bot's threads is a question (MESSAGE_CONTENT_INTENT). */
  openThreads: boolean;
}

/** A click on one of the bot's buttons; everything it needs is in the custom_id, so old buttons keep working. */
export async function clickButton(
  interaction: ButtonInteraction,
  { engine: anyLanguage, gate, responder, history, startedAt, guildKnowledge, logger, openThreads }: ButtonClick,
): Promise<Outcome> {
  // The clicker's language, which may not be the asker's: a Spanish speaker paging an English answer reads Spanish.
  const language = languageOfLocale(interaction.locale);
  const messages = discordMessages(language);
  const engine = speaking(anyLanguage, language);
  const state = decodeButton(interaction.customId);
  if (!state) return privateNotice(responder, messages.staleButton, "stale");
  const ephemeralMessage = interaction.message.flags.has(MessageFlags.Ephemeral);
  switch (state.kind) {
    case "context": {
      const context = engine.context(state.article, state.sentence);
      if (!context) return privateNotice(responder, messages.contextGone, "stale");
      await responder.send(renderContext(context, language), true);
      return "answered";
    }
    case "page": {
      const answer = engine.run({ command: state.command, argument: state.argument, page: state.page });
      // The redrawn page keeps the feedback and thread buttons of the question it answers.
      const rows = interaction.message.components.map((row) => row.toJSON());
      const feedbackFor = feedbackQuestionOf(rows);
      const threadQuestion = threadQuestionOf(rows);
      await responder.update(
        renderAnswer(answer, engine.knowledge, { private: ephemeralMessage, feedbackFor, threadQuestion, language }),
      );
      return outcomeOf(answer);
    }
    case "suggest": {
      const decision = gate.check(interaction.user.id, language);
      if (!decision.allowed) return limited(responder, decision);
      if (engine.mayTakeLong()) await responder.defer();
      const answer = engine.ask(state.query);
      const asking: AskingEvent = {
        id: interaction.id,
        surface: "suggestion",
        guildId: interaction.guildId ?? undefined,
        personId: interaction.user.id,
        startedAt,
      };
      const feedbackFor = history.feedbackFor(asking);
      history.record(asking, answer);
      await responder.send(renderAnswer(answer, engine.knowledge, { private: true, feedbackFor, language }), true);
      return outcomeOf(answer);
    }
    case "post": {
      if (!ephemeralMessage) return privateNotice(responder, messages.notPrivate, "stale");
      await responder.send(
        repost(
          interaction.message.embeds.map((embed) => embed.toJSON()),
          interaction.message.components.map((row) => row.toJSON()),
        ),
        false,
      );
      return "answered";
    }
    case "vote": {
      const outcome = history.vote(state.question, interaction.user.id, state.choice);
      await responder.send(renderNotice(voteNotice(outcome, messages)), true);
      return outcome.kind === "recorded" || outcome.kind === "withdrawn" ? "answered" : "stale";
    }
    case "gaps":
      return showGapsPage({ interaction, engine, history, responder }, { days: state.days, page: state.page });
    case "article-form":
      // A form's id on a button was not made by this bot.
      return privateNotice(responder, messages.staleButton, "stale");
    case "replace-article":
      return replaceArticle({ interaction, responder, knowledge: guildKnowledge, logger }, state.held);
    case "remove-article":
      return removeArticle({ interaction, responder, knowledge: guildKnowledge, logger }, state.article);
    case "thread":
      return startFollowUpThread({ interaction, responder, messages, openThreads, logger }, state.question);
  }
}

function voteNotice(outcome: VoteOutcome, messages: DiscordMessages): string {
  switch (outcome.kind) {
    case "recorded":
      return messages.voteRecorded(outcome.choice);
    case "withdrawn":
      return messages.voteWithdrawn;
    case "unknown-question":
      return messages.voteUnknownQuestion;
    case "unavailable":
      return messages.feedbackUnavailable;
  }
}
