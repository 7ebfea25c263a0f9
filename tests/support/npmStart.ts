/** The bot started as a user starts it, `npm start` (the compiled dist/), with its output collected for the tests. */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";

export interface StartedByNpm {
  readonly child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code and signal of npm. */
  readonly exit: Promise<[number | null, NodeJS.Signals | null]>;
  /** Waits until the bot has logged a line containing `text` after `since` characters of output. */
  logged(text: string, since?: number, timeoutMs?: number): Promise<void>;
  /** The bot's own process (node running dist/src/main.js, below npm and sh), as its "bot ready" line names it. */
  botPid(): number;
  /** Kills the whole process group when it is still running (test clean-up). */
  kill(): void;
}

/**
 * The environment of a bot started against the fake Discord at `apiUrl`: every variable the program reads, set
 * explicitly (empty = unset) so that a developer's .env cannot change a test, then `overrides`. No question limit:
 * the tests ask more questions in a row than it allows.
 */
export function npmStartEnv(
  apiUrl: string,
  token: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    DISCORD_TOKEN: token,
    DISCORD_API_URL: apiUrl,
    DISCORD_CLIENT_ID: "",
    DISCORD_GUILD_ID: "",
    DISCORD_PUBLIC_KEY: "",
    HTTP_PORT: "",
    HTTP_HOST: "127.0.0.1",
    GATEWAY: "",
    SHARDS: "",
    LOG_LEVEL: "info",
    KNOWLEDGE_DIR: "knowledge",
    QUESTION_RATE_LIMIT: "off",
    // Nothing recorded unless a test asks for the store (with its own DATA_DIR): a test never writes into the repository.
    STORE: "off",
    DATA_DIR: "",
    HISTORY_DAYS: "",
    PERSON_HASH_KEY: "",
    ...overrides,
  };
}

/**
 * Every variable is set explicitly (empty = unset) by the caller, so a developer's .env cannot change a test.
 * npm's update check would contact the registry and can delay npm's exit; the bot must only talk to 127.0.0.1.
 */
export function startWithNpm(env: Record<string, string>): StartedByNpm {
  const child = spawn("npm", ["start"], {
    env: { ...process.env, npm_config_update_notifier: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exit = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  return {
    child,
    output: () => output,
    exit,
    async logged(text, since = 0, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!output.slice(since).includes(text)) {
        if (Date.now() > deadline)
          throw new Error(`the bot did not log ${JSON.stringify(text)}:\n${output.slice(since)}`);
        await sleep(25);
      }
    },
    botPid() {
      const ready = output.split("\n").find((line) => line.includes('"msg":"bot ready"'));
      const pid: unknown = ready ? (JSON.parse(ready) as { pid?: unknown }).pid : undefined;
      if (typeof pid !== "number") throw new Error(`no "bot ready" line with a pid:\n${output}`);
      return pid;
    },
    kill() {
      if (child.exitCode !== null || child.pid === undefined) return;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    },
  };
}
