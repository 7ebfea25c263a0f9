import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import type { SlashCommand } from "./command.js";
import { EVERYWHERE } from "./everywhere.js";
import { spanish } from "./spanish.js";
import { SUGGEST_FOR_OPTION } from "./suggestForOption.js";

export const demands = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: "demands",
    description: "What the Kremlin demands, according to the article",
    ...spanish("exigencias", "Qué exige el Kremlin, según el artículo"),
    options: [SUGGEST_FOR_OPTION],
    ...EVERYWHERE,
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute: (_interaction, { engine, reply }) => reply(engine.run({ command: "demands" })),
} satisfies SlashCommand;
