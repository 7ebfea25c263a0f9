import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import { AVAILABILITY, MAX_LENGTH, PRIVATE_OPTION, catalogueEntry, textOption } from "../src/discord/catalogue.js";
import type { SlashCommand } from "../src/discord/command.js";

const entry = catalogueEntry("search");

export const search = {
  kind: "slash",
  data: {
    type: ApplicationCommandType.ChatInput,
    name: entry.name,
    description: entry.description,
    ...AVAILABILITY,
    options: [textOption(entry.argument, MAX_LENGTH.words), PRIVATE_OPTION],
  } satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute: (interaction, { engine, reply }) => {
    const words = interaction.options.getString(entry.argument.name, true);
    return reply(engine.run({ command: "search", argument: words }), { private: interaction.options.getBoolean("private") ?? false, paging: { command: "search", argument: words } });
  },
} satisfies SlashCommand;
