import { type ButtonInteraction, MessageFlags } from "discord.js";
import type { AnswerEngine } from "../engine/engine.js";
import { type Outcome, outcomeOf } from "./commandContext.js";
import { decodeButton } from "./customId.js";
import { languageOfLocale, speaking } from "./language.js";
import { discordMessages } from "./messages.js";
import { limited, privateNotice } from "./privateNotice.js";
import type { QuestionGate } from "./questionGate.js";
import { renderAnswer, renderContext, repost } from "./render.js";
import type { Responder } from "./responder.js";

export interface ButtonClick {
  engine: AnswerEngine;
  /** Suggestions are new questions, so they pass the question limit; the other buttons only show an answer given. */
  gate: QuestionGate;
  responder: Responder;
}

/** A click on one of the bot's buttons; everything it needs is in the custom_id, so old buttons keep working. */
export async function clickButton(
  interaction: ButtonInteraction,
  { engine: anyLanguage, gate, responder }: ButtonClick,
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
      await responder.update(renderAnswer(answer, engine.knowledge, { private: ephemeralMessage, language }));
      return outcomeOf(answer);
    }
    case "suggest": {
      const decision = gate.check(interaction.user.id);
      if (!decision.allowed) return limited(responder, decision);
      if (engine.mayTakeLong()) await responder.defer();
      const answer = engine.ask(state.query);
      await responder.send(renderAnswer(answer, engine.knowledge, { private: true, language }), true);
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
  }
}
