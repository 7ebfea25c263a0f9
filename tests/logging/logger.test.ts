import { Writable } from "node:stream";
import { describe, expect, test } from "vitest";
import { createLogger } from "../../src/logging/logger.js";

const TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gabcde.super-secret-hmac-part_123";

describe("createLogger", () => {
  function capture(): { stream: Writable; text: () => string } {
    const chunks: string[] = [];
    return {
      stream: new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk.toString()), done()) }),
      text: () => chunks.join(""),
    };
  }

  test("GIVEN the token hidden anywhere in a log call THEN the line says [redacted] instead", () => {
    const sink = capture();
    const logger = createLogger({ level: "info", secrets: [TOKEN], destination: sink.stream });
    logger.info({ token: TOKEN, nested: { detail: `Provided token: ${TOKEN}` } }, `message with ${TOKEN}`);
    logger.error({ err: new Error(`failed for ${TOKEN}`) }, "boom");
    expect(sink.text()).not.toContain(TOKEN);
    expect(sink.text()).not.toContain("super-secret-hmac-part");
    expect(sink.text()).toContain("[redacted]");
  });

  test("GIVEN a level THEN lines below it are not written, and each line is JSON", () => {
    const sink = capture();
    const logger = createLogger({ level: "warn", destination: sink.stream });
    logger.info("hidden");
    logger.warn({ kind: "slash" }, "shown");
    const lines = sink.text().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ level: 40, kind: "slash", msg: "shown" });
  });
});
