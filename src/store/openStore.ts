import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config/config.js";
import type { Logger } from "../logging/logger.js";
import { personHashKey } from "./personHash.js";
import type { QuestionStore } from "./questionStore.js";
import { openSqliteStore } from "./sqliteStore.js";

export const STORE_FILE = "bot.sqlite";
const DAY_MS = 86_400_000;
/** History older than HISTORY_DAYS is deleted at start-up and then this often. */
const PRUNE_EVERY_MS = 6 * 3_600_000;

export type StoreConfig = Pick<Config, "STORE" | "DATA_DIR" | "HISTORY_DAYS" | "PERSON_HASH_KEY">;

/**
 * The bot's store as configured, pruned now and every few hours; undefined when STORE=off or when the file cannot
 * be opened (logged: the bot then answers without recording, as it does with STORE=off).
 */
export function openConfiguredStore(
  config: StoreConfig,
  logger: Logger,
  now: () => Date = () => new Date(),
): QuestionStore | undefined {
  if (config.STORE === "off") return undefined;
  let store: QuestionStore;
  try {
    mkdirSync(config.DATA_DIR, { recursive: true });
    store = openSqliteStore({
      file: join(config.DATA_DIR, STORE_FILE),
      personKey: personHashKey(config.PERSON_HASH_KEY, config.DATA_DIR),
      logger,
    });
  } catch (error) {
    logger.error(
      { err: error, dataDir: config.DATA_DIR },
      "question store could not be opened; answering without recording (no feedback buttons, no gaps)",
    );
    return undefined;
  }
  const prune = (): void => {
    const removed = store.prune(new Date(now().getTime() - config.HISTORY_DAYS * DAY_MS));
    if (removed > 0) logger.info({ removed, historyDays: config.HISTORY_DAYS }, "old questions deleted");
  };
  prune();
  const timer = setInterval(prune, PRUNE_EVERY_MS).unref();
  return {
    ...store,
    close() {
      clearInterval(timer);
      store.close();
    },
  };
}
