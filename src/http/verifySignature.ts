import { webcrypto } from "node:crypto";

/** Discord refuses to replay requests older than this, and so do we (its security docs: reject stale timestamps). */
export const MAX_SIGNATURE_AGE_S = 5 * 60;

export type SignatureCheck = "valid" | "bad-signature" | "stale";

/** The application's public key (64 hex digits, from the developer portal) as a WebCrypto Ed25519 key. */
export function importPublicKey(hex: string): Promise<webcrypto.CryptoKey> {
  return webcrypto.subtle.importKey("raw", Buffer.from(hex, "hex"), { name: "Ed25519" }, false, ["verify"]);
}

export interface SignedRequest {
  /** `X-Signature-Ed25519`: 64 bytes as hex. */
  signature: string | undefined;
  /** `X-Signature-Timestamp`: Unix seconds, signed together with the body. */
  timestamp: string | undefined;
  /** The raw body exactly as received (the signature covers the bytes, not a re-serialised JSON). */
  body: Buffer;
}

/**
 * Discord's request signature: Ed25519 over the timestamp followed by the raw body. Checked by node:crypto's
 * WebCrypto, never by hand. A valid signature on an old timestamp is refused as a replay.
 */
export async function checkSignature(
  key: webcrypto.CryptoKey,
  request: SignedRequest,
  nowSeconds: number,
): Promise<SignatureCheck> {
  const { signature, timestamp, body } = request;
  if (!signature || !/^[0-9a-f]{128}$/i.test(signature) || !timestamp || !/^\d{1,12}$/.test(timestamp))
    return "bad-signature";
  const signed = Buffer.concat([Buffer.from(timestamp, "utf8"), body]);
  const valid = await webcrypto.subtle.verify("Ed25519", key, Buffer.from(signature, "hex"), signed);
  if (!valid) return "bad-signature";
  return Math.abs(nowSeconds - Number(timestamp)) > MAX_SIGNATURE_AGE_S ? "stale" : "valid";
}
