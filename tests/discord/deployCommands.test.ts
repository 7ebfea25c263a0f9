/** The deploy script: one bulk overwrite with the registry's command bodies, to a guild or globally. */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { COMMANDS } from "../../commands/index.js";
import { type Config, STORE_OFF } from "../../src/config/config.js";
import { commandBodies, deployCommands } from "../../src/deployCommands.js";
import { describeDeploy } from "../../src/discord/registerCommands.js";
import { COMMAND_CATALOGUE } from "../../src/engine/commandCatalogue.js";
import { FAKE_TOKEN } from "../support/discordHarness.js";
import { FakeDiscord, IDS } from "../../fakeDiscord/index.js";

const run = promisify(execFile);
const TSX = join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => fake.stop());

function config(overrides: Partial<Config> = {}): Config {
  return {
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_CLIENT_ID: IDS.application,
    DISCORD_API_URL: fake.url,
    LOG_LEVEL: "info",
    KNOWLEDGE_DIR: "knowledge",
    ...STORE_OFF,
    ...overrides,
  };
}

describe("command bodies", () => {
  const bodies = commandBodies();
  const slash = bodies.filter(
    (body): body is RESTPostAPIChatInputApplicationCommandsJSONBody => body.type === ApplicationCommandType.ChatInput,
  );
  /** Commands for moderators (Discord shows them only to members with a permission): not answers, not everywhere. */
  const isForModerators = (body: { default_member_permissions?: string | null }) =>
    body.default_member_permissions !== undefined && body.default_member_permissions !== null;
  const answering = slash.filter((body) => !isForModerators(body));

  test("GIVEN the registry THEN every catalogue command is a slash command with the catalogue's description, once", () => {
    expect(answering.map((body) => body.name).sort()).toEqual(COMMAND_CATALOGUE.map((entry) => entry.name).sort());
    for (const entry of COMMAND_CATALOGUE) {
      const body = answering.find((candidate) => candidate.name === entry.name);
      expect(body?.description).toBe(entry.description);
    }
    expect(new Set(bodies.map((body) => `${body.type}:${body.name}`)).size).toBe(bodies.length);
  });

  test("GIVEN the catalogue's Spanish lines (for /help in Spanish) THEN they are the Spanish descriptions Discord shows", () => {
    for (const entry of COMMAND_CATALOGUE) {
      const body = slash.find((candidate) => candidate.name === entry.name);
      expect(body?.description_localizations?.["es-ES"]).toBe(entry.spanishDescription);
    }
  });

  test("GIVEN the moderators' commands THEN only /gaps and /article, for Manage Server, in servers where the bot is installed", () => {
    expect(
      slash.filter(isForModerators).map((body) => [body.name, body.default_member_permissions, body.contexts]),
    ).toEqual([
      ["gaps", "32", [InteractionContextType.Guild]],
      ["article", "32", [InteractionContextType.Guild]],
    ]);
  });

  test("GIVEN the registry THEN the message context menu 'Ask the article' is registered", () => {
    expect(bodies.filter((body) => body.type === ApplicationCommandType.Message).map((body) => body.name)).toEqual([
      "Ask the article",
    ]);
  });

  test("GIVEN any answering command THEN it is usable in servers and DMs, installed to a server or a user", () => {
    for (const body of bodies.filter((candidate) => !isForModerators(candidate))) {
      expect(body.contexts).toEqual([
        InteractionContextType.Guild,
        InteractionContextType.BotDM,
        InteractionContextType.PrivateChannel,
      ]);
      expect(body.integration_types).toEqual([
        ApplicationIntegrationType.GuildInstall,
        ApplicationIntegrationType.UserInstall,
      ]);
    }
  });

  test("GIVEN any slash command THEN its name and descriptions fit Discord's rules and every string option has max_length", () => {
    for (const body of slash) {
      expect(body.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      const description = body.description;
      expect(description.length).toBeGreaterThan(0);
      expect(description.length).toBeLessThanOrEqual(100);
      for (const option of body.options ?? []) {
        expect(option.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(option.description.length).toBeLessThanOrEqual(100);
        if (option.type === ApplicationCommandOptionType.String) expect(option.max_length).toBeGreaterThan(0);
      }
    }
  });

  test("GIVEN any command or option THEN it has Spanish names and descriptions for es-ES and es-419, within Discord's rules, not English copies", () => {
    const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;
    const checkSpanish = (
      what: string,
      item: {
        name: string;
        description?: string;
        name_localizations?: Record<string, string | null> | null;
        description_localizations?: Record<string, string | null> | null;
      },
      nameRule: RegExp | undefined,
    ) => {
      for (const locale of ["es-ES", "es-419"]) {
        const name = item.name_localizations?.[locale];
        expect(name, `${what}: ${locale} name`).toBeTypeOf("string");
        if (nameRule) expect(name, `${what}: ${locale} name`).toMatch(nameRule);
        else expect(name?.length ?? 0, `${what}: ${locale} name`).toBeLessThanOrEqual(32);
        if (item.description === undefined) continue;
        const description = item.description_localizations?.[locale] ?? "";
        expect(description.length, `${what}: ${locale} description`).toBeGreaterThan(0);
        expect(description.length, `${what}: ${locale} description`).toBeLessThanOrEqual(100);
        expect(description, `${what}: ${locale} description is the English one`).not.toBe(item.description);
      }
    };
    for (const body of bodies) {
      if (body.type !== ApplicationCommandType.ChatInput) {
        checkSpanish(body.name, body, undefined);
        continue;
      }
      checkSpanish(`/${body.name}`, body, NAME);
      for (const option of body.options ?? []) checkSpanish(`/${body.name} ${option.name}`, option, NAME);
    }
    // Localised names must stay unique, as the English ones are.
    const spanishNames = slash.map((body) => body.name_localizations?.["es-ES"]);
    expect(new Set(spanishNames).size).toBe(slash.length);
  });

  test("GIVEN /ask and /search THEN they take an optional private flag; /who, /where and /quote autocomplete", () => {
    const options = (name: string) => {
      return slash.find((candidate) => candidate.name === name)?.options ?? [];
    };
    for (const name of ["ask", "search"])
      expect(options(name)).toContainEqual(
        expect.objectContaining({ name: "private", type: ApplicationCommandOptionType.Boolean, required: false }),
      );
    for (const name of ["who", "where", "quote"])
      expect(options(name)[0]).toMatchObject({ type: ApplicationCommandOptionType.String, autocomplete: true });
    expect(options("who")[0]).toMatchObject({ name: "name", required: true });
    expect(options("where")[0]).toMatchObject({ name: "place", required: false });
  });

  test("GIVEN /search THEN its words fit in a Prev/Next custom_id", () => {
    const option = slash.find((body) => body.name === "search")?.options?.[0];
    expect(
      option && option.type === ApplicationCommandOptionType.String ? option.max_length : undefined,
    ).toBeLessThanOrEqual(100 - "v1:pg:search:9999:".length);
  });
});

describe("deployCommands", () => {
  test("GIVEN DISCORD_GUILD_ID THEN one PUT to the guild's commands with every body, authorised with the bot token", async () => {
    const since = fake.calls.length;
    const result = await deployCommands(config({ DISCORD_GUILD_ID: IDS.guild }));
    const calls = fake.calls.slice(since);
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      `PUT /applications/${IDS.application}/guilds/${IDS.guild}/commands`,
    ]);
    expect(calls[0]?.body).toEqual(JSON.parse(JSON.stringify(commandBodies())));
    expect(calls[0]?.authorization).toBe(`Bot ${FAKE_TOKEN}`);
    expect(result.scope).toBe("guild");
    expect(describeDeploy(result)).toBe(
      `Registered ${COMMANDS.length} commands to guild ${IDS.guild} (available now): /ask, /who, /aid, /demands, /when, /where, /quote, /search, /summary, /source, /help, /gaps, /article, "Ask the article" (message menu)`,
    );
  });

  test("GIVEN no DISCORD_GUILD_ID THEN one PUT to the global commands", async () => {
    const since = fake.calls.length;
    const result = await deployCommands(config());
    expect(fake.calls.slice(since).map((call) => `${call.method} ${call.path}`)).toEqual([
      `PUT /applications/${IDS.application}/commands`,
    ]);
    expect(result.scope).toBe("global");
    expect(result.registered).toHaveLength(COMMANDS.length);
  });

  test("GIVEN the deploy is run twice THEN the same body is sent each time (idempotent overwrite)", async () => {
    const since = fake.calls.length;
    await deployCommands(config());
    await deployCommands(config());
    const [first, second] = fake.calls.slice(since);
    expect(first?.body).toEqual(second?.body);
  });

  test("GIVEN npm run deploy-commands's script with the environment set THEN it prints what it registered and exits 0", async () => {
    const env = {
      ...process.env,
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_CLIENT_ID: IDS.application,
      DISCORD_GUILD_ID: IDS.guild,
      DISCORD_API_URL: fake.url,
    };
    const { stdout, stderr } = await run(process.execPath, [TSX, "src/deployCommands.ts"], { env, timeout: 20_000 });
    expect(stdout.trim()).toMatch(new RegExp(`^Registered ${COMMANDS.length} commands to guild ${IDS.guild}`));
    expect(stdout + stderr).not.toContain(FAKE_TOKEN);
  });

  test("GIVEN DISCORD_CLIENT_ID missing THEN the script exits 1 with one line naming it", async () => {
    const env = { ...process.env, DISCORD_TOKEN: FAKE_TOKEN, DISCORD_CLIENT_ID: "", DISCORD_API_URL: fake.url };
    const failure = await run(process.execPath, [TSX, "src/deployCommands.ts"], { env, timeout: 20_000 }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({
      code: 1,
      stderr: "Configuration error: DISCORD_CLIENT_ID is not set (see .env.example)\n",
    });
  });
});
