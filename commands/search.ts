import { MAX_LENGTH, PRIVATE_OPTION, catalogueEntry, slashCommandData, textOption } from "../src/discord/catalogue.js";
import type { SlashCommand } from "../src/discord/command.js";

const entry = catalogueEntry("search");

export const search = {
  kind: "slash",
  data: slashCommandData(entry, [textOption(entry.argument, MAX_LENGTH.words), PRIVATE_OPTION]),
  execute: (interaction, { engine, reply }) => {
    const words = interaction.options.getString(entry.argument.name, true);
    return reply(engine.run({ command: "search", argument: words }), { private: interaction.options.getBoolean("private") ?? false, paging: { command: "search", argument: words } });
  },
} satisfies SlashCommand;
