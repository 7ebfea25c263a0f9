/** Discord's attachment, as far as an article upload needs it. */
export interface ArticleAttachment {
  name: string;
  url: string;
  /** Bytes, as Discord reports it before the download. */
  size: number;
}

/** The largest article file accepted: far above any news article, far below what would strain memory. */
export const MAX_ARTICLE_BYTES = 1_048_576;
const DOWNLOAD_TIMEOUT_MS = 10_000;

export type DownloadProblem = "wrong-type" | "too-large" | "not-text" | "empty" | "failed";
export type Download = { ok: true; text: string } | { ok: false; problem: DownloadProblem };

/**
 * Fetches an attached article and checks it is what a knowledge file may be: a .md or .txt file of at most 1 MB of
 * UTF-8 text. Never throws: a network error or a bad status is a "failed" download.
 */
export async function downloadArticle(attachment: ArticleAttachment): Promise<Download> {
  if (!/\.(md|txt)$/i.test(attachment.name)) return { ok: false, problem: "wrong-type" };
  // Refused before fetching when Discord already says it is too big; checked again on the bytes received.
  if (attachment.size > MAX_ARTICLE_BYTES) return { ok: false, problem: "too-large" };
  let bytes: Uint8Array;
  try {
    const response = await fetch(attachment.url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    if (!response.ok) return { ok: false, problem: "failed" };
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch {
    return { ok: false, problem: "failed" };
  }
  return decodeArticle(bytes);
}

/** UTF-8 text with no NUL byte (which no text file has and every binary format does), within the size limit. */
export function decodeArticle(bytes: Uint8Array): Download {
  if (bytes.length > MAX_ARTICLE_BYTES) return { ok: false, problem: "too-large" };
  if (bytes.includes(0)) return { ok: false, problem: "not-text" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: "not-text" };
  }
  return text.trim() === "" ? { ok: false, problem: "empty" } : { ok: true, text };
}
