/**
 * The fake Discord refuses what Discord refuses, so that an end-to-end test cannot pass on a response Discord would
 * have rejected: message bodies over Discord's limits (400, code 50035), bot routes without the bot token (401), and
 * the harness helpers fail on a refused response instead of reading its body.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FAKE_TOKEN, type Harness, startHarness } from "../support/discordHarness.js";
import { FakeDiscord, IDS, SELF, messageCreate, slashCommand } from "../../fakeDiscord/index.js";
import { DISCORD_RULES } from "../../fakeDiscord/messageLimits.js";

const button = (customId: string) => ({ type: 2, style: 1, custom_id: customId, label: "x" });
const row = (count: number, prefix: string) => ({
  type: 1,
  components: Array.from({ length: count }, (_, index) => button(`${prefix}${index}`)),
});

/** A body within every limit, then one limit broken at a time, each by one character or one item. */
const OVER_A_LIMIT: Record<string, unknown> = {
  content: { content: "x".repeat(DISCORD_RULES.content + 1) },
  "embed count": { embeds: Array.from({ length: DISCORD_RULES.embeds + 1 }, () => ({ description: "x" })) },
  "embed description": { embeds: [{ description: "x".repeat(DISCORD_RULES.embedDescription + 1) }] },
  "embed title": { embeds: [{ title: "x".repeat(DISCORD_RULES.embedTitle + 1) }] },
  "field value": { embeds: [{ fields: [{ name: "n", value: "x".repeat(DISCORD_RULES.fieldValue + 1) }] }] },
  "6,000 characters over all embeds": {
    embeds: [{ description: "x".repeat(3_000) }, { description: "x".repeat(3_001) }],
  },
  "action rows": {
    components: Array.from({ length: DISCORD_RULES.actionRows + 1 }, (_, index) => row(1, `r${index}-`)),
  },
  "buttons in a row": { components: [row(DISCORD_RULES.buttonsPerRow + 1, "b")] },
  "custom_id length": { components: [{ type: 1, components: [button("x".repeat(DISCORD_RULES.customId + 1))] }] },
  "duplicate custom_id": { components: [{ type: 1, components: [button("same"), button("same")] }] },
};
const AT_EVERY_LIMIT = {
  content: "x".repeat(DISCORD_RULES.content),
  embeds: [
    { description: "x".repeat(DISCORD_RULES.embedDescription) },
    { description: "x".repeat(DISCORD_RULES.embedsTotal - DISCORD_RULES.embedDescription) },
  ],
  components: Array.from({ length: DISCORD_RULES.actionRows }, (_, index) =>
    row(DISCORD_RULES.buttonsPerRow, `r${index}-`),
  ),
};

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start({ token: FAKE_TOKEN });
});
afterAll(async () => fake.stop());

/** POSTs as the bot does; `authorization: null` sends no Authorization header (interaction callbacks need none). */
async function post(
  path: string,
  body: unknown,
  authorization: string | null = `Bot ${FAKE_TOKEN}`,
): Promise<Response> {
  return fetch(`${fake.url}/api/v10${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization === null ? {} : { authorization }) },
    body: JSON.stringify(body),
  });
}

describe("message limits", () => {
  test("GIVEN a channel message exactly at every limit THEN it is accepted", async () => {
    expect((await post(`/channels/${IDS.guildChannel}/messages`, AT_EVERY_LIMIT)).status).toBe(200);
  });

  test.each(Object.entries(OVER_A_LIMIT))(
    "GIVEN a channel message over the %s limit THEN 400 Invalid Form Body",
    async (_limit, body) => {
      const response = await post(`/channels/${IDS.guildChannel}/messages`, body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 50035 });
    },
  );

  test("GIVEN an interaction response over a limit THEN it is refused, and one within the limits is then accepted", async () => {
    const payload = slashCommand("who", { name: "Lavrov" });
    const path = `/interactions/${payload.id}/${payload.token}/callback`;
    expect((await post(path, { type: 4, data: OVER_A_LIMIT.content }, null)).status).toBe(400);
    expect((await post(path, { type: 4, data: { content: "fits" } }, null)).status).toBe(204);
  });

  test("GIVEN more than 25 autocomplete choices THEN the result is refused", async () => {
    const payload = slashCommand("who");
    const choices = Array.from({ length: DISCORD_RULES.autocompleteChoices + 1 }, (_, index) => ({
      name: `n${index}`,
      value: `v${index}`,
    }));
    expect(
      (await post(`/interactions/${payload.id}/${payload.token}/callback`, { type: 8, data: { choices } }, null))
        .status,
    ).toBe(400);
  });
});

describe("authorization", () => {
  test("GIVEN a bot route without the bot token, or with another THEN 401; with it THEN accepted", async () => {
    expect((await post(`/channels/${IDS.guildChannel}/messages`, { content: "hi" }, null)).status).toBe(401);
    expect((await post(`/channels/${IDS.guildChannel}/messages`, { content: "hi" }, "Bot another-token")).status).toBe(
      401,
    );
    expect((await post(`/channels/${IDS.guildChannel}/messages`, { content: "hi" }, FAKE_TOKEN)).status).toBe(401);
    expect((await post(`/channels/${IDS.guildChannel}/messages`, { content: "hi" })).status).toBe(200);
  });
});

describe("the end-to-end helpers", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => harness.stop());

  test("GIVEN the fake refuses the bot's initial response THEN interact fails with Discord's error instead of returning it", async () => {
    const payload = slashCommand("who", { name: "Lavrov" });
    harness.fake.injectFault({
      method: "POST",
      path: `/interactions/${payload.id}/${payload.token}/callback`,
      status: 400,
      body: { message: "Invalid Form Body", code: 50035 },
      times: Number.POSITIVE_INFINITY,
    });
    await expect(harness.interact(payload)).rejects.toThrow(/refused the bot's initial response .*400 .*50035/);
    harness.fake.clearFaults();
  });

  test("GIVEN a response later than Discord's window THEN interact fails (Discord answers 10062 Unknown interaction)", async () => {
    harness.fake.interactionWindowMs = 0;
    try {
      await expect(harness.interact(slashCommand("who", { name: "Lavrov" }))).rejects.toThrow(/404 .*10062/);
    } finally {
      harness.fake.interactionWindowMs = 3_000;
    }
  });

  test("GIVEN the fake refuses the bot's channel message THEN sendMessage fails", async () => {
    harness.fake.injectFault({
      method: "POST",
      path: `/channels/${IDS.guildChannel}/messages`,
      status: 403,
      body: { message: "Missing Permissions", code: 50013 },
      times: Number.POSITIVE_INFINITY,
    });
    await expect(
      harness.sendMessage(messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] })),
    ).rejects.toThrow(/refused the bot's message .*403/);
    harness.fake.clearFaults();
  });
});
