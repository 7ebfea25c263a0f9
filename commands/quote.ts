import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import { AVAILABILITY, MAX_LENGTH, catalogueEntry, textOption } from "../src/discord/catalogue.js";
import type { SlashCommand } from "../src/discord/command.js";

const entry = catalogueEntry("quote");

export const quote = {
  kind: "slash",
  data: {
    type: ApplicationCommandType.ChatInput,
    name: entry.name,
    description: entry.description,
    ...AVAILABILITY,
    options: [textOption(entry.argument, MAX_LENGTH.name, true)],
  } satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  autocomplete: { option: entry.argument.name, kind: "quote" },
  execute: (interaction, { engine, reply }) => {
    const argument = interaction.options.getString(entry.argument.name) ?? "";
    return reply(engine.run({ command: "quote", argument }), { paging: { command: "quote", argument } });
  },
} satisfies SlashCommand;
