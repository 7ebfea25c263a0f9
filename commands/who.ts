import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import type { SlashCommand } from "./command.js";
import { EVERYWHERE } from "./everywhere.js";
import { spanish } from "./spanish.js";
import { SUGGEST_FOR_OPTION } from "./suggestForOption.js";

export const who = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: "who",
    description: "Who is someone, or what is an organisation or country, in the article",
    ...spanish("quien", "Quién es alguien, o qué es una organización o un país, según el artículo"),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: "name",
        description: "A person, organisation or country, e.g. Lavrov",
        ...spanish("nombre", "Una persona, organización o país, p. ej. Lavrov"),
        required: true,
        max_length: 100,
        autocomplete: true,
      },
      SUGGEST_FOR_OPTION,
    ],
    ...EVERYWHERE,
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  autocomplete: { option: "name", kind: "who" },
  execute: (interaction, { engine, reply }) =>
    reply(engine.run({ command: "who", argument: interaction.options.getString("name", true) })),
} satisfies SlashCommand;
