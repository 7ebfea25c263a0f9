import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Answer } from "../../src/engine/answer.js";
import { runCli } from "../support/runCli.js";
import { sentenceNumberContaining } from "../support/seedEngine.js";

const temporaryFolders: string[] = [];
afterAll(() => temporaryFolders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function copyOfKnowledge(): string {
  const folder = mkdtempSync(join(tmpdir(), "knowledge-"));
  temporaryFolders.push(folder);
  cpSync("knowledge", folder, { recursive: true });
  return folder;
}

describe("GIVEN npm start without DISCORD_TOKEN (console mode)", () => {
  it("WHEN '/who Lavrov' is piped in THEN it names Sergei Lavrov, quotes his sentence, cites Ambito and exits 0", async () => {
    const result = await runCli("src/main.ts", [], { stdin: "/who Lavrov\n" });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Sergei Lavrov");
    expect(result.stdout).toContain(`[${sentenceNumberContaining("Sergei Lavrov")}]`);
    expect(result.stdout).toContain("Source: Ambito");
  });

  it("WHEN several lines are piped THEN one answer per line, in order, no prompt", async () => {
    const result = await runCli("src/main.ts", [], {
      stdin: "where will Blinken meet Lavrov?\nhow much aid did Washington announce?\n",
    });
    const geneva = result.stdout.indexOf("Geneva");
    const aid = result.stdout.indexOf("200 million");
    expect(geneva).toBeGreaterThanOrEqual(0);
    expect(aid).toBeGreaterThan(geneva);
    expect(result.stdout).not.toContain("> ");
  });

  it("WHEN the knowledge is broken THEN one readable line on stderr and exit 1", async () => {
    const folder = copyOfKnowledge();
    writeFileSync(join(folder, "facts", "blinken-lavrov-geneva.yaml"), "entities: 12\n");
    const result = await runCli("src/main.ts", [], { stdin: "", env: { KNOWLEDGE_DIR: folder } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/blinken-lavrov-geneva\.yaml: entities: /);
    expect(result.stdout).toBe("");
  });
});

describe("GIVEN the console is one conversation", () => {
  it("WHEN a follow-up comes after a question THEN it is read about the earlier subject, and /new forgets it", async () => {
    const result = await runCli("src/main.ts", [], {
      stdin:
        "who is Lavrov?\nand where will he meet Blinken?\n/new\nwhat is the capital of France?\nwhat did he say?\n",
    });
    expect(result.code).toBe(0);
    const [beforeNew, afterNew = ""] = result.stdout.split(
      "New conversation: the questions before this are forgotten.",
    );
    expect(beforeNew).toContain("(about Sergei Lavrov)\nGeneva");
    expect(afterNew).not.toContain("(about");
    // After /new nothing earlier names a person, so "he" is refused, not guessed.
    expect(afterNew).toContain("I can't tell who or what “he” means here");
  });

  it("WHEN npm run ask reads many lines THEN every line stands alone (a batch is no conversation)", async () => {
    const result = await runCli("src/askCli.ts", ["--json"], {
      stdin: "who is Lavrov?\nand where will he meet Blinken?\n",
    });
    const answers = result.stdout
      .trim()
      .split("\n")
      .map((line) => Answer.parse(JSON.parse(line)));
    expect(answers[1]?.about).toBeUndefined();
    expect(answers[1]?.argument).toBe("and where will he meet Blinken?");
  });
});

describe("GIVEN npm run ask", () => {
  it("WHEN --json and a question the article does not answer THEN one JSON line with answered:false", async () => {
    const result = await runCli("src/askCli.ts", ["--json", "What is the capital of France?"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(Answer.parse(JSON.parse(lines[0] ?? "")).answered).toBe(false);
  });

  it("WHEN questions come on stdin with --json THEN one JSON answer per question, in order, and nothing else on stdout", async () => {
    const questions = ["who is lavrof?", "/aid", "¿dónde se reunirán Blinken y Lavrov?"];
    const result = await runCli("src/askCli.ts", ["--json"], { stdin: `${questions.join("\n")}\n` });
    const answers = result.stdout
      .trim()
      .split("\n")
      .map((line) => Answer.parse(JSON.parse(line)));
    expect(answers.map((answer) => answer.command)).toEqual(["ask", "aid", "ask"]);
    expect(answers.every((answer) => answer.answered)).toBe(true);
  });

  it("WHEN a second article is dropped into the knowledge folder THEN it is answered with no other change", async () => {
    const folder = copyOfKnowledge();
    writeFileSync(
      join(folder, "articles", "harbour-bridge-reopens.md"),
      "---\ntitle: Harbour bridge reopens after repairs\nsource: Coastal Courier\n---\nThe Harbour Bridge in Port Ellis reopened on Monday after eight months of repairs.\nMayor Alicia Brandt said the repairs cost 14 million dollars.\n",
    );
    const result = await runCli("src/askCli.ts", ["--json"], {
      stdin: "how much did the repairs cost?\nwho is Alicia Brandt?\nwho is Lavrov?\n",
      env: { KNOWLEDGE_DIR: folder },
    });
    const [cost, mayor, lavrov] = result.stdout
      .trim()
      .split("\n")
      .map((line) => Answer.parse(JSON.parse(line)));
    expect(cost?.answered).toBe(true);
    expect(cost?.citations[0]?.article).toBe("harbour-bridge-reopens");
    expect(cost?.source).toBe("Coastal Courier");
    expect(mayor?.citations[0]?.text).toContain("Alicia Brandt");
    expect(lavrov?.source).toBe("Ambito");
  });
});
