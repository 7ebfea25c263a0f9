import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import type { SlashCommand } from "./command.js";
import { EVERYWHERE } from "./everywhere.js";
import { spanish } from "./spanish.js";
import { SUGGEST_FOR_OPTION } from "./suggestForOption.js";

export const quote = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: "quote",
    description: "Direct quotes from the article, optionally by one speaker",
    ...spanish("citas", "Citas textuales del artículo, si quieres de una sola persona"),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: "speaker",
        description: "Who said it, e.g. Blinken",
        ...spanish("autor", "Quién lo dijo, p. ej. Blinken"),
        required: false,
        max_length: 100,
        autocomplete: true,
      },
      SUGGEST_FOR_OPTION,
    ],
    ...EVERYWHERE,
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  autocomplete: { option: "speaker", kind: "quote" },
  execute: (interaction, { engine, reply }) =>
    reply(engine.run({ command: "quote", argument: interaction.options.getString("speaker") ?? "" })),
} satisfies SlashCommand;
