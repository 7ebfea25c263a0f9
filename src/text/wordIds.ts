import { words } from "./normalize.js";

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const APOSTROPHE = 0x27;
const LOWER_S = 0x73;
const UNDERSCORE = 0x5f;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i += 1) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/**
 * Numbers every distinct word of many texts, giving the same words as `words()` in the same order.
 * Indexing meets each word of the vocabulary hundreds of times: this reads plain-ASCII text character
 * by character and finds a word it has seen before in its own hash table, so only a new word allocates
 * a string (the build's cost at scale is garbage; see docs/ENGINE_DESIGN.md). Text with any character
 * beyond plain ASCII goes through `words()`, so accents and typographic quotes fold exactly as everywhere else.
 */
export class WordIds {
  /** Word of each id, lower-case and folded as `words()` returns it. */
  readonly words: string[] = [];
  private readonly hashes: number[] = [];
  /** Open addressing: slot → word id + 1 (0 = empty). */
  private slots = new Int32Array(1 << 12);
  /** Ids of the last scanned text's words; reused so scanning allocates nothing. */
  private found = new Int32Array(256);

  /**
   * Reads the words of `text` into `ids` and returns how many there are: ids[0] … ids[count - 1],
   * valid until the next call (one buffer for every text, so scanning allocates nothing).
   */
  scan(text: string): number {
    // Plain ASCII has fewer words than characters; folding can give more ("½" → "1", "2").
    this.reserve(text.length);
    const count = this.scanPlainAscii(text);
    if (count >= 0) return count;
    const list = words(text);
    this.reserve(list.length);
    list.forEach((word, index) => (this.found[index] = this.idOfWord(word)));
    return list.length;
  }

  /** Ids of the last scanned text's words (see `scan`). */
  get ids(): Int32Array {
    return this.found;
  }

  /** The words of a plain-ASCII text, or -1 as soon as a character needs folding (then `words()` decides). */
  private scanPlainAscii(text: string): number {
    // Lower-cased once natively, so hashing and comparing read plain character codes.
    const lower = text.toLowerCase();
    let count = 0;
    let start = -1;
    let hash = FNV_OFFSET;
    for (let i = 0; i <= lower.length; i += 1) {
      const code = i < lower.length ? lower.charCodeAt(i) : 0;
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
        if (start < 0) {
          start = i;
          hash = FNV_OFFSET;
        }
        hash = Math.imul(hash ^ code, FNV_PRIME);
        continue;
      }
      if (code > 0x7e || (code < 0x20 && code !== TAB && code !== LF && code !== CR && i < lower.length)) return -1;
      if (start >= 0) {
        if (!this.isPossessiveS(lower, start, i, code)) this.found[count++] = this.idOfRange(lower, start, i, hash);
        start = -1;
      }
    }
    return count;
  }

  /** `words()` drops the "'s" of "Russia's": a lone s right after an apostrophe, at a word boundary. */
  private isPossessiveS(text: string, start: number, end: number, next: number): boolean {
    if (end - start !== 1 || start === 0 || text.charCodeAt(start - 1) !== APOSTROPHE) return false;
    return text.charCodeAt(start) === LOWER_S && next !== UNDERSCORE;
  }

  /** `text` is lower-case: every word in the table is. */
  private idOfRange(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = this.slots[slot] ?? 0;
      if (stored === 0) return this.add(text.slice(start, end), hash);
      const id = stored - 1;
      if (this.hashes[id] === hash) {
        const word = this.words[id] ?? "";
        if (sameWord(word, text, start, end)) return id;
      }
    }
  }

  private idOfWord(word: string): number {
    let hash = FNV_OFFSET;
    for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
    return this.idOfRange(word, 0, word.length, hash);
  }

  private add(word: string, hash: number): number {
    const id = this.words.length;
    this.words.push(word);
    this.hashes.push(hash);
    // Kept at most half full so probes stay short.
    if (this.words.length * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(id);
    return id;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let id = 0; id < this.words.length; id += 1) this.place(id);
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let slot = (this.hashes[id] ?? 0) & mask;
    while ((this.slots[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
  }

  private reserve(count: number): void {
    if (count > this.found.length) this.found = new Int32Array(count);
  }
}
