/**
 * End to end: answers recorded in a real store file, and the Helpful / Not helpful buttons, through the real
 * discord.js client and the fake Discord, including a click on an answer given before the bot restarted.
 */
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, test, vi } from "vitest";
import { IDS, SELF, buttonClick, messageCreate, messageFromResponse, slashCommand } from "../../fakeDiscord/index.js";
import { STORE_FILE } from "../../src/store/openStore.js";
import type { QuestionStore } from "../../src/store/questionStore.js";
import { openSqliteStore } from "../../src/store/sqliteStore.js";
import { customIds, type Harness, startHarness } from "../support/discordHarness.js";
import { collectLogs, temporaryDataDir } from "../support/storeFixtures.js";

const KEY = "feedback-test-key-0123456789";
const EPHEMERAL = 64;

const running: { harness?: Harness; store?: QuestionStore } = {};
afterEach(async () => {
  await running.harness?.stop();
  running.store?.close();
  delete running.harness;
  delete running.store;
});

async function startWithStore(dataDir: string, open?: (file: string) => Database.Database): Promise<Harness> {
  const store = openSqliteStore({
    file: join(dataDir, STORE_FILE),
    personKey: KEY,
    logger: collectLogs().logger,
    ...(open ? { open } : {}),
  });
  running.store = store;
  running.harness = await startHarness({ store });
  return running.harness;
}

/** Stops the bot and its store, and starts both again on the same file. */
async function restart(dataDir: string): Promise<Harness> {
  await running.harness?.stop();
  running.store?.close();
  return startWithStore(dataDir);
}

function voteIds(ids: string[]): { up: string; down: string } {
  const up = ids.find((id) => id.startsWith("v1:vt:up:"));
  const down = ids.find((id) => id.startsWith("v1:vt:down:"));
  if (!up || !down) throw new Error(`no feedback buttons among ${ids.join(", ")}`);
  return { up, down };
}

function recordedRows(dataDir: string): Record<string, unknown>[] {
  running.store?.unanswered({ since: new Date(0) }); // writes what is queued
  const db = new Database(join(dataDir, STORE_FILE), { readonly: true });
  const rows = db.prepare("SELECT * FROM questions ORDER BY asked_at").all() as Record<string, unknown>[];
  db.close();
  return rows;
}

describe("recording questions", () => {
  test("GIVEN a slash question and a mention THEN both are recorded after their reply, with where, what and how", async () => {
    const dataDir = temporaryDataDir();
    const harness = await startWithStore(dataDir);
    const slash = slashCommand("ask", { question: "What is the capital of France?" });
    await harness.interact(slash);
    const mention = messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] });
    await harness.sendMessage(mention);

    // Recorded after the reply was accepted, so shortly after the test sees the reply.
    const rows = await vi.waitFor(() => {
      const recorded = recordedRows(dataDir);
      expect(recorded).toHaveLength(2);
      return recorded;
    });
    expect(rows).toEqual([
      expect.objectContaining({
        id: slash.id,
        surface: "slash",
        command: "ask",
        question: "What is the capital of France?",
        answered: 0,
        cited_article: null,
        guild_id: IDS.guild,
      }),
      expect.objectContaining({
        id: mention.id,
        surface: "mention",
        command: "ask",
        question: "who is Lavrov?",
        answered: 1,
        cited_article: "blinken-lavrov-geneva",
      }),
    ]);
    expect(JSON.parse(String(rows[1]?.cited_sentences))).toContain(1);
    expect(rows.every((row) => typeof row.latency_ms === "number" && row.person_hash !== IDS.user)).toBe(true);
  });

  test("GIVEN no store (STORE=off) THEN answers carry no feedback buttons", async () => {
    running.harness = await startHarness();
    const response = await running.harness.interact(slashCommand("who", { name: "Lavrov" }));
    expect(customIds(response.data).filter((id) => id.startsWith("v1:vt:"))).toEqual([]);
  });
});

describe("Helpful / Not helpful", () => {
  test("GIVEN an answer from before a restart THEN a vote is recorded, the other button changes it, the same one withdraws it, privately", async () => {
    const dataDir = temporaryDataDir();
    const first = await startWithStore(dataDir);
    const response = await first.interact(slashCommand("ask", { question: "What is the capital of France?" }));
    const answer = messageFromResponse(response);
    const { up, down } = voteIds(customIds(response.data));
    await vi.waitFor(() => expect(running.store?.unanswered({ since: new Date(0) })).toHaveLength(1));

    const harness = await restart(dataDir);
    const click = async (customId: string) => {
      const reply = await harness.interact(buttonClick(customId, answer));
      expect((reply.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      return reply.data?.content ?? "";
    };
    const downVotes = () => running.store?.unanswered({ since: new Date(0) })[0]?.downVotes;

    expect(await click(up)).toMatch(/Marked as helpful/);
    expect(downVotes()).toBe(0);
    expect(await click(down)).toMatch(/Marked as not helpful/);
    expect(downVotes()).toBe(1);
    expect(await click(down)).toMatch(/withdrawn/);
    expect(downVotes()).toBe(0);
  });

  test("GIVEN a mention's answer and a paged listing THEN both carry the buttons, and Next keeps them", async () => {
    const harness = await startWithStore(temporaryDataDir());
    const { message } = await harness.sendMessage(messageCreate(`<@${IDS.bot}> who is Lavrov?`, { mentions: [SELF] }));
    expect(voteIds(customIds(message)).up).toMatch(/^v1:vt:up:\d+$/);

    const listing = await harness.interact(slashCommand("search", { words: "Russia" }));
    const ids = customIds(listing.data);
    const next = ids.find((id) => id.startsWith("v1:pg:") && !id.includes(":1:"));
    expect(next).toBeDefined();
    const page = await harness.interact(buttonClick(next ?? "", messageFromResponse(listing)));
    expect(voteIds(customIds(page.data))).toEqual(voteIds(ids));
  });

  test("GIVEN a read-only store file THEN answers still flow and a vote says it cannot be recorded", async () => {
    const dataDir = temporaryDataDir();
    openSqliteStore({ file: join(dataDir, STORE_FILE), personKey: KEY, logger: collectLogs().logger }).close();
    const harness = await startWithStore(dataDir, (file) => new Database(file, { readonly: true }));
    for (const question of ["who is Lavrov?", "What is the capital of France?"]) {
      const response = await harness.interact(slashCommand("ask", { question }));
      expect(response.data?.embeds?.[0]?.description?.length).toBeGreaterThan(0);
    }
    const response = await harness.interact(slashCommand("ask", { question: "where will Blinken meet Lavrov?" }));
    expect(response.data?.embeds?.[0]?.description).toMatch(/Geneva/);
    const { up } = voteIds(customIds(response.data));
    const reply = await harness.interact(buttonClick(up, messageFromResponse(response)));
    expect(reply.data?.content).toMatch(/can't record feedback/);
  });
});
