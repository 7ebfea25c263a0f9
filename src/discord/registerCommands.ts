import { REST } from "discord.js";
import { type RESTPutAPIApplicationCommandsJSONBody, Routes } from "discord-api-types/v10";
import { z } from "zod";
import { type Config, requireVariables } from "../config/config.js";

/** What Discord answers to a bulk overwrite, as far as we read it. */
const RegisteredCommands = z.array(z.looseObject({ id: z.string(), name: z.string(), type: z.number().optional() }));
export type RegisteredCommands = z.infer<typeof RegisteredCommands>;

export interface DeployResult {
  scope: "guild" | "global";
  guildId?: string;
  registered: RegisteredCommands;
}

/**
 * Registers the commands (their JSON, exactly as `commands/` defines it) with one bulk overwrite (PUT): to
 * DISCORD_GUILD_ID when set (instant, for development), globally otherwise. Idempotent: the same body leaves
 * Discord's list unchanged.
 */
export async function registerCommands(
  config: Config,
  bodies: RESTPutAPIApplicationCommandsJSONBody,
): Promise<DeployResult> {
  const ready = requireVariables(config, ["DISCORD_TOKEN", "DISCORD_CLIENT_ID"]);
  const rest = new REST(ready.DISCORD_API_URL ? { api: ready.DISCORD_API_URL } : {}).setToken(ready.DISCORD_TOKEN);
  const guildId = ready.DISCORD_GUILD_ID;
  const route = guildId
    ? Routes.applicationGuildCommands(ready.DISCORD_CLIENT_ID, guildId)
    : Routes.applicationCommands(ready.DISCORD_CLIENT_ID);
  const response = await rest.put(route, { body: bodies });
  const registered = RegisteredCommands.parse(response);
  return guildId ? { scope: "guild", guildId, registered } : { scope: "global", registered };
}

export function describeDeploy(result: DeployResult): string {
  const where =
    result.scope === "guild"
      ? `to guild ${result.guildId ?? ""} (available now)`
      : "globally (Discord may take up to an hour to show changes)";
  const names = result.registered.map((command) =>
    command.type === undefined || command.type === 1 ? `/${command.name}` : `"${command.name}" (message menu)`,
  );
  return `Registered ${result.registered.length} commands ${where}: ${names.join(", ")}`;
}
