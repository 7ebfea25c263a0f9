/** Shared pieces of the reliability suites: test-only commands, and readers over what the fake recorded. */
import { setTimeout as sleep } from "node:timers/promises";
import { ApplicationCommandType } from "discord-api-types/v10";
import type { SlashCommand } from "../../commands/command.js";
import type { Harness, LogLine } from "./discordHarness.js";
/** Kept here too for the reliability suites, which read them beside the helpers below. */
export { callbackPath, isAccepted } from "./discordHarness.js";
import type { FakeDiscord } from "../../fakeDiscord/index.js";

/** A command whose answer takes `delayMs` (think: a slow future engine), so the bot defers and later edits its reply. */
export function slowCommand(name: string, delayMs: number): SlashCommand {
  return {
    data: { type: ApplicationCommandType.ChatInput, name, description: `An answer after ${delayMs} ms (test only)` },
    execute: async (_interaction, { engine, reply }) => {
      await sleep(delayMs);
      return reply(engine.run({ command: "who", argument: "Lavrov" }));
    },
  };
}

export function originalPath(payload: { application_id: string; token: string }): string {
  return `/webhooks/${payload.application_id}/${payload.token}/messages/@original`;
}

/** Ids of every INTERACTION_CREATE the fake sent to the bot. */
export function dispatchedInteractionIds(fake: FakeDiscord): string[] {
  return fake.frames.flatMap((frame) =>
    frame.direction === "out" &&
    frame.t === "INTERACTION_CREATE" &&
    typeof frame.d === "object" &&
    frame.d !== null &&
    "id" in frame.d &&
    typeof frame.d.id === "string"
      ? [frame.d.id]
      : [],
  );
}

/** The log line of an event that could not be delivered. */
export function undeliveredLine(harness: Harness, eventId: string): LogLine | undefined {
  return harness.logs.find((line) => line.eventId === eventId && line.msg === "reply not delivered");
}

/** Waits until the bot has written a log line that matches (a handled event logs after its last REST call). */
export async function waitForLog(
  harness: Harness,
  predicate: (line: LogLine) => boolean,
  timeoutMs = 5_000,
): Promise<LogLine> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = harness.logs.find(predicate);
    if (line) return line;
    if (Date.now() > deadline) throw new Error(`no matching log line after ${timeoutMs} ms`);
    await sleep(10);
  }
}
