import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import type { SlashCommand } from "./command.js";
import { EVERYWHERE } from "./everywhere.js";
import { spanish } from "./spanish.js";
import { SUGGEST_FOR_OPTION } from "./suggestForOption.js";

export const aid = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: "aid",
    description: "What aid the article reports, and how much",
    ...spanish("ayuda", "Qué ayuda recoge el artículo, y cuánta"),
    options: [SUGGEST_FOR_OPTION],
    ...EVERYWHERE,
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute: (_interaction, { engine, reply }) => reply(engine.run({ command: "aid" })),
} satisfies SlashCommand;
