import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { createEngine } from "../../src/engine/engine.js";
import { GuildArticleFiles } from "../../src/guilds/guildArticles.js";
import { GuildKnowledge } from "../../src/guilds/guildKnowledge.js";
import { loadKnowledge } from "../../src/knowledge/loadKnowledge.js";
import { temporaryDataDir } from "../support/storeFixtures.js";

const GUILD = "1100000000000000100";
const shared = createEngine(loadKnowledge("tests/fixtures/knowledge/valid"));
const ARTICLE = {
  fileName: "harbour.md",
  markdown: "---\ntitle: Harbour reopens\nsource: Ambito\n---\nThe harbour reopened on Monday.\n",
};

/** Files on disk that fail on demand, as a full disk or a read-only folder would. */
class FailingFiles extends GuildArticleFiles {
  failing = false;
  override write(guildId: string, slug: string, markdown: string): void {
    if (this.failing) throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    super.write(guildId, slug, markdown);
  }
}

function setUp() {
  const dataDir = temporaryDataDir();
  const files = new FailingFiles(dataDir);
  const broken: Error[] = [];
  const knowledge = new GuildKnowledge({ shared: () => shared, files, onBrokenArticle: (error) => broken.push(error) });
  return { dataDir, files, knowledge, broken };
}

describe("GIVEN a server's own articles", () => {
  test("WHEN the disk fails on add THEN it throws and the server answers from what it had", () => {
    const { files, knowledge, dataDir } = setUp();
    files.failing = true;
    expect(() => knowledge.add(GUILD, ARTICLE)).toThrow(/ENOSPC/);
    expect(knowledge.list(GUILD)).toEqual([]);
    expect(knowledge.engineFor(GUILD)).toBe(shared);
    expect(new GuildArticleFiles(dataDir).read(GUILD)).toEqual([]);
    files.failing = false;
    expect(knowledge.add(GUILD, ARTICLE).kind).toBe("added");
    expect(readdirSync(join(dataDir, "guilds", GUILD, "articles"))).toEqual(["harbour.md"]);
  });

  test("WHEN the bot restarts THEN the server's articles are read back, and a broken one is reported, not served", () => {
    const { dataDir, knowledge } = setUp();
    expect(knowledge.add(GUILD, ARTICLE).kind).toBe("added");
    new GuildArticleFiles(dataDir).write(GUILD, "broken", "no front matter\n");
    const broken: Error[] = [];
    const restarted = new GuildKnowledge({
      shared: () => shared,
      files: new GuildArticleFiles(dataDir),
      onBrokenArticle: (error) => broken.push(error),
    });
    expect(restarted.list(GUILD).map((article) => article.slug)).toEqual(["harbour"]);
    expect(broken.map((error) => error.message)).toEqual([
      expect.stringMatching(/broken\.md: \(top level\): must start with YAML front matter/),
    ]);
    expect(restarted.engineFor(GUILD).knowledge.articles.map((article) => article.slug)).toContain("harbour");
    expect(restarted.engineFor(undefined)).toBe(shared);
    expect(restarted.engineFor("1100000000000000999")).toBe(shared);
  });

  test("WHEN a guild id is not a snowflake THEN no folder outside DATA_DIR/guilds is touched", () => {
    const { knowledge } = setUp();
    expect(() => knowledge.add("../../etc", ARTICLE)).toThrow();
  });
});
