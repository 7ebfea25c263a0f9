import { createInterface } from "node:readline";
import type { Answer } from "../engine/answer.js";
import type { AnswerEngine } from "../engine/engine.js";
import { renderText } from "./renderText.js";

export interface AnswerLinesOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  json: boolean;
  /** Show a prompt and a one-line hint (when a person is typing at a terminal). */
  interactive: boolean;
  hint?: string;
}

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
  for await (const line of lines) {
    if (line.trim().length > 0 || options.interactive) write(formatAnswer(engine.ask(line), options.json));
    if (options.interactive) options.output.write("> ");
  }
  if (options.interactive) options.output.write("\n");
}
