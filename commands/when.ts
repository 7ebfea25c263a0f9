import { catalogueEntry, slashCommandData } from "../src/discord/catalogue.js";
import type { SlashCommand } from "../src/discord/command.js";

const entry = catalogueEntry("when");

export const when = {
  kind: "slash",
  data: slashCommandData(entry),
  execute: (_interaction, { engine, reply }) => reply(engine.run({ command: "when" }), { paging: { command: "when", argument: "" } }),
} satisfies SlashCommand;
