import { ApplicationCommandOptionType, type APIApplicationCommandBooleanOption } from "discord-api-types/v10";
import { PRIVATE_OPTION_NAME } from "../src/discord/commandContext.js";
import { MESSAGES } from "../src/discord/messages.js";
import { spanish } from "./spanish.js";

/** The `private` flag of /ask and /search: the adapter then answers ephemerally, with a "Post to channel" button. */
export const PRIVATE_OPTION: APIApplicationCommandBooleanOption = Object.freeze({
  type: ApplicationCommandOptionType.Boolean,
  name: PRIVATE_OPTION_NAME,
  description: MESSAGES.privateOptionDescription,
  ...spanish("privado", "Solo tú ves la respuesta (puedes publicarla en el canal después)"),
  required: false,
});
