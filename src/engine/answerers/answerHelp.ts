import { COMMAND_CATALOGUE } from "../commandCatalogue.js";
import { type Answerer } from "./answerContext.js";

/** /help: the command catalogue, one line each, and how to ask in free text. */
export const answerHelp: Answerer = (context, { query }) => {
  const lines = COMMAND_CATALOGUE.map((command) => {
    const argument =
      "argument" in command
        ? ` ${command.argument.required ? `<${command.argument.name}>` : `[${command.argument.name}]`}`
        : "";
    return `/${command.name}${argument}: ${context.factory.language === "es" ? command.spanishDescription : command.description}`;
  });
  const text = [context.factory.messages.helpIntro, ...lines, context.factory.messages.helpFreeText].join("\n");
  return context.factory.answered(query, "help", text, []);
};
