import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import type { SlashCommand } from "./command.js";
import { EVERYWHERE } from "./everywhere.js";
import { spanish } from "./spanish.js";

export const source = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: "source",
    description: "Where the article comes from: source, title and byline",
    ...spanish("fuente", "De dónde viene el artículo: fuente, título y autor"),
    ...EVERYWHERE,
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute: (_interaction, { engine, reply }) => reply(engine.run({ command: "source" })),
} satisfies SlashCommand;
