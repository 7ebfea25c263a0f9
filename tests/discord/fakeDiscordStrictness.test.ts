/**
 * The fake Discord refuses what Discord refuses, so that an end-to-end test cannot pass on a response Discord would
 * have rejected: message bodies over Discord's limits (400, code 50035), bot routes without the bot token (401), and
 * the harness helpers fail on a refused response instead of reading its body.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FAKE_TOKEN, type Harness, startHarness } from "../support/discordHarness.js";
import {
  FakeDiscord,
  IDS,
  SELF,
  messageCreate,
  nextSnowflake,
  plainMessage,
  slashCommand,
} from "../../fakeDiscord/index.js";
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

/** GETs as the bot does. */
async function get(path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${fake.url}/api/v10${path}`, { headers: { authorization: `Bot ${FAKE_TOKEN}` } });
  return { status: response.status, body: await response.json() };
}

/** A message the bot posted in the guild channel, as stored by the fake. */
async function botMessage(content: string): Promise<{ id: string }> {
  const response = await post(`/channels/${IDS.guildChannel}/messages`, { content });
  return (await response.json()) as { id: string };
}

describe("messages read back", () => {
  test("GIVEN a message THEN GET returns it in its own channel only; an unknown channel is 10003", async () => {
    const { id } = await botMessage("an answer");
    expect(await get(`/channels/${IDS.guildChannel}/messages/${id}`)).toMatchObject({
      status: 200,
      body: { id, content: "an answer" },
    });
    expect(await get(`/channels/${IDS.dmChannel}/messages/${id}`)).toMatchObject({
      status: 404,
      body: { code: 10008 },
    });
    expect(await get(`/channels/1100000000000009999/messages/${id}`)).toMatchObject({
      status: 404,
      body: { code: 10003 },
    });
  });

  test("GIVEN a channel's history THEN newest first, before a message, limit 1 to 100", async () => {
    const ids = [(await botMessage("one")).id, (await botMessage("two")).id, (await botMessage("three")).id];
    const page = await get(`/channels/${IDS.guildChannel}/messages?limit=2`);
    expect((page.body as { id: string }[]).map((message) => message.id)).toEqual([ids[2], ids[1]]);
    const before = await get(`/channels/${IDS.guildChannel}/messages?before=${ids[2]}&limit=1`);
    expect((before.body as { id: string }[]).map((message) => message.id)).toEqual([ids[1]]);
    for (const limit of ["0", "101", "ten"])
      expect(await get(`/channels/${IDS.guildChannel}/messages?limit=${limit}`)).toMatchObject({
        status: 400,
        body: { code: 50035 },
      });
  });

  test("GIVEN a bot without the Message Content intent THEN only its own, DM and mentioning messages have content", async () => {
    const plain = plainMessage("who is Lavrov?");
    const mentioning = { ...plainMessage(`<@${IDS.bot}> who is Lavrov?`), mentions: [SELF] };
    const inDm = plainMessage("who is Lavrov?", undefined, "dm");
    for (const message of [plain, mentioning, inDm]) fake.storeMessage(message);
    const content = async (message: { id: string; channel_id: string }) =>
      ((await get(`/channels/${message.channel_id}/messages/${message.id}`)).body as { content: string }).content;
    expect(await content(plain)).toBe("");
    expect(await content(mentioning)).toBe(`<@${IDS.bot}> who is Lavrov?`);
    expect(await content(inDm)).toBe("who is Lavrov?");
  });
});

describe("threads on a message", () => {
  const threadsOf = (id: string, channel: string = IDS.guildChannel) => `/channels/${channel}/messages/${id}/threads`;

  test("GIVEN a bad name or archive duration THEN 400 Invalid Form Body", async () => {
    const { id } = await botMessage("an answer");
    for (const body of [{}, { name: "" }, { name: "x".repeat(101) }, { name: "ok", auto_archive_duration: 30 }]) {
      const response = await post(threadsOf(id), body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 50035 });
    }
  });

  test("GIVEN a thread on a message THEN it takes the message's id and marks it; a second is refused with 160004", async () => {
    const { id } = await botMessage("an answer");
    const response = await post(threadsOf(id), { name: "who is Lavrov?", auto_archive_duration: 1440 });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      id,
      type: 11,
      parent_id: IDS.guildChannel,
      owner_id: IDS.bot,
      name: "who is Lavrov?",
      thread_metadata: { auto_archive_duration: 1440, archived: false },
    });
    const starter = (await get(`/channels/${IDS.guildChannel}/messages/${id}`)).body as { flags: number };
    expect(starter.flags & 32).toBe(32);
    expect(starter).toMatchObject({ thread: { id } });
    const again = await post(threadsOf(id), { name: "again" });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: 160004 });
  });

  test("GIVEN a DM, a thread or an unknown message THEN no thread", async () => {
    const dm = plainMessage("hi", undefined, "dm");
    fake.storeMessage(dm);
    const inDm = await post(threadsOf(dm.id, IDS.dmChannel), { name: "x" });
    expect(inDm.status).toBe(400);
    expect(await inDm.json()).toMatchObject({ code: 50024 });
    expect((await post(threadsOf(nextSnowflake()), { name: "x" })).status).toBe(404);
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
