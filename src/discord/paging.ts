import { CommandName } from "../engine/answer.js";
import type { Answer } from "../engine/answer.js";
import type { ReplyOptions } from "./command.js";

/**
 * Prev/Next for an answer to free text (a mention, a DM, a suggestion button). The engine pages slash-style text
 * ("/search troops", "/where"); the buttons then re-run that command with the argument the user typed.
 */
export function pagingFromInput(input: string, answer: Answer): ReplyOptions {
  if (!answer.page || answer.page.count <= 1) return {};
  const slash = /^\s*[/!](\S+)\s*(.*?)(?:\s*\bpage:\d{1,4})?\s*$/su.exec(input);
  const command = CommandName.safeParse(slash?.[1]?.toLowerCase());
  if (!slash || !command.success || command.data !== answer.command) return {};
  return { paging: { command: command.data, argument: slash[2] ?? "" } };
}
