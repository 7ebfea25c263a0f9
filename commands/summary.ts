import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import type { SlashCommand } from "./command.js";
import { EVERYWHERE } from "./everywhere.js";
import { spanish } from "./spanish.js";

export const summary = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: "summary",
    description: "A short summary of the article",
    ...spanish("resumen", "Un resumen breve del artículo"),
    ...EVERYWHERE,
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute: (_interaction, { engine, reply }) => reply(engine.run({ command: "summary" })),
} satisfies SlashCommand;
