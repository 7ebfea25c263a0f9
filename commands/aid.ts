import { catalogueEntry, slashCommandData } from "../src/discord/catalogue.js";
import type { SlashCommand } from "../src/discord/command.js";

const entry = catalogueEntry("aid");

export const aid = {
  kind: "slash",
  data: slashCommandData(entry),
  execute: (_interaction, { engine, reply }) => reply(engine.run({ command: "aid" })),
} satisfies SlashCommand;
