/** A question store on a real file in a temporary folder, with its log lines collected. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, type Logger } from "../../src/logging/logger.js";
import type { AskedQuestion } from "../../src/store/questionStore.js";

export interface CollectedLogs {
  logger: Logger;
  lines: { level: number; msg?: string; [key: string]: unknown }[];
}

export function collectLogs(): CollectedLogs {
  const lines: CollectedLogs["lines"] = [];
  const logger = createLogger({
    level: "debug",
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as CollectedLogs["lines"][number]) },
  });
  return { logger, lines };
}

export function temporaryDataDir(): string {
  return mkdtempSync(join(tmpdir(), "bot-store-"));
}

let nextId = 1_100_000_000_000_000_000n;

/** A refused question asked now by person 1; override what a test cares about. */
export function askedQuestion(overrides: Partial<AskedQuestion> = {}): AskedQuestion {
  nextId += 1n;
  return {
    id: String(nextId),
    askedAt: new Date(),
    surface: "slash",
    command: "ask",
    text: "What is the capital of France?",
    answered: false,
    citedArticle: undefined,
    citedSentences: [],
    latencyMs: 1.5,
    guildId: "1100000000000000100",
    personId: "1100000000000000001",
    ...overrides,
  };
}
