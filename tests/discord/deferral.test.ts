/** An answer that is not ready within the defer threshold is deferred first, then delivered by editing the deferred reply. */
import { setTimeout as sleep } from "node:timers/promises";
import { ApplicationCommandType } from "discord-api-types/v10";
import { afterAll, beforeAll, expect, test } from "vitest";
import { COMMANDS } from "../../commands/index.js";
import type { SlashCommand } from "../../commands/command.js";
import { type Harness, SentMessage, startHarness } from "../support/discordHarness.js";
import { slashCommand } from "../support/fakeDiscord/index.js";

const DEFERRED = 5;

/** A command whose answer takes 400 ms (think: a slow future engine), to exercise the deferral path. */
const slow: SlashCommand = {
  data: { type: ApplicationCommandType.ChatInput, name: "slow", description: "A slow answer (test only)" },
  execute: async (_interaction, { engine, reply }) => {
    await sleep(400);
    return reply(engine.run({ command: "who", argument: "Lavrov" }));
  },
};
const failingAfterDefer: SlashCommand = {
  data: { type: ApplicationCommandType.ChatInput, name: "slowfail", description: "A slow failure (test only)" },
  execute: async () => {
    await sleep(300);
    throw new Error("slow failure");
  },
};

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ commands: [...COMMANDS, slow, failingAfterDefer], deferAfterMs: 100 });
});
afterAll(async () => harness.stop());

test("GIVEN an answer slower than the defer threshold THEN the bot defers first and then edits in the answer", async () => {
  const payload = slashCommand("slow", {});
  const response = await harness.interact(payload);
  expect(response.type).toBe(DEFERRED);
  const edit = await harness.fake.waitForCall((call) => call.method === "PATCH" && call.path === `/webhooks/${payload.application_id}/${payload.token}/messages/@original`);
  const message = SentMessage.parse(edit.body);
  expect(message.embeds?.[0]?.description).toContain("Sergei Lavrov");
  expect(message.allowed_mentions).toEqual({ parse: [], replied_user: false });
  expect(harness.fake.originalMessage(payload.token)?.embeds[0]?.description).toContain("Sergei Lavrov");
});

test("GIVEN a fast answer THEN it is sent directly, without deferring", async () => {
  const response = await harness.interact(slashCommand("who", { name: "Lavrov" }));
  expect(response.type).toBe(4);
});

test("GIVEN a deferred handler that then throws THEN the deferred reply becomes the apology", async () => {
  const payload = slashCommand("slowfail", {});
  const response = await harness.interact(payload);
  expect(response.type).toBe(DEFERRED);
  const edit = await harness.fake.waitForCall((call) => call.method === "PATCH" && call.path === `/webhooks/${payload.application_id}/${payload.token}/messages/@original`);
  expect(SentMessage.parse(edit.body).content).toMatch(/^Sorry, something went wrong/);
});
