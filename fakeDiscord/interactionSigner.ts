import { webcrypto } from "node:crypto";

export interface SignedPostOptions {
  /** Unix seconds written to X-Signature-Timestamp (default now). */
  timestamp?: number;
  /** Sign these bytes instead of the body sent (a forged or tampered request). */
  signBody?: string;
  method?: string;
}

/**
 * Signs requests the way Discord signs what it sends to an Interactions Endpoint URL: Ed25519 over the timestamp and
 * the raw body, with a key pair made for the test (the bot gets `publicKeyHex` as DISCORD_PUBLIC_KEY).
 */
export class InteractionSigner {
  private constructor(
    private readonly privateKey: webcrypto.CryptoKey,
    readonly publicKeyHex: string,
  ) {}

  static async create(): Promise<InteractionSigner> {
    const pair = (await webcrypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as {
      privateKey: webcrypto.CryptoKey;
      publicKey: webcrypto.CryptoKey;
    };
    const raw = Buffer.from(await webcrypto.subtle.exportKey("raw", pair.publicKey));
    return new InteractionSigner(pair.privateKey, raw.toString("hex"));
  }

  async signature(timestamp: number, body: string): Promise<string> {
    const signed = Buffer.from(`${timestamp}${body}`, "utf8");
    return Buffer.from(await webcrypto.subtle.sign("Ed25519", this.privateKey, signed)).toString("hex");
  }

  /** POSTs a signed body; resolves with the status and the parsed JSON body (or its text when it is not JSON). */
  async post(url: string, body: string, options: SignedPostOptions = {}): Promise<{ status: number; body: unknown }> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1_000);
    const response = await fetch(url, {
      method: options.method ?? "POST",
      headers: {
        "content-type": "application/json",
        "x-signature-ed25519": await this.signature(timestamp, options.signBody ?? body),
        "x-signature-timestamp": String(timestamp),
      },
      ...(options.method === "GET" ? {} : { body }),
    });
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) as unknown };
    } catch {
      return { status: response.status, body: text };
    }
  }
}
