import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * People are stored only as an HMAC of their Discord id: votes can be counted once per person, yet the file alone
 * does not say who asked what (a plain hash of a public id would, by hashing every id).
 */
export function hashPerson(key: string, personId: string): string {
  return createHmac("sha256", key).update(personId).digest("base64url").slice(0, 22);
}

const KEY_FILE = "person-hash.key";

/** The configured key, or one generated once and kept beside the store (readable by its owner only). */
export function personHashKey(configured: string | undefined, dataDir: string): string {
  if (configured !== undefined) return configured;
  const file = join(dataDir, KEY_FILE);
  if (existsSync(file)) {
    const kept = readFileSync(file, "utf8").trim();
    if (kept.length < 16) throw new Error(`${file} holds no usable key (delete it to have a new one made)`);
    return kept;
  }
  const key = randomBytes(32).toString("base64url");
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return key;
}
