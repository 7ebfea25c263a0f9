import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { DEFAULT_GAP_DAYS } from "../src/gaps/gapsReport.js";
import type { SlashCommand } from "./command.js";
import { IN_SERVERS_ONLY } from "./everywhere.js";
import { spanish } from "./spanish.js";

/** For moderators: this server's refused and down-voted questions, grouped by wording, privately and paginated. */
export const gaps = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: "gaps",
    description: "Questions the bot could not answer or people voted down, in this server (Manage Server)",
    ...spanish("huecos", "Preguntas que el bot no supo responder o que se votaron en contra, en este servidor"),
    options: [
      {
        type: ApplicationCommandOptionType.Integer,
        name: "days",
        description: "How many days back (default 30)",
        ...spanish("dias", "Cuántos días hacia atrás (por defecto 30)"),
        required: false,
        min_value: 1,
        max_value: 365,
      },
    ],
    // Manage Server (1 << 5): Discord shows the command only to members with it, unless a server changes that.
    default_member_permissions: "32",
    ...IN_SERVERS_ONLY,
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  execute: (interaction, { showGaps }) =>
    showGaps({ days: interaction.options.getInteger("days") ?? DEFAULT_GAP_DAYS }),
} satisfies SlashCommand;
