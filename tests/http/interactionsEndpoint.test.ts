/**
 * End to end over HTTP: the fake Discord signs interactions with a key pair made here and POSTs them to the bot's
 * /interactions, as Discord does once an Interactions Endpoint URL is set; the bot runs hybrid (the gateway still
 * carries mentions). The initial response is read from the HTTP response; what follows it goes to the fake's REST API.
 */
import { ApplicationCommandType, InteractionResponseType, MessageFlags } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { SlashCommand } from "../../commands/command.js";
import { COMMANDS } from "../../commands/index.js";
import { MESSAGES } from "../../src/discord/messages.js";
import {
  IDS,
  InteractionResponse,
  SELF,
  SentMessage,
  autocomplete,
  buttonClick,
  modalSubmit,
  messageCommand,
  messageCreate,
  messageFromResponse,
  plainMessage,
  slashCommand,
} from "../../fakeDiscord/index.js";
import { OPTIONS, SLASH_COMMAND_NAMES } from "../support/commandOptions.js";
import { customIds } from "../support/discordHarness.js";
import { callbackPath, originalPath, slowCommand } from "../support/reliability.js";
import { seedSentenceContaining } from "../support/seedEngine.js";
import { type HttpBot, startHttpBot } from "../support/httpBot.js";

const { Pong, ChannelMessageWithSource, DeferredChannelMessageWithSource, UpdateMessage } = InteractionResponseType;
const LAVROV_SENTENCE = seedSentenceContaining("Sergei Lavrov");

/** A command with a bug: it throws before answering. */
const failing: SlashCommand = {
  data: { type: ApplicationCommandType.ChatInput, name: "broken", description: "Throws (test only)" },
  execute: () => Promise.reject(new Error("a bug in a command")),
};

let bot: HttpBot;
beforeAll(async () => {
  bot = await startHttpBot({ commands: [...COMMANDS, slowCommand("slow", 300), failing], deferAfterMs: 100 });
});
afterAll(async () => bot?.stop());

const endpoint = () => `${bot.url}/interactions`;

/** Delivers a signed interaction and reads the HTTP response as the interaction's initial response. */
async function interact(payload: { id: string; token: string }): Promise<InteractionResponse> {
  const { status, body } = await bot.fake.deliverOverHttp(endpoint(), payload, bot.signer);
  expect(status).toBe(200);
  return InteractionResponse.parse(body);
}

describe("the signature check and bad requests", () => {
  test("GIVEN a signed PING THEN the answer is PONG", async () => {
    const answer = await bot.signer.post(
      endpoint(),
      JSON.stringify({ type: 1, id: "1", application_id: IDS.application }),
    );
    expect(answer).toEqual({ status: 200, body: { type: Pong } });
  });

  test("GIVEN a body signed as something else THEN 401, and the bot keeps serving", async () => {
    const ping = JSON.stringify({ type: 1 });
    const forged = await bot.signer.post(endpoint(), ping, { signBody: JSON.stringify({ type: 2 }) });
    expect(forged.status).toBe(401);
    expect((await bot.signer.post(endpoint(), ping)).status).toBe(200);
  });

  test("GIVEN no signature headers THEN 401", async () => {
    const response = await fetch(endpoint(), { method: "POST", body: JSON.stringify({ type: 1 }) });
    expect(response.status).toBe(401);
  });

  test("GIVEN a correctly signed request more than five minutes old THEN 401 (a replay)", async () => {
    const stale = Math.floor(Date.now() / 1_000) - 6 * 60;
    const answer = await bot.signer.post(endpoint(), JSON.stringify({ type: 1 }), { timestamp: stale });
    expect(answer).toEqual({ status: 401, body: { error: "request timestamp too old" } });
  });

  test("GIVEN a body over 64 KB THEN 413", async () => {
    const huge = JSON.stringify({ type: 1, padding: "x".repeat(65 * 1024) });
    expect((await bot.signer.post(endpoint(), huge)).status).toBe(413);
  });

  test("GIVEN a signed body that is not JSON THEN 400 with the reason", async () => {
    expect(await bot.signer.post(endpoint(), "{not json")).toEqual({
      status: 400,
      body: { error: "body is not JSON" },
    });
  });

  test("GIVEN signed JSON that is not a well-formed interaction THEN 400, never a crash", async () => {
    const answer = await bot.signer.post(endpoint(), JSON.stringify({ type: 2, id: "1" }));
    expect(answer.status).toBe(400);
    expect((await bot.signer.post(endpoint(), JSON.stringify({ type: 1 }))).status).toBe(200);
  });

  test("GIVEN GET /interactions THEN 405 naming POST", async () => {
    const response = await fetch(endpoint());
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });
});

describe("interactions answered in the HTTP response", () => {
  test.each(SLASH_COMMAND_NAMES)("GIVEN /%s THEN a cited embed naming the source, with no pings", async (name) => {
    const response = await interact(slashCommand(name, OPTIONS[name] ?? {}));
    expect(response.type).toBe(ChannelMessageWithSource);
    expect(response.data?.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(response.data?.embeds?.[0]?.footer?.text).toMatch(/^Source: Ambito · Blinken to meet Lavrov in Geneva/);
  });

  test("GIVEN /who name:Lavrov THEN the embed quotes the Lavrov sentence and cites Ambito", async () => {
    const embed = (await interact(slashCommand("who", { name: "Lavrov" }))).data?.embeds?.[0];
    expect(embed?.fields?.[0]?.value).toBe(`> ${LAVROV_SENTENCE}`);
    expect(embed?.footer?.text).toContain("Ambito");
  });

  test("GIVEN typing 'lav' in /who's name box THEN the choices include Lavrov", async () => {
    const response = await interact(autocomplete("who", "name", "lav"));
    expect(response.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(response.data?.choices?.map((choice) => choice.name).join(" ")).toMatch(/Lavrov/);
  });

  test("GIVEN Ask the article on a message THEN a private answer", async () => {
    const target = plainMessage("who is Lavrov?");
    const response = await interact(messageCommand("Ask the article", target));
    expect(response.type).toBe(ChannelMessageWithSource);
    expect(response.data?.flags).toBe(64);
    expect(response.data?.embeds?.[0]?.description).toContain("Lavrov");
  });

  test("GIVEN a submitted form THEN it is routed as over the gateway (a form the bot did not make is refused)", async () => {
    const response = await interact(modalSubmit("v1:zz", { title: "x" }));
    expect(response.type).toBe(ChannelMessageWithSource);
    expect(response.data?.flags).toBe(64);
    expect(response.data?.content).toMatch(/expired or was not made by me/);
  });

  test("GIVEN a click on Next THEN the message is updated in the HTTP response", async () => {
    const first = await interact(slashCommand("search", { words: "Russia" }));
    expect(customIds(first.data)).toContain("v1:pg:search:2:Russia");
    const response = await interact(buttonClick("v1:pg:search:2:Russia", messageFromResponse(first)));
    expect(response.type).toBe(UpdateMessage);
    expect(response.data?.embeds?.[0]?.footer?.text).toContain("Ambito");
  });

  test("GIVEN an answer slower than the defer timer THEN the HTTP response defers and the answer is edited over REST", async () => {
    const payload = slashCommand("slow");
    const response = await interact(payload);
    expect(response.type).toBe(DeferredChannelMessageWithSource);
    const edit = await bot.fake.waitForCall(
      (call) => call.method === "PATCH" && call.path === originalPath(payload) && call.status === 200,
    );
    expect(SentMessage.parse(edit.body).embeds?.[0]?.fields?.[0]?.value).toBe(`> ${LAVROV_SENTENCE}`);
    expect(bot.fake.callsMatching((call) => call.path === callbackPath(payload))).toEqual([]);
  });
});

describe("failures", () => {
  test("GIVEN a command that throws THEN the HTTP response is the short private apology, and the bot keeps serving", async () => {
    const response = await interact(slashCommand("broken"));
    expect(response.type).toBe(ChannelMessageWithSource);
    expect(response.data?.flags).toBe(MessageFlags.Ephemeral);
    expect(response.data?.content ?? response.data?.embeds?.[0]?.description).toContain(MESSAGES.apology);
    expect((await interact(slashCommand("who", { name: "Lavrov" }))).type).toBe(ChannelMessageWithSource);
  });
});

describe("hybrid mode", () => {
  test("GIVEN a mention over the gateway THEN it is still answered there", async () => {
    const since = bot.fake.calls.length;
    await bot.fake.dispatch("MESSAGE_CREATE", messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] }));
    const reply = await bot.fake.waitForCall(
      (call) => call.method === "POST" && call.path === `/channels/${IDS.guildChannel}/messages`,
      { since },
    );
    expect(SentMessage.parse(reply.body).embeds?.[0]?.description).toContain("Lavrov");
  });
});

describe("HTTP only (GATEWAY=off)", () => {
  let httpOnly: HttpBot;
  beforeAll(async () => {
    httpOnly = await startHttpBot({
      gateway: "off",
      commands: [...COMMANDS, slowCommand("slow", 300)],
      deferAfterMs: 100,
    });
  });
  afterAll(async () => httpOnly?.stop());

  test("GIVEN no gateway THEN the bot is ready at once, never connects, and answers and edits deferrals over HTTP and REST", async () => {
    expect((await fetch(`${httpOnly.url}/readyz`)).status).toBe(200);
    const payload = slashCommand("slow");
    const { status, body } = await httpOnly.fake.deliverOverHttp(
      `${httpOnly.url}/interactions`,
      payload,
      httpOnly.signer,
    );
    expect(status).toBe(200);
    expect(InteractionResponse.parse(body).type).toBe(DeferredChannelMessageWithSource);
    await httpOnly.fake.waitForCall(
      (call) => call.method === "PATCH" && call.path === originalPath(payload) && call.status === 200,
    );
    expect(httpOnly.fake.gatewayConnections).toEqual([]);
  });
});
