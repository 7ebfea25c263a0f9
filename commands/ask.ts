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

export const ask = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: "ask",
    description: "Ask any question about the article",
    ...spanish("preguntar", "Pregunta lo que quieras sobre el artículo"),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: "question",
        description: "Your question, e.g. where will Blinken meet Lavrov?",
        ...spanish("pregunta", "Tu pregunta, p. ej. ¿dónde se reunirá Blinken con Lavrov?"),
        required: true,
        max_length: 500,
      },
      PRIVATE_OPTION,
      SUGGEST_FOR_OPTION,
    ],
    ...EVERYWHERE,
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute: (interaction, { engine, reply }) => reply(engine.ask(interaction.options.getString("question", true))),
} satisfies SlashCommand;
