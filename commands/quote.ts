import { MAX_LENGTH, catalogueEntry, slashCommandData, textOption } from "../src/discord/catalogue.js";
import type { SlashCommand } from "../src/discord/command.js";

const entry = catalogueEntry("quote");

export const quote = {
  kind: "slash",
  data: slashCommandData(entry, [textOption(entry.argument, MAX_LENGTH.name, true)]),
  autocomplete: { option: entry.argument.name, kind: "quote" },
  execute: (interaction, { engine, reply }) => {
    const argument = interaction.options.getString(entry.argument.name) ?? "";
    return reply(engine.run({ command: "quote", argument }), { paging: { command: "quote", argument } });
  },
} satisfies SlashCommand;
