import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger } from "pino";

export interface LoggerOptions {
  level?: string;
  /** Strings that must never be written (the bot token): replaced by "[redacted]" in every line. */
  secrets?: readonly (string | undefined)[];
  /** Where lines go; default standard error, so standard output stays free for answers. */
  destination?: DestinationStream;
}

const REDACTED = "[redacted]";

/** Structured JSON logs (pino) to standard error, with secrets scrubbed from every line whatever field they hide in. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter(
    (secret): secret is string => typeof secret === "string" && secret.length >= 8,
  );
  return pino(
    {
      level: options.level ?? "info",
      base: undefined,
      redact: {
        paths: [
          "token",
          "*.token",
          "DISCORD_TOKEN",
          "*.DISCORD_TOKEN",
          "headers.authorization",
          "*.headers.authorization",
        ],
        censor: REDACTED,
      },
      hooks: secrets.length === 0 ? {} : { streamWrite: (line: string) => scrub(line, secrets) },
    },
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}

function scrub(line: string, secrets: readonly string[]): string {
  let result = line;
  for (const secret of secrets) result = result.split(secret).join(REDACTED);
  return result;
}
