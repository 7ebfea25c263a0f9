/** End to end: /gaps through the real discord.js client and the fake Discord, on a real store file. */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { asUser, buttonClick, messageFromResponse, slashCommand, userWithId } from "../../fakeDiscord/index.js";
import { STORE_FILE } from "../../src/store/openStore.js";
import type { QuestionStore } from "../../src/store/questionStore.js";
import { openSqliteStore } from "../../src/store/sqliteStore.js";
import { customIds, type Harness, startHarness } from "../support/discordHarness.js";
import { withoutManageServer } from "../support/permissions.js";
import { collectLogs, temporaryDataDir } from "../support/storeFixtures.js";

const EPHEMERAL = 64;

let harness: Harness;
let store: QuestionStore;
beforeAll(async () => {
  store = openSqliteStore({
    file: join(temporaryDataDir(), STORE_FILE),
    personKey: "gaps-e2e-key-0123456789",
    logger: collectLogs().logger,
  });
  harness = await startHarness({ store });
});
afterAll(async () => {
  await harness.stop();
  store.close();
});

describe("/gaps", () => {
  test("GIVEN the command's JSON THEN Discord shows it only to Manage Server, in servers", async () => {
    const { gaps } = await import("../../commands/gaps.js");
    expect(gaps.data.default_member_permissions).toBe("32");
    expect(gaps.data.contexts).toEqual([0]);
  });

  test("GIVEN refused questions worded alike THEN a moderator sees them as one group, privately, paginated", async () => {
    const questions = [
      "capital of France?",
      "What's the capital of france",
      ...["rugby", "cricket", "tennis", "golf", "chess", "sailing"].map((sport) => `who won the ${sport} final?`),
    ];
    for (const question of questions) await harness.interact(slashCommand("ask", { question }));
    await vi.waitFor(() => expect(store.unanswered({ since: new Date(0) })).toHaveLength(questions.length));

    const response = await harness.interact(slashCommand("gaps"));
    expect((response.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    const embed = response.data?.embeds?.[0];
    expect(embed?.fields?.[0]?.name).toBe("2× What's the capital of france");
    expect(embed?.fields?.[0]?.value).toMatch(/refused 2 · 👎 0/);
    expect(embed?.fields).toHaveLength(5);
    expect(embed?.footer?.text).toBe("Page 1 of 2");

    const next = customIds(response.data).find((id) => id === "v1:gp:30:2");
    expect(next).toBeDefined();
    const page = await harness.interact(buttonClick(next ?? "", messageFromResponse(response)));
    expect(page.data?.embeds?.[0]?.fields).toHaveLength(2);
    expect(page.data?.embeds?.[0]?.footer?.text).toBe("Page 2 of 2");
  });

  test("GIVEN a member without Manage Server THEN the report and its page buttons are refused", async () => {
    const stranger = userWithId("1100000000000000777");
    const response = await harness.interact(withoutManageServer(asUser(slashCommand("gaps"), stranger)));
    expect((response.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(response.data?.content).toMatch(/Manage Server/);
    expect(response.data?.embeds ?? []).toEqual([]);

    const click = await harness.interact(
      withoutManageServer(asUser(buttonClick("v1:gp:30:1", messageFromResponse(response)), stranger)),
    );
    expect(click.data?.content).toMatch(/Manage Server/);
  });

  test("GIVEN /gaps in a DM THEN it says the report belongs to a server", async () => {
    const response = await harness.interact(slashCommand("gaps", {}, "dm"));
    expect(response.data?.content).toMatch(/use \/gaps in a server/);
  });
});
