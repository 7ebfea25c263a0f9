import { ApplicationCommandOptionType, ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import { PRIVATE_OPTION_NAME } from "../src/discord/commandContext.js";
import type { SlashCommand } from "./command.js";
import { EVERYWHERE } from "./everywhere.js";

export const search = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: "search",
    description: "The article's sentences that best match some words, ranked",
    options: [
      // Short, so that Prev/Next can carry the words in a button's 100-character custom_id.
      { type: ApplicationCommandOptionType.String, name: "words", description: "Words to look for, e.g. troops border", required: true, max_length: 80 },
      { type: ApplicationCommandOptionType.Boolean, name: PRIVATE_OPTION_NAME, description: "Only you see the answer (you can still post it to the channel)", required: false },
    ],
    ...EVERYWHERE,
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute: (interaction, { engine, reply }) => reply(engine.run({ command: "search", argument: interaction.options.getString("words", true) })),
} satisfies SlashCommand;
