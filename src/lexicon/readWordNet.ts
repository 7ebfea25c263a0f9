import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stem } from "../text/tokenize.js";

const PARTS_OF_SPEECH = ["noun", "verb", "adj", "adv"] as const;
const PART_OF_SPEECH_BY_LETTER: Readonly<Record<string, string>> = {
  n: "noun",
  v: "verb",
  a: "adj",
  s: "adj",
  r: "adv",
};
/** WordNet pointers between word forms that keep the meaning: derivation (grateful → gratefulness) and pertainym (military → war?). */
const LEXICAL_POINTERS: ReadonlySet<string> = new Set(["+", "\\"]);
const SINGLE_WORD = /^[a-z]+$/;

interface Synset {
  words: string[];
  /** Derivations and pertainyms of the synset's word at `from` (its position in `words`). */
  derived: Array<{ from: number; word: string }>;
}

/** Lines of a WordNet file, without the licence header (its lines start with a space). */
function entries(path: string): string[] {
  return readFileSync(path, "latin1")
    .split("\n")
    .filter((line) => line.length > 0 && !line.startsWith(" "));
}

function readSynsets(dictionary: string): Map<string, Synset> {
  const synsets = new Map<string, Synset>();
  const pointers: Array<{ synset: string; from: number; target: string; to: number }> = [];
  for (const partOfSpeech of PARTS_OF_SPEECH) {
    for (const line of entries(join(dictionary, `data.${partOfSpeech}`))) {
      // offset lex_filenum ss_type w_cnt (word lex_id)… p_cnt (symbol offset pos source/target)… | gloss
      const fields = (line.split(" | ")[0] ?? "").split(" ");
      const key = `${partOfSpeech}:${fields[0]}`;
      const wordCount = parseInt(fields[3] ?? "0", 16);
      const words = Array.from({ length: wordCount }, (_, i) =>
        (fields[4 + 2 * i] ?? "").toLowerCase().replace(/\(.*\)$/, ""),
      );
      let at = 4 + 2 * wordCount;
      const pointerCount = Number(fields[at]);
      at += 1;
      for (let p = 0; p < pointerCount; p += 1, at += 4) {
        const [symbol = "", offset = "", letter = "", sourceTarget = "0000"] = fields.slice(at, at + 4);
        const from = parseInt(sourceTarget.slice(0, 2), 16) - 1;
        if (!LEXICAL_POINTERS.has(symbol) || from < 0) continue;
        pointers.push({
          synset: key,
          from,
          target: `${PART_OF_SPEECH_BY_LETTER[letter] ?? letter}:${offset}`,
          to: parseInt(sourceTarget.slice(2), 16) - 1,
        });
      }
      synsets.set(key, { words, derived: [] });
    }
  }
  for (const pointer of pointers) {
    const word = synsets.get(pointer.target)?.words[pointer.to];
    if (word) synsets.get(pointer.synset)?.derived.push({ from: pointer.from, word });
  }
  return synsets;
}

/**
 * Related stems for every single English word of WordNet: the other words of its most frequent
 * senses (synonyms: aid/assistance/help) and the words derived from it in those senses
 * (complain → complaint). Rarer senses are left out because they relate a common word to
 * unrelated ones ("head" as a synonym of "mind"). The result is keyed and valued by stem, as the
 * engine's index is.
 */
export function readWordRelations(dictionary: string, sensesPerWord: number): Map<string, Set<string>> {
  const synsets = readSynsets(dictionary);
  const relations = new Map<string, Set<string>>();
  for (const partOfSpeech of PARTS_OF_SPEECH) {
    for (const line of entries(join(dictionary, `index.${partOfSpeech}`))) {
      // lemma pos synset_cnt p_cnt (symbol)… sense_cnt tagsense_cnt (offset)…, offsets most frequent sense first
      const fields = line.trim().split(" ");
      const lemma = fields[0] ?? "";
      if (!SINGLE_WORD.test(lemma)) continue;
      const offsets = fields.slice(fields.length - Number(fields[2]));
      const lemmaStem = stem(lemma);
      const related = relations.get(lemmaStem) ?? new Set<string>();
      for (const offset of offsets.slice(0, sensesPerWord)) {
        const synset = synsets.get(`${partOfSpeech}:${offset}`);
        if (!synset) continue;
        const position = synset.words.indexOf(lemma);
        for (const word of synset.words) if (SINGLE_WORD.test(word)) related.add(stem(word));
        for (const { from, word } of synset.derived)
          if (from === position && SINGLE_WORD.test(word)) related.add(stem(word));
      }
      related.delete(lemmaStem);
      if (related.size > 0) relations.set(lemmaStem, related);
    }
  }
  return relations;
}

/** The table format WordRelations reads: one line per stem, sorted, "stem<TAB>related related …". */
export function formatRelationTable(relations: ReadonlyMap<string, ReadonlySet<string>>): string {
  return [...relations]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, related]) => `${key}\t${[...related].sort().join(" ")}`)
    .join("\n");
}
