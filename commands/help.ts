import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import type { SlashCommand } from "./command.js";
import { EVERYWHERE } from "./everywhere.js";
import { spanish } from "./spanish.js";

export const help = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: "help",
    description: "What this bot can answer, and how to ask",
    ...spanish("comandos", "Qué puede responder este bot, y cómo preguntar"),
    ...EVERYWHERE,
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute: (_interaction, { engine, reply }) => reply(engine.run({ command: "help" })),
} satisfies SlashCommand;
