import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import type { SlashCommand } from "./command.js";
import { EVERYWHERE } from "./everywhere.js";
import { spanish } from "./spanish.js";
import { SUGGEST_FOR_OPTION } from "./suggestForOption.js";
import { PRIVATE_OPTION } from "./privateOption.js";

export const search = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: "search",
    description: "The article's sentences that best match some words, ranked",
    ...spanish("buscar", "Las frases del artículo que mejor coinciden con unas palabras, por orden"),
    options: [
      // Short, so that Prev/Next can carry the words in a button's 100-character custom_id.
      {
        type: ApplicationCommandOptionType.String,
        name: "words",
        description: "Words to look for, e.g. troops border",
        ...spanish("palabras", "Palabras que buscar, p. ej. tropas frontera"),
        required: true,
        max_length: 80,
      },
      PRIVATE_OPTION,
      SUGGEST_FOR_OPTION,
    ],
    ...EVERYWHERE,
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute: (interaction, { engine, reply }) =>
    reply(engine.run({ command: "search", argument: interaction.options.getString("words", true) })),
} satisfies SlashCommand;
