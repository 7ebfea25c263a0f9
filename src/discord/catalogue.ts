import { ApplicationCommandOptionType, ApplicationCommandType, ApplicationIntegrationType, InteractionContextType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import type { CommandName } from "../engine/answer.js";
import { COMMAND_CATALOGUE } from "../engine/commandCatalogue.js";
import { MESSAGES } from "./messages.js";

type CatalogueEntry = (typeof COMMAND_CATALOGUE)[number];
export type CatalogueEntryOf<N extends CommandName> = Extract<CatalogueEntry, { name: N }>;

/** The catalogue entry of one command, typed precisely (so `.argument` exists exactly where the catalogue has one). */
export function catalogueEntry<N extends CommandName>(name: N): CatalogueEntryOf<N> {
  const entry = COMMAND_CATALOGUE.find((candidate): candidate is CatalogueEntryOf<N> => candidate.name === name);
  if (!entry) throw new Error(`no catalogue entry for command ${name}`);
  return entry;
}

/**
 * Where every command can be used: installed to a server or to a user; in servers, in DMs with the bot,
 * and in group DMs/other private channels. (Discord applies contexts to global commands; guild commands are guild-only.)
 */
export const AVAILABILITY = Object.freeze({
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
});

/** Discord-side input caps (`max_length`). Search words stay short so Prev/Next can carry them in a 100-character custom_id. */
export const MAX_LENGTH = Object.freeze({ question: 500, name: 100, words: 80 });

/** A command's one text option, as its catalogue entry describes it. */
export function textOption(argument: { name: string; description: string; required: boolean }, maxLength: number, autocomplete = false) {
  return { type: ApplicationCommandOptionType.String, name: argument.name, description: argument.description, required: argument.required, max_length: maxLength, autocomplete } as const;
}

/** The `private` flag of /ask and /search: answer ephemerally, with a "Post to channel" button. */
export const PRIVATE_OPTION = Object.freeze({ type: ApplicationCommandOptionType.Boolean, name: "private", description: MESSAGES.privateOptionDescription, required: false } as const);

/** The JSON of a slash command: its catalogue name and description, usable everywhere, with these options. */
export function slashCommandData(entry: { name: string; description: string }, options: RESTPostAPIChatInputApplicationCommandsJSONBody["options"] = undefined): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return { type: ApplicationCommandType.ChatInput, name: entry.name, description: entry.description, ...AVAILABILITY, ...(options ? { options } : {}) };
}
