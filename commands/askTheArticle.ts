import { ApplicationCommandType, type RESTPostAPIContextMenuApplicationCommandsJSONBody } from "discord-api-types/v10";
import { AVAILABILITY } from "../src/discord/catalogue.js";
import type { MessageMenuCommand } from "../src/discord/command.js";
import { MESSAGES } from "../src/discord/messages.js";
import { renderNotice } from "../src/discord/render.js";

/** Message context menu (Apps → "Ask the article"): the selected message's text is the question; the answer is private. */
export const askTheArticle = {
  kind: "message",
  data: { type: ApplicationCommandType.Message, name: MESSAGES.askTheArticle, ...AVAILABILITY } satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody,
  execute: async (interaction, { engine, reply }) => {
    const question = interaction.targetMessage.content.trim();
    if (question === "") {
      await interaction.reply({ ...renderNotice(MESSAGES.nothingToAsk), flags: "Ephemeral" });
      return "abstained";
    }
    return reply(engine.ask(question), { private: true });
  },
} satisfies MessageMenuCommand;
