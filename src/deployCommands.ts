import { pathToFileURL } from "node:url";
import type { RESTPutAPIApplicationCommandsJSONBody } from "discord-api-types/v10";
import { COMMANDS } from "../commands/index.js";
import { type Config, ConfigError, loadConfig } from "./config/config.js";
import { type DeployResult, describeDeploy, registerCommands } from "./discord/registerCommands.js";

/** The request body: every command of the registry, exactly as defined in `commands/`. */
export function commandBodies(): RESTPutAPIApplicationCommandsJSONBody {
  return COMMANDS.map((command) => command.data);
}

/** Registers the registry's commands (see `registerCommands`). */
export function deployCommands(config: Config): Promise<DeployResult> {
  return registerCommands(config, commandBodies());
}

/** `npm run deploy-commands`: registers the commands and prints what Discord registered; one line and exit 1 on failure. */
async function main(): Promise<void> {
  let token: string | undefined;
  try {
    const config = loadConfig();
    token = config.DISCORD_TOKEN;
    console.log(describeDeploy(await deployCommands(config)));
  } catch (error) {
    const message =
      error instanceof ConfigError
        ? error.message
        : `Deploying commands failed: ${error instanceof Error ? error.message : String(error)}`;
    console.error(token ? message.split(token).join("[redacted]") : message);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
