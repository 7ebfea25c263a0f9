import type { ChatInputCommandInteraction, MessageContextMenuCommandInteraction } from "discord.js";
import type { RESTPostAPIChatInputApplicationCommandsJSONBody, RESTPostAPIContextMenuApplicationCommandsJSONBody } from "discord-api-types/v10";
import type { Answer, AutocompleteKind } from "../engine/answer.js";
import type { AnswerEngine } from "../engine/engine.js";

/** How a handled event ended, for the one log line per event. */
export type Outcome = "answered" | "abstained" | "help" | "ignored" | "stale" | "limited" | "undelivered" | "error";

export interface ReplyOptions {
  /** Answer ephemerally, with a "Post to channel" button. */
  private?: boolean;
  /** The request that produced the answer, so Prev/Next buttons can ask for other pages. */
  paging?: { command: Answer["command"]; argument: string };
}

/** What a command handler gets besides its interaction: the engine of this event, and one way to reply. */
export interface CommandContext {
  /** Read once per event: knowledge hot reload may swap engines between events, never during one. */
  engine: AnswerEngine;
  /** Renders the answer (limits, no pings) and sends it as this interaction's reply. */
  reply(answer: Answer, options?: ReplyOptions): Promise<Outcome>;
}

export interface SlashCommand {
  kind: "slash";
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** The option whose autocomplete the engine serves, and the kind of names it suggests. */
  autocomplete?: { option: string; kind: AutocompleteKind };
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<Outcome>;
}

export interface MessageMenuCommand {
  kind: "message";
  data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  execute(interaction: MessageContextMenuCommandInteraction, context: CommandContext): Promise<Outcome>;
}

export type Command = SlashCommand | MessageMenuCommand;
