import { catalogueEntry, slashCommandData } from "../src/discord/catalogue.js";
import type { SlashCommand } from "../src/discord/command.js";

const entry = catalogueEntry("demands");

export const demands = {
  kind: "slash",
  data: slashCommandData(entry),
  execute: (_interaction, { engine, reply }) => reply(engine.run({ command: "demands" })),
} satisfies SlashCommand;
