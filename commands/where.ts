import { MAX_LENGTH, catalogueEntry, slashCommandData, textOption } from "../src/discord/catalogue.js";
import type { SlashCommand } from "../src/discord/command.js";

const entry = catalogueEntry("where");

export const where = {
  kind: "slash",
  data: slashCommandData(entry, [textOption(entry.argument, MAX_LENGTH.name, true)]),
  autocomplete: { option: entry.argument.name, kind: "where" },
  execute: (interaction, { engine, reply }) => {
    const argument = interaction.options.getString(entry.argument.name) ?? "";
    return reply(engine.run({ command: "where", argument }), { paging: { command: "where", argument } });
  },
} satisfies SlashCommand;
