import { ApplicationCommandType } from "discord-api-types/v10";
import { COMMANDS } from "../../commands/index.js";

/** A plausible value for each command's options, so every registered command is exercised. */
export const OPTIONS: Readonly<Record<string, Record<string, string>>> = Object.freeze({
  ask: { question: "where will Blinken meet Lavrov?" },
  who: { name: "Lavrov" },
  where: { place: "Geneva" },
  quote: { speaker: "Blinken" },
  search: { words: "troops border" },
});

/** The name of every slash command in the registry. */
export const SLASH_COMMAND_NAMES: readonly string[] = COMMANDS.filter(
  (command) => command.data.type === ApplicationCommandType.ChatInput,
).map((command) => command.data.name);
