import { COMMAND_CATALOGUE } from "../commandCatalogue.js";
import { ENGINE_MESSAGES } from "../messages.js";
import { type Answerer } from "./answerContext.js";

/** /help: the command catalogue, one line each, and how to ask in free text. */
export const answerHelp: Answerer = (context, { query }) => {
  const lines = COMMAND_CATALOGUE.map((command) => {
    const argument =
      "argument" in command
        ? ` ${command.argument.required ? `<${command.argument.name}>` : `[${command.argument.name}]`}`
        : "";
    return `/${command.name}${argument}: ${command.description}`;
  });
  const text = [ENGINE_MESSAGES.helpIntro, ...lines, ENGINE_MESSAGES.helpFreeText].join("\n");
  return context.factory.answered(query, "help", text, []);
};
