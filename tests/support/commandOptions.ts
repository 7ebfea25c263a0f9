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

/** The name of every answering slash command in the registry. */
export const SLASH_COMMAND_NAMES: readonly string[] = COMMANDS.filter(
  // Moderators' reports (/gaps, behind default_member_permissions) answer with no citation: tests/discord/gaps.test.ts.
  (command) =>
    command.data.type === ApplicationCommandType.ChatInput && !("default_member_permissions" in command.data),
).map((command) => command.data.name);
