import type {
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import type { MessageMenuHandler, SlashHandler } from "../src/discord/commandContext.js";

/** A slash command: the literal JSON Discord receives (registered by the deploy script) and its handler. */
export interface SlashCommand extends SlashHandler {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody & SlashHandler["data"];
}

/** A message context-menu command ("Apps → …" on a message). */
export interface MessageMenuCommand extends MessageMenuHandler {
  readonly data: RESTPostAPIContextMenuApplicationCommandsJSONBody & MessageMenuHandler["data"];
}

export type Command = SlashCommand | MessageMenuCommand;
