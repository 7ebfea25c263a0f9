import { ApplicationCommandType, type RESTPostAPIContextMenuApplicationCommandsJSONBody } from "discord-api-types/v10";
import { MESSAGES } from "../src/discord/messages.js";
import type { MessageMenuCommand } from "./command.js";
import { EVERYWHERE } from "./everywhere.js";
import { spanish } from "./spanish.js";

/** Message context menu (Apps → "Ask the article"): the selected message's text is the question; the answer is private. */
export const askTheArticle = {
  data: {
    type: ApplicationCommandType.Message,
    name: "Ask the article",
    ...spanish("Preguntar al artículo"),
    ...EVERYWHERE,
  } as const satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody,
  execute: (interaction, { engine, reply, notice }) =>
    interaction.targetMessage.content.trim() === ""
      ? notice(MESSAGES.nothingToAsk)
      : reply(engine.ask(interaction.targetMessage.content)),
} satisfies MessageMenuCommand;
