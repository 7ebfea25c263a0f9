import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import { AVAILABILITY, MAX_LENGTH, PRIVATE_OPTION, catalogueEntry, textOption } from "../src/discord/catalogue.js";
import type { SlashCommand } from "../src/discord/command.js";

const entry = catalogueEntry("ask");

export const ask = {
  kind: "slash",
  data: {
    type: ApplicationCommandType.ChatInput,
    name: entry.name,
    description: entry.description,
    ...AVAILABILITY,
    options: [textOption(entry.argument, MAX_LENGTH.question), PRIVATE_OPTION],
  } satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute: (interaction, { engine, reply }) => reply(engine.ask(interaction.options.getString(entry.argument.name, true)), { private: interaction.options.getBoolean("private") ?? false }),
} satisfies SlashCommand;
