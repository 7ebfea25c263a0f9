import type {
  ApplicationCommandType,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
} from "discord.js";
import type { Answer, AutocompleteKind } from "../engine/answer.js";
import type { AnswerEngine } from "../engine/engine.js";
import type { ArticleRequest } from "./articleDesk.js";

/** How a handled event ended, for the one log line per event. */
export type Outcome = "answered" | "abstained" | "help" | "ignored" | "stale" | "limited" | "undelivered" | "error";

/** How an answered event is logged. */
export function outcomeOf(answer: Answer): Outcome {
  if (answer.command === "help") return "help";
  return answer.answered ? "answered" : "abstained";
}

/** The boolean option that makes a slash command's answer ephemeral (with a "Post to channel" button). */
export const PRIVATE_OPTION_NAME = "private";

/** The user option that posts a command's answer publicly for someone, pinging only them. */
export const SUGGEST_FOR_OPTION_NAME = "user";

/** What a command handler gets besides its interaction. */
export interface CommandContext {
  /** Read once per event: knowledge hot reload may swap engines between events, never during one. */
  engine: AnswerEngine;
  /** Whether the answer is private (only the asker sees it): the `private` option, or always for the context menu. */
  ephemeral: boolean;
  /** Renders the answer (limits, no pings, Prev/Next from the answer itself) and sends it as this event's response. */
  reply(answer: Answer): Promise<Outcome>;
  /** A short private note in our own words (e.g. "that message has no text") instead of an answer. */
  notice(text: string): Promise<Outcome>;
}

/** What a slash command gets: a command context, and the moderators' report. */
export interface SlashContext extends CommandContext {
  /** This server's gaps report of the last `days`, privately, to members with Manage Server (checked here). */
  showGaps(request: { days: number }): Promise<Outcome>;
  /** This server's own articles (add, list, remove), privately, to members with Manage Server (checked here). */
  manageArticles(request: ArticleRequest): Promise<Outcome>;
}

/**
 * What the interaction router needs of a command; `commands/command.ts` narrows it to the exact JSON Discord
 * receives. The adapter never imports `commands/`: the entry points hand the registry in.
 */
export interface SlashHandler {
  readonly data: { readonly type: ApplicationCommandType.ChatInput; readonly name: string };
  /** The option whose autocomplete the engine serves, and the kind of names it suggests. */
  readonly autocomplete?: { readonly option: string; readonly kind: AutocompleteKind };
  /**
   * An admin command, not a question: every reply is private (a deferral included), and it is not deferred for the
   * engine's sake, so that it may answer with a form (which must be the first response).
   */
  readonly administers?: true;
  execute(interaction: ChatInputCommandInteraction, context: SlashContext): Promise<Outcome>;
}

export interface MessageMenuHandler {
  readonly data: { readonly type: ApplicationCommandType.Message; readonly name: string };
  execute(interaction: MessageContextMenuCommandInteraction, context: CommandContext): Promise<Outcome>;
}

export type CommandHandler = SlashHandler | MessageMenuHandler;
