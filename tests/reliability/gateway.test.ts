/**
 * Gateway faults: the connection dropped, Discord asking to reconnect (op 7), an invalid session (op 9) and a
 * zombie connection (heartbeats not acknowledged). In each case the real discord.js client reconnects (resuming
 * when Discord allows it) and answers an interaction dispatched after recovery. The fake beats every 200 ms.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { type Harness, startHarness } from "../support/discordHarness.js";
import { IDS, SELF, messageCreate, slashCommand } from "../../fakeDiscord/index.js";
import { callbackPath, waitForLog } from "../support/reliability.js";

const REPLY = 4;
const RECONNECT = 7;
const INVALID_SESSION = 9;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ fake: { heartbeatIntervalMs: 200 } });
});
afterAll(async () => harness.stop());

interface Counts {
  identifies: number;
  resumes: number;
}

function counts(): Counts {
  return { identifies: harness.fake.identifies.length, resumes: harness.fake.resumes.length };
}

/** After recovery: a fresh slash command and a mention are both answered. */
async function expectAnswering(): Promise<void> {
  await harness.fake.waitForGatewayReady(5_000);
  const response = await harness.interact(slashCommand("who", { name: "Lavrov" }));
  expect(response.type).toBe(REPLY);
  expect(response.data?.embeds?.[0]?.description).toContain("Sergei Lavrov");
  const { message } = await harness.sendMessage(
    messageCreate(`<@${IDS.bot}> where will Blinken meet Lavrov?`, { mentions: [SELF] }),
  );
  expect(message.embeds?.[0]?.description).toContain("Geneva");
}

test("GIVEN the connection drops without a close frame (1006) THEN the bot resumes, the interaction sent meanwhile is replayed and answered", async () => {
  const before = counts();
  harness.fake.terminateGateway();
  const missed = slashCommand("who", { name: "Lavrov" });
  harness.fake.dispatchNow("INTERACTION_CREATE", missed); // Discord holds it for the session while the bot is away
  const call = await harness.fake.waitForCall((entry) => entry.path === callbackPath(missed), { timeoutMs: 5_000 });
  expect(call.status).toBe(204);
  expect(counts()).toEqual({ identifies: before.identifies, resumes: before.resumes + 1 });
  expect(harness.fake.replayed).toBeGreaterThanOrEqual(1);
  await expectAnswering();
});

test("GIVEN Discord sends op 7 (reconnect) THEN the bot closes, resumes the same session and keeps answering", async () => {
  const before = counts();
  harness.fake.sendRaw({ op: RECONNECT });
  await expectAnswering();
  expect(counts()).toEqual({ identifies: before.identifies, resumes: before.resumes + 1 });
  await waitForLog(harness, (line) => line.msg === "gateway resumed");
});

test("GIVEN Discord sends op 9 (invalid session, not resumable) THEN the bot identifies afresh and keeps answering", async () => {
  const before = counts();
  harness.fake.sendRaw({ op: INVALID_SESSION, d: false });
  await expectAnswering();
  expect(counts()).toEqual({ identifies: before.identifies + 1, resumes: before.resumes });
});

test("GIVEN heartbeats stop being acknowledged (a zombie connection) THEN the bot notices, reconnects, resumes and keeps answering", async () => {
  const before = counts();
  const closes = harness.fake.gatewayCloses.length;
  harness.fake.ackHeartbeats = false;
  const deadline = Date.now() + 3_000;
  while (harness.fake.gatewayCloses.length === closes && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  harness.fake.ackHeartbeats = true;
  expect(harness.fake.gatewayCloses.length).toBeGreaterThan(closes);
  await expectAnswering();
  expect(counts().resumes).toBe(before.resumes + 1);
});

test("GIVEN Discord closes with 4000 (unknown error) THEN the bot resumes and keeps answering", async () => {
  const before = counts();
  harness.fake.closeGateway(4000);
  await expectAnswering();
  expect(counts()).toEqual({ identifies: before.identifies, resumes: before.resumes + 1 });
});

test("GIVEN the connection drops and Discord has meanwhile forgotten the session THEN the refused resume leads to a fresh identify and answers", async () => {
  const before = counts();
  harness.fake.forgetSession();
  harness.fake.terminateGateway();
  await expectAnswering();
  expect(counts()).toEqual({ identifies: before.identifies + 1, resumes: before.resumes + 1 });
});
