/**
 * The per-person question limit end to end (5 questions per 10 s here, on a clock the test moves): one quota across
 * slash commands, mentions and DMs; one notice per window and then silence for messages; a private notice for every
 * limited interaction (Discord requires a response to each); autocomplete and navigation buttons not counted.
 */
import type { APIUser } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type Harness,
  type InteractionResponse,
  customIds,
  messageFromResponse,
  startHarness,
} from "../support/discordHarness.js";
import {
  IDS,
  SELF,
  asUser,
  autocomplete,
  buttonClick,
  messageCreate,
  slashCommand,
  userWithId,
} from "../../fakeDiscord/index.js";
import { waitForLog } from "../support/reliability.js";

const EPHEMERAL = 64;
const REPLY = 4;
const UPDATE = 7;
const AUTOCOMPLETE_RESULT = 8;
const WINDOW_MS = 10_000;
const SLOW_DOWN =
  /^You're asking faster than I can answer \(up to 5 questions every 10 seconds\)\. Please ask again in \d+ s\.$/;

let time = 0;
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    questionRate: { max: 5, windowMs: WINDOW_MS },
    now: () => time,
    dmChannels: { everyMs: 50, keep: 5 },
  });
});
afterAll(async () => harness.stop());

let nextUser = 1_100_000_000_000_500_000n;
/** A fresh person per test, so quotas do not leak between tests. */
function freshUser(): APIUser {
  nextUser += 1n;
  return userWithId(nextUser.toString());
}

const ask = (user: APIUser, name = "who", options: Record<string, string> = { name: "Lavrov" }) =>
  harness.interact(asUser(slashCommand(name, options), user));
const mention = (user: APIUser, text = "who is Lavrov?") =>
  messageCreate(`<@${IDS.bot}> ${text}`, { author: user, mentions: [SELF] });
const dm = (user: APIUser, text = "who is Lavrov?") => messageCreate(text, { place: "dm", author: user });

/** Dispatches a message, waits until the bot has handled it (its log line), and checks it sent nothing in reply. */
async function expectSilence(message: { id: string; channel_id: string }): Promise<void> {
  const since = harness.fake.calls.length;
  await harness.fake.dispatch("MESSAGE_CREATE", message);
  const line = await waitForLog(harness, (entry) => entry.eventId === message.id && entry.msg === "message handled");
  expect(line.outcome).toBe("limited");
  expect(
    harness.fake.calls.slice(since).filter((call) => call.path === `/channels/${message.channel_id}/messages`),
  ).toEqual([]);
}

function expectAnswer(response: InteractionResponse): void {
  expect(response.type).toBe(REPLY);
  expect(response.data?.embeds?.[0]?.description?.length).toBeGreaterThan(0);
}

function expectPrivateNotice(response: InteractionResponse): void {
  expect(response.type).toBe(REPLY);
  expect((response.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  expect(response.data?.content).toMatch(SLOW_DOWN);
  expect(response.data?.embeds ?? []).toEqual([]);
  expect(response.data?.allowed_mentions).toEqual({ parse: [], replied_user: false });
}

describe("slash commands", () => {
  test("GIVEN 5 questions in the window THEN all are answered, and each further one gets a short private notice", async () => {
    const user = freshUser();
    for (let index = 0; index < 5; index += 1) expectAnswer(await ask(user));
    expectPrivateNotice(await ask(user));
    expectPrivateNotice(await ask(user, "summary", {}));
    time += WINDOW_MS;
    expectAnswer(await ask(user));
  });

  test("GIVEN one person over the limit THEN another person is answered as usual", async () => {
    const flooder = freshUser();
    for (let index = 0; index < 6; index += 1) await ask(flooder);
    expectAnswer(await ask(freshUser()));
  });
});

describe("one quota across slash commands, mentions and DMs", () => {
  test("GIVEN 2 slash questions, 2 mentions and 1 DM THEN the next mention gets one notice, later messages silence, until the window passes", async () => {
    const user = freshUser();
    expectAnswer(await ask(user));
    expectAnswer(await ask(user));
    expect((await harness.sendMessage(mention(user))).message.embeds?.[0]?.description).toContain("Sergei Lavrov");
    expect((await harness.sendMessage(mention(user))).message.embeds?.[0]?.description).toContain("Sergei Lavrov");
    expect((await harness.sendMessage(dm(user))).message.embeds?.[0]?.description).toContain("Sergei Lavrov");

    const limited = mention(user);
    const { message: notice } = await harness.sendMessage(limited);
    expect(notice.content).toMatch(SLOW_DOWN);
    expect(notice.embeds ?? []).toEqual([]);
    expect(notice.message_reference?.message_id).toBe(limited.id);
    expect(notice.allowed_mentions).toEqual({ parse: [], replied_user: false });

    await expectSilence(mention(user));
    await expectSilence(dm(user));
    expectPrivateNotice(await ask(user));

    time += WINDOW_MS;
    expect((await harness.sendMessage(dm(user))).message.embeds?.[0]?.description).toContain("Sergei Lavrov");
  });

  test("GIVEN a flood of 40 mentions from one person THEN exactly 5 answers and 1 notice are sent: no reply storm", async () => {
    const user = freshUser();
    const since = harness.fake.calls.length;
    const flood = Array.from({ length: 40 }, (_, index) => mention(user, `question ${index} about Lavrov`));
    for (const message of flood) await harness.fake.dispatch("MESSAGE_CREATE", message);
    const ids = new Set(flood.map((message) => message.id));
    const handled = () =>
      harness.logs.filter(
        (line) => typeof line.eventId === "string" && ids.has(line.eventId) && line.msg === "message handled",
      );
    await waitForLog(harness, () => handled().length === flood.length);
    const replies = harness.fake.callsMatching(
      (call) => call.method === "POST" && call.path === `/channels/${IDS.guildChannel}/messages`,
      since,
    );
    expect(replies).toHaveLength(6);
    expect(handled().filter((line) => line.outcome === "limited")).toHaveLength(35);
  });
});

describe("what does not count as a question", () => {
  test("GIVEN a person at the limit THEN autocomplete, Prev/Next and Show context still work, but a suggestion button is a question", async () => {
    const user = freshUser();
    const search = await ask(user, "search", { words: "Russia" });
    const notInArticle = await ask(user, "ask", { question: "What is the capital of France?" });
    for (let index = 0; index < 3; index += 1) expectAnswer(await ask(user));
    expectPrivateNotice(await ask(user));

    for (const partial of ["L", "La", "Lav", "Lavr", "Blin", "Zel", "Geneva"]) {
      const response = await harness.interact(
        asUser(
          autocomplete(partial === "Geneva" ? "where" : "who", partial === "Geneva" ? "place" : "name", partial),
          user,
        ),
      );
      expect(response.type).toBe(AUTOCOMPLETE_RESULT);
    }

    const next = customIds(search.data).find((id) => id.startsWith("v1:pg:search:2:"));
    expect(next).toBeDefined();
    const page = await harness.interact(asUser(buttonClick(next ?? "", messageFromResponse(search)), user));
    expect(page.type).toBe(UPDATE);
    expect(page.data?.embeds?.[0]?.footer?.text).toContain("Page 2 of");

    const context = customIds(search.data).find((id) => id.startsWith("v1:ctx:"));
    const shown = await harness.interact(asUser(buttonClick(context ?? "", messageFromResponse(search)), user));
    expect(shown.data?.embeds?.[0]?.title).toMatch(/^Sentence \d+ in context$/);

    const suggestion = customIds(notInArticle.data).find((id) => id.startsWith("v1:sg:"));
    expect(suggestion).toBeDefined();
    expectPrivateNotice(
      await harness.interact(asUser(buttonClick(suggestion ?? "", messageFromResponse(notInArticle)), user)),
    );
  });

  test("GIVEN 30 autocomplete keystrokes first THEN the person still has all 5 questions", async () => {
    const user = freshUser();
    for (let index = 0; index < 30; index += 1)
      expect(
        (await harness.interact(asUser(autocomplete("who", "name", "Lavrov".slice(0, (index % 6) + 1)), user))).type,
      ).toBe(AUTOCOMPLETE_RESULT);
    for (let index = 0; index < 5; index += 1) expectAnswer(await ask(user));
  });
});

describe("memory under a flood of people", () => {
  test("GIVEN DMs from 25 people, each in their own DM channel THEN at most 5 DM channels stay cached, and a swept channel still gets answers", async () => {
    const people = Array.from({ length: 25 }, () => freshUser());
    const channelOf = (index: number) => (1_100_000_000_000_600_000n + BigInt(index)).toString();
    for (const [index, user] of people.entries())
      await harness.sendMessage({ ...dm(user, "who is Lavrov?"), channel_id: channelOf(index) });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const cachedDms = () => harness.bot.client.channels.cache.filter((channel) => channel.isDMBased()).size;
    expect(cachedDms()).toBeLessThanOrEqual(5);
    const first = people[0];
    if (!first) throw new Error("no people");
    const { call } = await harness.sendMessage({ ...dm(first, "who is Lavrov?"), channel_id: channelOf(0) });
    expect(call.path).toBe(`/channels/${channelOf(0)}/messages`);
  });
});

describe("QUESTION_RATE_LIMIT=off", () => {
  test("GIVEN the limit is off THEN 12 questions in a row from one person are all answered", async () => {
    const open = await startHarness({ questionRate: "off" });
    try {
      const user = freshUser();
      for (let index = 0; index < 12; index += 1)
        expectAnswer(await open.interact(asUser(slashCommand("who", { name: "Lavrov" }), user)));
    } finally {
      await open.stop();
    }
  });
});
