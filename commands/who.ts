import { MAX_LENGTH, catalogueEntry, slashCommandData, textOption } from "../src/discord/catalogue.js";
import type { SlashCommand } from "../src/discord/command.js";

const entry = catalogueEntry("who");

export const who = {
  kind: "slash",
  data: slashCommandData(entry, [textOption(entry.argument, MAX_LENGTH.name, true)]),
  autocomplete: { option: entry.argument.name, kind: "who" },
  execute: (interaction, { engine, reply }) => {
    const argument = interaction.options.getString(entry.argument.name, true) ?? "";
    return reply(engine.run({ command: "who", argument }), { paging: { command: "who", argument } });
  },
} satisfies SlashCommand;
