import { spawn } from "node:child_process";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const TSX = "node_modules/.bin/tsx";

/**
 * The Discord variables set empty (empty counts as unset, and what the environment sets wins over .env), so that a
 * developer's .env cannot switch a console test into bot mode or send it anywhere.
 */
const NO_DISCORD = Object.freeze({
  DISCORD_TOKEN: "",
  DISCORD_CLIENT_ID: "",
  DISCORD_GUILD_ID: "",
  DISCORD_API_URL: "",
});

/** Runs a project entry point the way npm scripts do (tsx), feeding stdin, with a hard time limit. */
export function runCli(
  entry: string,
  args: readonly string[],
  options: { stdin?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [entry, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...NO_DISCORD, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${entry} did not finish within ${options.timeoutMs ?? 15_000} ms; stderr: ${stderr}`));
    }, options.timeoutMs ?? 15_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? "");
  });
}
