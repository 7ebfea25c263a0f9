import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import { AVAILABILITY, catalogueEntry } from "../src/discord/catalogue.js";
import type { SlashCommand } from "../src/discord/command.js";

const entry = catalogueEntry("when");

export const when = {
  kind: "slash",
  data: { type: ApplicationCommandType.ChatInput, name: entry.name, description: entry.description, ...AVAILABILITY } satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute: (_interaction, { engine, reply }) => reply(engine.run({ command: "when" }), { paging: { command: "when", argument: "" } }),
} satisfies SlashCommand;
