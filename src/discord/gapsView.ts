import { type ButtonInteraction, type ChatInputCommandInteraction, PermissionFlagsBits } from "discord.js";
import type { AnswerEngine } from "../engine/engine.js";
import { buildGapsReport } from "../gaps/gapsReport.js";
import type { AnswerHistory } from "./answerHistory.js";
import type { Outcome } from "./commandContext.js";
import { languageOfLocale } from "./language.js";
import { discordMessages } from "./messages.js";
import { privateNotice } from "./privateNotice.js";
import { renderGapsPage } from "./renderGaps.js";
import type { Responder } from "./responder.js";

export interface GapsViewing {
  interaction: ChatInputCommandInteraction | ButtonInteraction;
  engine: AnswerEngine;
  history: AnswerHistory;
  responder: Responder;
}

/**
 * A page of this server's gaps report, privately, to members with Manage Server. `default_member_permissions` only
 * hides the command (and a server may grant it to others in its settings), so the permission is checked here too,
 * and again on every page button: a button can be clicked by whoever sees it.
 */
export async function showGapsPage(
  { interaction, engine, history, responder }: GapsViewing,
  view: { days: number; page: number },
): Promise<Outcome> {
  const messages = discordMessages(languageOfLocale(interaction.locale));
  if (!interaction.inGuild()) return privateNotice(responder, messages.gapsGuildOnly, "abstained");
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild))
    return privateNotice(responder, messages.gapsNotAllowed, "abstained");
  if (!history.recording) return privateNotice(responder, messages.gapsNotRecorded, "abstained");
  const entries = buildGapsReport({
    unanswered: (query) => history.unanswered(query),
    engine,
    days: view.days,
    guildId: interaction.guildId,
  });
  const message = renderGapsPage(entries, view, messages);
  if (interaction.isButton()) await responder.update(message);
  else await responder.send(message, true);
  return "answered";
}
