import type { ServerResponse } from "node:http";

/** Writes a JSON response; resolves once it is handed to the socket (for an interaction: Discord has it). */
export function sendJson(response: ServerResponse, status: number, body: unknown): Promise<void> {
  return sendText(response, status, JSON.stringify(body), "application/json");
}

export function sendText(response: ServerResponse, status: number, text: string, contentType: string): Promise<void> {
  return new Promise((resolve) => {
    response.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(text) });
    // "close" as well: a caller that hung up never lets the write finish, and nobody should wait for it.
    response.once("close", () => resolve());
    response.end(text, () => resolve());
  });
}
