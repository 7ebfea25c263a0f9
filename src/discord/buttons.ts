import { type ButtonInteraction, MessageFlags } from "discord.js";
import type { AnswerEngine } from "../engine/engine.js";
import type { AnswerHistory, AskingEvent } from "./answerHistory.js";
import { type Outcome, outcomeOf } from "./commandContext.js";
import { decodeButton } from "./customId.js";
import { showGapsPage } from "./gapsView.js";
import { MESSAGES } from "./messages.js";
import { limited, privateNotice } from "./privateNotice.js";
import type { QuestionGate } from "./questionGate.js";
import type { VoteOutcome } from "../store/questionStore.js";
import { feedbackQuestionOf, renderAnswer, renderContext, renderNotice, repost } from "./render.js";
import type { Responder } from "./responder.js";

export interface ButtonClick {
  engine: AnswerEngine;
  /** Suggestions are new questions, so they pass the question limit; the other buttons only show an answer given. */
  gate: QuestionGate;
  responder: Responder;
  history: AnswerHistory;
  /** `performance.now()` when the click arrived. */
  startedAt: number;
}

/** A click on one of the bot's buttons; everything it needs is in the custom_id, so old buttons keep working. */
export async function clickButton(
  interaction: ButtonInteraction,
  { engine, gate, responder, history, startedAt }: ButtonClick,
): Promise<Outcome> {
  const state = decodeButton(interaction.customId);
  if (!state) return privateNotice(responder, MESSAGES.staleButton, "stale");
  const ephemeralMessage = interaction.message.flags.has(MessageFlags.Ephemeral);
  switch (state.kind) {
    case "context": {
      const context = engine.context(state.article, state.sentence);
      if (!context) return privateNotice(responder, MESSAGES.contextGone, "stale");
      await responder.send(renderContext(context), true);
      return "answered";
    }
    case "page": {
      const answer = engine.run({ command: state.command, argument: state.argument, page: state.page });
      // The redrawn page keeps the feedback buttons of the question it answers.
      const feedbackFor = feedbackQuestionOf(interaction.message.components.map((row) => row.toJSON()));
      await responder.update(renderAnswer(answer, engine.knowledge, { private: ephemeralMessage, feedbackFor }));
      return outcomeOf(answer);
    }
    case "suggest": {
      const decision = gate.check(interaction.user.id);
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
      await responder.send(renderAnswer(answer, engine.knowledge, { private: true, feedbackFor }), true);
      history.record(asking, answer);
      return outcomeOf(answer);
    }
    case "post": {
      if (!ephemeralMessage) return privateNotice(responder, MESSAGES.notPrivate, "stale");
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
      await responder.send(renderNotice(voteNotice(outcome)), true);
      return outcome.kind === "recorded" || outcome.kind === "withdrawn" ? "answered" : "stale";
    }
    case "gaps":
      return showGapsPage({ interaction, engine, history, responder }, { days: state.days, page: state.page });
  }
}

const VOTE_NOTICES = Object.freeze({
  withdrawn: MESSAGES.voteWithdrawn,
  "unknown-question": MESSAGES.voteUnknownQuestion,
  unavailable: MESSAGES.feedbackUnavailable,
} satisfies Record<Exclude<VoteOutcome["kind"], "recorded">, string>);

function voteNotice(outcome: VoteOutcome): string {
  return outcome.kind === "recorded" ? MESSAGES.voteRecorded(outcome.choice) : VOTE_NOTICES[outcome.kind];
}
