import { expect, test } from "vitest";
import { startHarness } from "../support/discordHarness.js";

/**
 * MESSAGE_CONTENT_INTENT=true on an application whose Message Content intent is not switched on in the developer
 * portal: Discord closes the gateway with 4014, and the bot must stop with a message that says what to do.
 */
test("GIVEN MESSAGE_CONTENT_INTENT=true and the intent off in the portal THEN start-up fails saying how to switch it on", async () => {
  const started = startHarness({ messageContent: true, fake: { privilegedIntents: false }, readyTimeoutMs: 5_000 });
  await expect(started).rejects.toThrow(/Message Content intent.*Developer Portal.*MESSAGE_CONTENT_INTENT=false/s);
});

test("GIVEN the intent off in the portal and MESSAGE_CONTENT_INTENT unset THEN the bot connects without asking for it", async () => {
  const harness = await startHarness({ fake: { privilegedIntents: false } });
  try {
    expect(harness.fake.intents & (1 << 15)).toBe(0);
  } finally {
    await harness.stop();
  }
});
