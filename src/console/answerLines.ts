import { createInterface } from "node:readline";
import type { Answer } from "../engine/answer.js";
import type { AnswerEngine } from "../engine/engine.js";
import { MAX_EARLIER_TURNS } from "../engine/followUp.js";
import { renderText } from "./renderText.js";

export interface AnswerLinesOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  json: boolean;
  /** Show a prompt and a one-line hint (when a person is typing at a terminal). */
  interactive: boolean;
  hint?: string;
  /**
   * Lines are one conversation: a follow-up ("and where will he meet Blinken?") is read about the questions before
   * it, and `/new` starts afresh. Off for batch asking, where every line stands alone.
   */
  conversation?: boolean;
}

/** The console line that forgets the conversation so far. */
export const NEW_CONVERSATION = "/new";
const NEW_CONVERSATION_NOTICE = "New conversation: the questions before this are forgotten.";

export function formatAnswer(answer: Answer, json: boolean): string {
  return json ? JSON.stringify(answer) : `${renderText(answer)}\n`;
}

/**
 * Answers one question per input line, in order, until the input ends. Blank lines are skipped
 * when reading a pipe but answered (with a hint) at a terminal, where a person expects a reaction.
 */
export async function answerLines(engine: AnswerEngine, options: AnswerLinesOptions): Promise<void> {
  const lines = createInterface({ input: options.input, terminal: false, crlfDelay: Infinity });
  const write = (text: string) => options.output.write(text.endsWith("\n") ? text : `${text}\n`);
  if (options.interactive && options.hint) write(options.hint);
  if (options.interactive) options.output.write("> ");
  const earlier: string[] = [];
  for await (const line of lines) {
    if (options.conversation && line.trim().toLowerCase() === NEW_CONVERSATION) {
      earlier.length = 0;
      write(options.json ? JSON.stringify({ notice: NEW_CONVERSATION_NOTICE }) : NEW_CONVERSATION_NOTICE);
    } else if (line.trim().length > 0 || options.interactive) {
      const answer = engine.ask(line, options.conversation ? { previous: earlier } : {});
      write(formatAnswer(answer, options.json));
      if (options.conversation && line.trim().length > 0) {
        earlier.push(line);
        if (earlier.length > MAX_EARLIER_TURNS) earlier.shift();
      }
    }
    if (options.interactive) options.output.write("> ");
  }
  if (options.interactive) options.output.write("\n");
}
