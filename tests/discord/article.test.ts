/** End to end: /article through the real discord.js client and the fake Discord, on a temporary DATA_DIR. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  asUser,
  buttonClick,
  IDS,
  messageFromResponse,
  modalSubmit,
  slashCommand,
  slashSubcommand,
  userWithId,
} from "../../fakeDiscord/index.js";
import { customIds, type Harness, SentMessage, startHarness } from "../support/discordHarness.js";
import { originalPath } from "../support/reliability.js";
import { withoutManageServer } from "../support/permissions.js";
import { temporaryDataDir } from "../support/storeFixtures.js";

const EPHEMERAL = 64;
const DEFERRED = 5;
const MODAL = 9;
const OTHER_GUILD = "1100000000000000999";

const GLACIER = [
  "---",
  "title: Perito Moreno glacier advances again",
  "source: Ambito",
  "---",
  "The Perito Moreno glacier advanced forty metres this winter, scientists in El Calafate said on Monday.",
  "Park rangers closed the southern walkways while the ice front was unstable.",
  "Tourism officials expect record visitor numbers in January.",
  "",
].join("\n");
const QUESTION = "Who closed the southern walkways?";
const RANGERS = "Park rangers closed the southern walkways while the ice front was unstable.";

let harness: Harness;
let dataDir: string;
beforeAll(async () => {
  dataDir = temporaryDataDir();
  harness = await startHarness({ dataDir });
});
afterAll(async () => harness.stop());

const articlesDir = (guildId: string = IDS.guild) => join(dataDir, "guilds", guildId, "articles");
function filesOnDisk(): string[] {
  try {
    return readdirSync(articlesDir()).sort();
  } catch {
    return [];
  }
}

/** The reply the person sees: the initial response, or after a deferral its edit. */
async function replyTo(payload: { id: string; token: string; application_id: string }): Promise<SentMessage> {
  const since = harness.fake.calls.length;
  const response = await harness.interact(payload);
  if (response.type !== DEFERRED) return response.data ?? {};
  const edit = await harness.fake.waitForCall(
    (call) => call.method === "PATCH" && call.path === originalPath(payload) && call.status === 200,
    { since },
  );
  // Who sees an edited reply was settled by the deferral, so its flags are the deferral's.
  return { ...SentMessage.parse(edit.body), flags: response.data?.flags };
}

function addFile(filename: string, bytes: Uint8Array | string, size?: number) {
  return slashSubcommand("article", "add", {
    file: { attachment: harness.fake.hostAttachment(filename, bytes, size) },
  });
}

const inGuild = <T extends object>(payload: T, guildId: string): T => ({ ...payload, guild_id: guildId });
const answerText = (message: SentMessage): string => JSON.stringify(message);

describe("/article", () => {
  // That /article is registered for Manage Server, in servers only, is checked with /gaps in deployCommands.test.ts.
  test("GIVEN a member without Manage Server THEN adding is refused and nothing is written", async () => {
    const reply = await replyTo(
      withoutManageServer(asUser(addFile("glacier.md", GLACIER), userWithId("1100000000000000777"))),
    );
    expect((reply.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toMatch(/Manage Server/);
    expect(filesOnDisk()).toEqual([]);
  });

  test("GIVEN bad files THEN each is refused privately with a clear reason and the knowledge is unchanged", async () => {
    const cases: [ReturnType<typeof addFile>, RegExp][] = [
      [addFile("glacier.pdf", GLACIER), /\.md or \.txt/],
      [addFile("glacier.md", new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0xff])), /not UTF-8 text/],
      [addFile("glacier.md", new Uint8Array([0xc3, 0x28, 0x41])), /not UTF-8 text/],
      [addFile("glacier.md", GLACIER, 2_000_000), /larger than 1 MB/],
      [addFile("glacier.md", "x".repeat(1_048_577)), /larger than 1 MB/],
      [addFile("glacier.md", " \n\n "), /empty/],
      [
        addFile("glacier.md", "---\ntitle: No source\n---\nA sentence.\n"),
        /glacier\.md \(front matter\): source: is required/,
      ],
      [
        addFile("glacier.md", "Just text, no front matter.\n"),
        /glacier\.md: \(top level\): must start with YAML front matter/,
      ],
      [addFile("Glacier Story.md", GLACIER), /Glacier Story\.md: file name: must be lower-case words/],
      [
        addFile(
          "geneva.md",
          GLACIER.replace(
            "Perito Moreno glacier advances again",
            "blinken to meet lavrov in geneva as russian troops mass on ukraine's border",
          ),
        ),
        /already answers here/,
      ],
      [
        slashSubcommand("article", "add", {
          file: {
            attachment: {
              id: "1",
              filename: "gone.md",
              size: 10,
              url: `${harness.fake.url}/attachments/1/1/gone.md`,
              proxy_url: "",
            },
          },
        }),
        /couldn't download/,
      ],
    ];
    for (const [payload, reason] of cases) {
      const reply = await replyTo(payload);
      expect((reply.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      expect(reply.content).toMatch(reason);
      // A shipped article cannot be replaced from Discord, so no refusal here offers a button.
      expect(customIds(reply)).toEqual([]);
    }
    expect(filesOnDisk()).toEqual([]);
    expect(answerText(await replyTo(slashCommand("ask", { question: QUESTION })))).not.toContain(RANGERS);
  });

  test("GIVEN an admin attaches an article THEN it is saved, summarised, and answered in that server only", async () => {
    const reply = await replyTo(addFile("perito-moreno.md", GLACIER));
    expect((reply.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toContain("Perito Moreno glacier advances again");
    expect(reply.content).toContain("3 sentences");
    expect(reply.content).toContain("The Perito Moreno glacier advanced forty metres");
    expect(reply.content).toContain("Park rangers closed the southern walkways");
    expect(reply.content).not.toContain("Tourism officials");
    expect(readFileSync(join(articlesDir(), "perito-moreno.md"), "utf8")).toBe(GLACIER);

    expect(answerText(await replyTo(slashCommand("ask", { question: QUESTION })))).toContain(RANGERS);
    expect(answerText(await replyTo(inGuild(slashCommand("ask", { question: QUESTION }), OTHER_GUILD)))).not.toContain(
      RANGERS,
    );
    expect(answerText(await replyTo(slashCommand("ask", { question: QUESTION }, "dm")))).not.toContain(RANGERS);
    // The shipped article still answers in the server that added one.
    expect(answerText(await replyTo(slashCommand("who", { name: "Lavrov" })))).toContain("Lavrov");

    const list = await replyTo(slashSubcommand("article", "list"));
    expect(list.content).toContain("`perito-moreno` “Perito Moreno glacier advances again” (3 sentences)");
    const otherList = await replyTo(inGuild(slashSubcommand("article", "list"), OTHER_GUILD));
    expect(otherList.content).toMatch(/no articles of its own/);
  });

  test("GIVEN an upload that clashes with this server's article THEN only the Replace button replaces it", async () => {
    const edited = GLACIER.replace("Park rangers", "Park wardens");
    const clash = await replyTo(addFile("perito-moreno.md", edited));
    expect(clash.content).toMatch(/“Perito Moreno glacier advances again” already answers here/);
    const [replaceId] = customIds(clash);
    expect(replaceId).toMatch(/^v1:rp:[0-9a-f]{12}$/);
    expect(readFileSync(join(articlesDir(), "perito-moreno.md"), "utf8")).toBe(GLACIER);

    const message = messageFromResponse({ type: 4, data: clash });
    const stranger = userWithId("1100000000000000777");
    const refused = await harness.interact(
      withoutManageServer(asUser(buttonClick(replaceId ?? "", message), stranger)),
    );
    expect(refused.data?.content).toMatch(/Manage Server/);
    expect(readFileSync(join(articlesDir(), "perito-moreno.md"), "utf8")).toBe(GLACIER);

    const replaced = await replyTo(buttonClick(replaceId ?? "", message));
    expect(replaced.content).toMatch(/Added “Perito Moreno glacier advances again”: 3 sentences/);
    expect(readFileSync(join(articlesDir(), "perito-moreno.md"), "utf8")).toBe(edited);
    expect(answerText(await replyTo(slashCommand("ask", { question: QUESTION })))).toContain("Park wardens closed");
    const usedTwice = await replyTo(buttonClick(replaceId ?? "", message));
    expect(usedTwice.content).toMatch(/expired/);
  });

  test("GIVEN /article remove THEN only the confirm button removes it, and it is no longer answered", async () => {
    const member = userWithId("1100000000000000777");
    const confirm = await harness.interact(
      slashSubcommand("article", "remove", { article: "Perito Moreno glacier advances again" }),
    );
    expect(confirm.data?.content).toMatch(/Remove “Perito Moreno glacier advances again”/);
    const [removeId] = customIds(confirm.data);
    expect(removeId).toBe("v1:rm:perito-moreno");
    expect(filesOnDisk()).toEqual(["perito-moreno.md"]);

    const refused = await harness.interact(
      withoutManageServer(asUser(buttonClick(removeId ?? "", messageFromResponse(confirm)), member)),
    );
    expect(refused.data?.content).toMatch(/Manage Server/);
    expect(filesOnDisk()).toEqual(["perito-moreno.md"]);

    const removed = await harness.interact(buttonClick(removeId ?? "", messageFromResponse(confirm)));
    expect(removed.data?.content).toMatch(/Removed “Perito Moreno glacier advances again”/);
    expect(removed.data?.components ?? []).toEqual([]);
    expect(filesOnDisk()).toEqual([]);
    expect(answerText(await replyTo(slashCommand("ask", { question: QUESTION })))).not.toContain(RANGERS);

    const missing = await harness.interact(slashSubcommand("article", "remove", { article: "perito-moreno" }));
    expect(missing.data?.content).toMatch(/no article `perito-moreno`/);
  });

  test("GIVEN /article add without a file THEN a form opens, and its submission is validated, saved and answered here only", async () => {
    const forged = await harness.interact(modalSubmit("v1:zz", { title: "x" }));
    expect(forged.data?.content).toMatch(/expired or was not made by me/);
    const form = await harness.interact(slashSubcommand("article", "add"));
    expect(form.type).toBe(MODAL);
    const modal = form.data as { custom_id?: string; components?: { components: { custom_id: string }[] }[] };
    expect(modal.custom_id).toBe("v1:af");
    expect(modal.components?.map((row) => row.components[0]?.custom_id)).toEqual(["title", "source", "url", "body"]);

    const fields = { title: "Lithium: Jujuy's new plant", source: "Ambito", url: "", body: "" };
    const empty = await replyTo(modalSubmit("v1:af", fields));
    expect((empty.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(empty.content).toMatch(/lithium-jujuy-s-new-plant\.md: body: the article has no text/);
    const badUrl = await replyTo(modalSubmit("v1:af", { ...fields, url: "not a link", body: "Some text." }));
    expect(badUrl.content).toMatch(/lithium-jujuy-s-new-plant\.md \(front matter\): url:/);
    const stranger = userWithId("1100000000000000777");
    const refused = await replyTo(
      withoutManageServer(asUser(modalSubmit("v1:af", { ...fields, body: "Text." }), stranger)),
    );
    expect(refused.content).toMatch(/Manage Server/);
    expect(filesOnDisk()).toEqual([]);

    const body =
      "The new lithium plant in Jujuy will export its first cargo in March.\nThe provincial mining secretary signed the permit on Tuesday.";
    const added = await replyTo(modalSubmit("v1:af", { ...fields, body }));
    expect(added.content).toContain("Lithium: Jujuy's new plant");
    expect(added.content).toContain("2 sentences");
    expect(filesOnDisk()).toEqual(["lithium-jujuy-s-new-plant.md"]);
    const question = slashCommand("ask", { question: "Who signed the permit?" });
    const signed = "The provincial mining secretary signed the permit on Tuesday.";
    expect(answerText(await replyTo(question))).toContain(signed);
    expect(
      answerText(await replyTo(inGuild(slashCommand("ask", { question: "Who signed the permit?" }), OTHER_GUILD))),
    ).not.toContain(signed);
  });
});
