import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIApplicationCommandsJSONBody,
} from "discord-api-types/v10";

/**
 * Where every command can be used: installed to a server or to a user; in servers, in DMs with the bot,
 * and in group DMs/other private channels. (Discord applies contexts to global commands; guild commands are guild-only.)
 */
export const EVERYWHERE: Readonly<Pick<RESTPostAPIApplicationCommandsJSONBody, "integration_types" | "contexts">> =
  Object.freeze({
    integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
  });

/** Where a server's own commands are used: in that server only, and only when the bot is installed to it. */
export const IN_SERVERS_ONLY: Readonly<Pick<RESTPostAPIApplicationCommandsJSONBody, "integration_types" | "contexts">> =
  Object.freeze({
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild],
  });
