import { MAX_LENGTH, PRIVATE_OPTION, catalogueEntry, slashCommandData, textOption } from "../src/discord/catalogue.js";
import type { SlashCommand } from "../src/discord/command.js";

const entry = catalogueEntry("ask");

export const ask = {
  kind: "slash",
  data: slashCommandData(entry, [textOption(entry.argument, MAX_LENGTH.question), PRIVATE_OPTION]),
  execute: (interaction, { engine, reply }) => reply(engine.ask(interaction.options.getString(entry.argument.name, true)), { private: interaction.options.getBoolean("private") ?? false }),
} satisfies SlashCommand;
