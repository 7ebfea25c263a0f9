import type { IncomingMessage } from "node:http";

/** Discord's interaction payloads are a few kilobytes; anything this large is not one. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The whole body, or "too-large" as soon as it passes `maxBytes` (the rest is not read into memory). */
export async function readBody(request: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<Buffer | "too-large"> {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) return "too-large";
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > maxBytes) return "too-large";
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
