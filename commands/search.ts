import { ApplicationCommandOptionType, ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import { AVAILABILITY, MAX_LENGTH, catalogueEntry } from "../src/discord/catalogue.js";
import type { SlashCommand } from "../src/discord/command.js";
import { MESSAGES } from "../src/discord/messages.js";

const entry = catalogueEntry("search");

export const search = {
  kind: "slash",
  data: {
    type: ApplicationCommandType.ChatInput,
    name: entry.name,
    description: entry.description,
    ...AVAILABILITY,
    options: [
      { type: ApplicationCommandOptionType.String, name: entry.argument.name, description: entry.argument.description, required: entry.argument.required, max_length: MAX_LENGTH.words },
      { type: ApplicationCommandOptionType.Boolean, name: "private", description: MESSAGES.privateOptionDescription, required: false },
    ],
  } satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute: (interaction, { engine, reply }) => {
    const words = interaction.options.getString(entry.argument.name, true);
    return reply(engine.run({ command: "search", argument: words }), { private: interaction.options.getBoolean("private") ?? false, paging: { command: "search", argument: words } });
  },
} satisfies SlashCommand;
