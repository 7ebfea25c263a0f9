import Fuse from "fuse.js";
import type { Entity } from "../knowledge/schema.js";
import { FuzzyWords } from "../text/fuzzyWords.js";
import { foldText, nameKey } from "../text/normalize.js";
import { SEARCH_CONFIG } from "./searchConfig.js";

/** An entity of one article. The same name in two articles gives two refs. */
export interface EntityRef {
  articleIndex: number;
  entity: Entity;
}

/** A run of query words that names an entity. */
export interface EntityMatch {
  refs: EntityRef[];
  /** The query words that matched, as typed. */
  surface: string;
  firstWord: number;
  lastWord: number;
  fuzzy: boolean;
}

/** A query split into words, keeping the typed case beside the folded form. */
export interface QueryWords {
  original: string[];
  folded: string[];
}

const MAX_NAME_WORDS = 5;

/** Short all-capital aliases ("US", "UK") only match when typed in capitals, so "tell us" is not the United States. */
function needsCapitals(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, "");
  return letters.length <= 3 && letters === letters.toUpperCase();
}

export function splitQueryWords(text: string): QueryWords {
  const original = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/['’]s\b/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  return { original, folded: original.map((word) => foldText(word)) };
}

/** Resolves names, aliases, spellings and typos in a question to the entities of the knowledge. */
export class EntityIndex {
  private readonly byKey = new Map<string, EntityRef[]>();
  /** First word of every alias key: a run of query words starting elsewhere names nothing. */
  private readonly firstWords = new Set<string>();
  private readonly capitalsOnly = new Set<string>();
  /** One-word names for correcting typos in questions. */
  private readonly fuzzyNames: FuzzyWords;
  /** Every name and alias, for the autocomplete box's fuzzy tier. */
  private readonly autocompleteFuse: Fuse<{ key: string; ref: EntityRef }>;
  readonly refs: EntityRef[] = [];

  constructor(refs: readonly EntityRef[]) {
    for (const ref of refs) this.add(ref);
    this.fuzzyNames = new FuzzyWords(
      [...this.byKey.keys()].filter((key) => !key.includes(" ") && !this.capitalsOnly.has(key)),
    );
    const entries = [...this.byKey].flatMap(([key, list]) => list.map((ref) => ({ key, ref })));
    this.autocompleteFuse = new Fuse(entries, { ...SEARCH_CONFIG.autocompleteFuse, keys: ["key"] });
  }

  private add(ref: EntityRef): void {
    this.refs.push(ref);
    for (const alias of [ref.entity.name, ...ref.entity.aliases]) {
      const key = nameKey(alias);
      if (key.length === 0) continue;
      if (needsCapitals(alias)) this.capitalsOnly.add(key);
      this.firstWords.add(key.split(" ")[0] ?? key);
      const list = this.byKey.get(key) ?? [];
      if (!list.includes(ref)) list.push(ref);
      this.byKey.set(key, list);
    }
  }

  /** Entities named exactly (by any alias, case- and accent-insensitive). */
  lookup(name: string): EntityRef[] {
    return this.byKey.get(nameKey(name)) ?? [];
  }

  /**
   * Finds entity names in the query: longest exact alias runs first, then single words that are one
   * or two letters off a one-word alias ("lavrof", "stoltenburg"). `isKnownWord` keeps real article
   * words from being "corrected" into a name.
   */
  find(query: QueryWords, isKnownWord: (word: string) => boolean, ignore: ReadonlySet<string>): EntityMatch[] {
    const matches: EntityMatch[] = [];
    const used = new Array<boolean>(query.folded.length).fill(false);
    for (let size = Math.min(MAX_NAME_WORDS, query.folded.length); size >= 1; size--) {
      for (let start = 0; start + size <= query.folded.length; start++) {
        if (!this.firstWords.has(query.folded[start] ?? "")) continue;
        const firstUsed = used.indexOf(true, start);
        if (firstUsed >= 0 && firstUsed < start + size) continue;
        const key = query.folded.slice(start, start + size).join(" ");
        const refs = this.byKey.get(key);
        if (!refs) continue;
        const typed = query.original.slice(start, start + size).join(" ");
        if (this.capitalsOnly.has(key) && typed !== typed.toUpperCase()) continue;
        // "us" is a stopword, but "US" typed in capitals is the United States.
        if (size === 1 && ignore.has(key) && !this.capitalsOnly.has(key)) continue;
        matches.push({ refs, surface: typed, firstWord: start, lastWord: start + size - 1, fuzzy: false });
        for (let i = start; i < start + size; i++) used[i] = true;
      }
    }
    const { minWordLength } = SEARCH_CONFIG.entityFuzzy;
    query.folded.forEach((word, i) => {
      if (used[i] || word.length < minWordLength || ignore.has(word) || isKnownWord(word) || /\d/.test(word)) return;
      for (const near of this.fuzzyNames.near(word)) {
        const refs = this.byKey.get(near.word);
        if (!refs) continue;
        matches.push({ refs, surface: query.original[i] ?? word, firstWord: i, lastWord: i, fuzzy: true });
        used[i] = true;
        break;
      }
    });
    return matches.sort((a, b) => a.firstWord - b.firstWord);
  }

  /** Best-first names for an autocomplete box. */
  suggest(partial: string, kinds: ReadonlySet<string> | undefined, limit: number): EntityRef[] {
    const candidates = kinds ? this.refs.filter((ref) => kinds.has(ref.entity.kind)) : this.refs;
    const key = nameKey(partial);
    if (key.length === 0) return dedupeByName(candidates).slice(0, limit);
    // Tiers, as the discord.js docs bot ranks tags: exact name, a name starting with the text, a name
    // containing it, then Fuse.js's fuzzy score for typos ("stoltenbreg", "zelenksy").
    const allowed = new Set(candidates);
    const tiers: EntityRef[][] = [[], [], []];
    for (const ref of candidates) {
      const names = [ref.entity.name, ...ref.entity.aliases].map(nameKey);
      if (names.some((name) => name === key)) tiers[0]?.push(ref);
      else if (names.some((name) => name.startsWith(key) || name.split(" ").some((part) => part.startsWith(key))))
        tiers[1]?.push(ref);
      else if (names.some((name) => name.includes(key))) tiers[2]?.push(ref);
    }
    const fuzzy =
      key.length >= 3
        ? this.autocompleteFuse
            .search(key, { limit: limit * 2 })
            .map((result) => result.item.ref)
            .filter((ref) => allowed.has(ref))
        : [];
    return dedupeByName([...tiers.flat(), ...fuzzy]).slice(0, limit);
  }
}

function dedupeByName(refs: readonly EntityRef[]): EntityRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = nameKey(ref.entity.name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
