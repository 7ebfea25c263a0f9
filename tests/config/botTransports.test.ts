import { describe, expect, test } from "vitest";
import { botTransports } from "../../src/botServices.js";
import { ConfigError, loadConfig } from "../../src/config/config.js";

const TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gabcde.super-secret-hmac-part_123";
const PUBLIC_KEY = "ab".repeat(32);

function transports(env: NodeJS.ProcessEnv) {
  return botTransports(loadConfig(env, { dotenv: false }));
}

describe("the HTTP variables", () => {
  test.each([
    [{ DISCORD_PUBLIC_KEY: "not-hex" }, "DISCORD_PUBLIC_KEY"],
    [{ DISCORD_PUBLIC_KEY: "ab".repeat(31) }, "DISCORD_PUBLIC_KEY"],
    [{ HTTP_PORT: "eighty" }, "HTTP_PORT"],
    [{ HTTP_PORT: "70000" }, "HTTP_PORT"],
    [{ GATEWAY: "maybe" }, "GATEWAY"],
  ])("GIVEN the malformed %o THEN start-up stops with one line naming %s", (env, variable) => {
    expect(() => loadConfig(env, { dotenv: false })).toThrow(new RegExp(`^Configuration error: ${variable} `));
  });

  test("GIVEN HTTP_PORT as text THEN it is a number", () => {
    expect(loadConfig({ HTTP_PORT: "8080" }, { dotenv: false }).HTTP_PORT).toBe(8080);
  });
});

describe("botTransports: the three modes", () => {
  test("GIVEN only a token THEN gateway mode, no HTTP", () => {
    expect(transports({ DISCORD_TOKEN: TOKEN })).toEqual({ gateway: true, http: false, interactionsOverHttp: false });
  });

  test("GIVEN a token, a public key and a port THEN hybrid", () => {
    expect(transports({ DISCORD_TOKEN: TOKEN, DISCORD_PUBLIC_KEY: PUBLIC_KEY, HTTP_PORT: "8080" })).toEqual({
      gateway: true,
      http: true,
      interactionsOverHttp: true,
    });
  });

  test("GIVEN GATEWAY=off with a public key and a port THEN HTTP only, no token needed", () => {
    expect(transports({ GATEWAY: "off", DISCORD_PUBLIC_KEY: PUBLIC_KEY, HTTP_PORT: "8080" })).toEqual({
      gateway: false,
      http: true,
      interactionsOverHttp: true,
    });
  });

  test.each([
    [{ DISCORD_TOKEN: TOKEN, DISCORD_PUBLIC_KEY: PUBLIC_KEY }, /DISCORD_PUBLIC_KEY needs HTTP_PORT/],
    [{ GATEWAY: "off", HTTP_PORT: "8080" }, /GATEWAY=off needs DISCORD_PUBLIC_KEY/],
    [{ DISCORD_PUBLIC_KEY: PUBLIC_KEY, HTTP_PORT: "8080" }, /DISCORD_TOKEN is not set \(the gateway needs it/],
  ])("GIVEN the contradictory %o THEN a ConfigError says what is missing", (env, message) => {
    expect(() => transports(env)).toThrow(ConfigError);
    expect(() => transports(env)).toThrow(message);
  });
});

describe("SHARDS", () => {
  test.each([
    ["auto", "auto"],
    ["4", 4],
  ])("GIVEN SHARDS=%s THEN it is %o", (value, expected) => {
    expect(loadConfig({ SHARDS: value }, { dotenv: false }).SHARDS).toBe(expected);
  });

  test.each(["0", "many", "-2"])("GIVEN SHARDS=%s THEN start-up stops naming SHARDS", (value) => {
    expect(() => loadConfig({ SHARDS: value }, { dotenv: false })).toThrow(/^Configuration error: SHARDS /);
  });

  test("GIVEN a shard process (discord.js sets SHARDING_MANAGER and reuses SHARDS for the shard id) THEN it runs as one gateway bot without HTTP", () => {
    const config = loadConfig(
      { SHARDING_MANAGER: "true", SHARDS: "0", SHARD_COUNT: "2", DISCORD_TOKEN: TOKEN, HTTP_PORT: "8080" },
      { dotenv: false },
    );
    expect(config.SHARDS).toBeUndefined();
    expect(config.HTTP_PORT).toBeUndefined();
    expect(botTransports(config)).toEqual({ gateway: true, http: false, interactionsOverHttp: false });
  });
});
