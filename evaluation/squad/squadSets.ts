import { fileURLToPath } from "node:url";

/** The SQuAD 2.0 article every session has (shared/datasets): the default of `npm run eval -- --squad`. */
export const SHARED_SQUAD_FILE = fileURLToPath(
  new URL("../../../shared/datasets/squad2-computational-complexity.json", import.meta.url),
);

/** Articles kept for an independent check: never trained or tuned on. */
export const RESERVED_SQUAD_TITLES: ReadonlySet<string> = new Set(["Normans", "Rhine"]);
