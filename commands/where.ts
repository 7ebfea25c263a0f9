import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import type { SlashCommand } from "./command.js";
import { EVERYWHERE } from "./everywhere.js";
import { spanish } from "./spanish.js";
import { SUGGEST_FOR_OPTION } from "./suggestForOption.js";

export const where = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: "where",
    description: "Where things happen in the article, or what happens at a place",
    ...spanish("donde", "Dónde ocurren las cosas del artículo, o qué ocurre en un lugar"),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: "place",
        description: "A place, e.g. Geneva",
        ...spanish("lugar", "Un lugar, p. ej. Ginebra"),
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
