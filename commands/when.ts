import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import type { SlashCommand } from "./command.js";
import { EVERYWHERE } from "./everywhere.js";
import { spanish } from "./spanish.js";
import { SUGGEST_FOR_OPTION } from "./suggestForOption.js";

export const when = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: "when",
    description: "The article's timeline, day by day",
    ...spanish("cuando", "La cronología del artículo, día a día"),
    options: [SUGGEST_FOR_OPTION],
    ...EVERYWHERE,
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute: (_interaction, { engine, reply }) => reply(engine.run({ command: "when" })),
} satisfies SlashCommand;
