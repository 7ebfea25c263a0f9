import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import type { SlashCommand } from "./command.js";
import { EVERYWHERE } from "./everywhere.js";
import { SUGGEST_FOR_OPTION } from "./suggestForOption.js";

export const where = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: "where",
    description: "Where things happen in the article, or what happens at a place",
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: "place",
        description: "A place, e.g. Geneva",
        required: false,
        max_length: 100,
        autocomplete: true,
      },
      SUGGEST_FOR_OPTION,
    ],
    ...EVERYWHERE,
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  autocomplete: { option: "place", kind: "where" },
  execute: (interaction, { engine, reply }) =>
    reply(engine.run({ command: "where", argument: interaction.options.getString("place") ?? "" })),
} satisfies SlashCommand;
