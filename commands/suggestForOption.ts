import { ApplicationCommandOptionType, type APIApplicationCommandUserOption } from "discord-api-types/v10";
import { SUGGEST_FOR_OPTION_NAME } from "../src/discord/commandContext.js";
import { MESSAGES } from "../src/discord/messages.js";
import { spanish } from "./spanish.js";

/** The `user` option of the answering commands: the answer is posted publicly, headed "Suggested for @user". */
export const SUGGEST_FOR_OPTION: APIApplicationCommandUserOption = Object.freeze({
  type: ApplicationCommandOptionType.User,
  name: SUGGEST_FOR_OPTION_NAME,
  description: MESSAGES.userOptionDescription,
  ...spanish("usuario", "Publica la respuesta para esta persona: la menciona a ella, y a nadie más"),
  required: false,
});
