import { catalogueEntry, slashCommandData } from "../src/discord/catalogue.js";
import type { SlashCommand } from "../src/discord/command.js";

const entry = catalogueEntry("summary");

export const summary = {
  kind: "slash",
  data: slashCommandData(entry),
  execute: (_interaction, { engine, reply }) => reply(engine.run({ command: "summary" })),
} satisfies SlashCommand;
