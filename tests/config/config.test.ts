import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ConfigError, loadConfig, requireVariables } from "../../src/config/config.js";

const STORE_DEFAULTS = { STORE: "on", DATA_DIR: "data", HISTORY_DAYS: 90 } as const;

const TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gabcde.super-secret-hmac-part_123";
const noDotenv = { dotenv: false } as const;

function configError(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env, noDotenv);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  test("GIVEN an empty environment THEN defaults apply and no variable is required yet", () => {
    expect(loadConfig({}, noDotenv)).toEqual({ LOG_LEVEL: "info", KNOWLEDGE_DIR: "knowledge", ...STORE_DEFAULTS });
  });

  test("GIVEN every variable THEN they are parsed", () => {
    const env = {
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: "1100000000000000001",
      DISCORD_GUILD_ID: "1100000000000000100",
      DISCORD_API_URL: "http://127.0.0.1:3000",
      LOG_LEVEL: "debug",
      KNOWLEDGE_DIR: "kb",
      STORE: "off",
      DATA_DIR: "/var/lib/bot",
      HISTORY_DAYS: "30",
      PERSON_HASH_KEY: "a-secret-of-sixteen-chars",
    };
    expect(loadConfig(env, noDotenv)).toEqual({ ...env, HISTORY_DAYS: 30 });
  });

  test("GIVEN variables left empty as in .env.example THEN they count as unset", () => {
    expect(
      loadConfig({ DISCORD_TOKEN: "", DISCORD_GUILD_ID: " ", DISCORD_API_URL: "", LOG_LEVEL: "" }, noDotenv),
    ).toEqual({ LOG_LEVEL: "info", KNOWLEDGE_DIR: "knowledge", ...STORE_DEFAULTS });
  });

  test.each([
    [{ DISCORD_CLIENT_ID: "my-app" }, "DISCORD_CLIENT_ID"],
    [{ DISCORD_GUILD_ID: "12" }, "DISCORD_GUILD_ID"],
    [{ STORE: "maybe" }, "STORE"],
    [{ HISTORY_DAYS: "soon" }, "HISTORY_DAYS"],
    [{ HISTORY_DAYS: "0" }, "HISTORY_DAYS"],
    [{ PERSON_HASH_KEY: "short" }, "PERSON_HASH_KEY"],
    [{ DISCORD_API_URL: "not a url" }, "DISCORD_API_URL"],
    [{ DISCORD_API_URL: "ftp://127.0.0.1" }, "DISCORD_API_URL"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ MESSAGE_CONTENT_INTENT: "yes" }, "MESSAGE_CONTENT_INTENT"],
  ])("GIVEN the malformed %o THEN start-up stops with one line naming %s", (env, variable) => {
    const message = configError(env);
    expect(message).toMatch(new RegExp(`^Configuration error: ${variable} `));
    expect(message).not.toContain("\n");
  });

  test("GIVEN MESSAGE_CONTENT_INTENT THEN true or false, and unset or empty means false", () => {
    expect(loadConfig({ MESSAGE_CONTENT_INTENT: "true" }, noDotenv).MESSAGE_CONTENT_INTENT).toBe(true);
    expect(loadConfig({ MESSAGE_CONTENT_INTENT: "false" }, noDotenv).MESSAGE_CONTENT_INTENT).toBe(false);
    expect(loadConfig({ MESSAGE_CONTENT_INTENT: "" }, noDotenv).MESSAGE_CONTENT_INTENT ?? false).toBe(false);
    expect(loadConfig({}, noDotenv).MESSAGE_CONTENT_INTENT ?? false).toBe(false);
  });

  test("GIVEN a malformed token THEN the error names DISCORD_TOKEN and never repeats the value", () => {
    const badToken = "has spaces secret-value-1234";
    const message = configError({ DISCORD_TOKEN: badToken });
    expect(message).toMatch(/^Configuration error: DISCORD_TOKEN /);
    expect(message).not.toContain("secret-value");
  });

  test("GIVEN bot mode without a token THEN requireVariables names the missing variable", () => {
    expect(() => requireVariables(loadConfig({}, noDotenv), ["DISCORD_TOKEN"])).toThrow(
      "Configuration error: DISCORD_TOKEN is not set (see .env.example)",
    );
    expect(() =>
      requireVariables(loadConfig({ DISCORD_TOKEN: TOKEN }, noDotenv), ["DISCORD_TOKEN", "DISCORD_CLIENT_ID"]),
    ).toThrow(/DISCORD_CLIENT_ID is not set/);
  });

  test("GIVEN a .env file THEN it is read, without overriding variables already set", () => {
    const directory = mkdtempSync(join(tmpdir(), "config-"));
    const path = join(directory, ".env");
    writeFileSync(path, "DISCORD_GUILD_ID=1100000000000000100\nLOG_LEVEL=warn\n");
    const env: NodeJS.ProcessEnv = { LOG_LEVEL: "error" };
    const config = loadConfig(env, { dotenvPath: path });
    expect(config.DISCORD_GUILD_ID).toBe("1100000000000000100");
    expect(config.LOG_LEVEL).toBe("error");
  });
});
