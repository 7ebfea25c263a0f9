import { ApplicationCommandOptionType, ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import { PRIVATE_OPTION_NAME } from "../src/discord/commandContext.js";
import type { SlashCommand } from "./command.js";
import { EVERYWHERE } from "./everywhere.js";

export const ask = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: "ask",
    description: "Ask any question about the article",
    options: [
      { type: ApplicationCommandOptionType.String, name: "question", description: "Your question, e.g. where will Blinken meet Lavrov?", required: true, max_length: 500 },
      { type: ApplicationCommandOptionType.Boolean, name: PRIVATE_OPTION_NAME, description: "Only you see the answer (you can still post it to the channel)", required: false },
    ],
    ...EVERYWHERE,
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute: (interaction, { engine, reply }) => reply(engine.ask(interaction.options.getString("question", true))),
} satisfies SlashCommand;
