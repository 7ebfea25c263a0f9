import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, test } from "vitest";
import { KnowledgeError } from "../../src/knowledge/knowledgeError.js";
import { buildKnowledge, loadKnowledge, type ArticleSource } from "../../src/knowledge/loadKnowledge.js";

const KNOWLEDGE = "knowledge";
const FIXTURES = join("tests", "fixtures", "knowledge");
const SEED = "blinken-lavrov-geneva";

/** Runs the loader and returns the error it must throw. */
function loadError(directory: string): KnowledgeError {
  try {
    loadKnowledge(directory);
  } catch (error) {
    if (error instanceof KnowledgeError) return error;
    throw error;
  }
  throw new Error(`${directory} loaded, but it should have been refused`);
}

function buildError(sources: readonly ArticleSource[]): KnowledgeError {
  try {
    buildKnowledge(sources);
  } catch (error) {
    if (error instanceof KnowledgeError) return error;
    throw error;
  }
  throw new Error("the sources were accepted, but they should have been refused");
}

describe("loadKnowledge on the real knowledge folder", () => {
  it("GIVEN the repository's knowledge folder THEN the seed article loads with its curated facts and 18 sentences", () => {
    const knowledge = loadKnowledge(KNOWLEDGE);
    const seed = knowledge.articles.find((article) => article.slug === SEED);
    expect(seed?.meta.source).toBe("Ambito");
    expect(seed?.meta.byline).toBe("David William, 24 hours worlds");
    expect(seed?.sentences).toHaveLength(18);
    expect(seed?.facts?.entities.map((entity) => entity.id)).toContain("lavrov");
  });

  it("GIVEN the seed article THEN neither the source line nor the author's bio is an article sentence", () => {
    const seed = loadKnowledge(KNOWLEDGE).articles.find((article) => article.slug === SEED);
    const texts = seed?.sentences.map((sentence) => sentence.text).join("\n") ?? "";
    expect(texts).not.toMatch(/Source From|David William|24 hours worlds/);
  });
});

describe("loadKnowledge refuses a broken knowledge folder with one readable message", () => {
  const mini = (folder: string, file = "mini.md") => join(FIXTURES, folder, "articles", file);
  const miniFacts = (folder: string, file = "mini.yaml") => join(FIXTURES, folder, "facts", file);

  it("GIVEN the valid mini fixture every broken fixture is derived from THEN it loads", () => {
    const knowledge = loadKnowledge(join(FIXTURES, "valid"));
    expect(knowledge.articles.map((article) => article.slug)).toEqual(["mini"]);
    expect(knowledge.articles[0]?.sentences).toHaveLength(3);
    expect(knowledge.articles[0]?.facts?.quotes[0]?.speaker).toBe("blinken");
  });

  // Each row: fixture folder, the file the message starts with, what follows it (the field path), and the problem.
  test.each([
    ["missing-front-matter", mini("missing-front-matter"), ": (top level): ", "must start with YAML front matter"],
    [
      "front-matter-missing-source",
      mini("front-matter-missing-source"),
      " (front matter): source: ",
      "is required (expected string)",
    ],
    [
      "front-matter-bad-yaml",
      mini("front-matter-bad-yaml"),
      ": front matter: ",
      "not valid YAML at line 4, column 1: unexpected end of the stream within a flow collection",
    ],
    ["facts-bad-yaml", miniFacts("facts-bad-yaml"), ": (top level): ", "not valid YAML at line 12, column 5"],
    ["facts-bad-json", miniFacts("facts-bad-json", "mini.json"), ": (top level): ", "not valid JSON"],
    [
      "sentence-out-of-range",
      miniFacts("sentence-out-of-range"),
      ": entities[0].sentences[1]: ",
      "sentence 99 does not exist (the article has 3)",
    ],
    [
      "quote-not-verbatim",
      miniFacts("quote-not-verbatim"),
      ": quotes[0].text: ",
      "does not appear verbatim in sentence 2",
    ],
    [
      "figure-not-verbatim",
      miniFacts("figure-not-verbatim"),
      ": figures[0].text: ",
      '"200 million dollars" does not appear verbatim',
    ],
    ["duplicate-id", miniFacts("duplicate-id"), ": entities[1].id: ", '"blinken" is already used by entities[0]'],
    [
      "alias-collision",
      miniFacts("alias-collision"),
      ": entities[1].aliases[1]: ",
      '"us secretary of state" is also a name of the entity "blinken"',
    ],
    ["unknown-speaker", miniFacts("unknown-speaker"), ": quotes[0].speaker: ", 'no entity has the id "putin"'],
    [
      "unknown-timeline-entity",
      miniFacts("unknown-timeline-entity"),
      ": timeline[0].where: ",
      'no entity has the id "geneva"',
    ],
    [
      "orphan-facts",
      miniFacts("orphan-facts", "ghost.yaml"),
      ": ",
      `no article ${join(FIXTURES, "orphan-facts", "articles", "ghost.md")} for these facts`,
    ],
    ["wrong-field-type", miniFacts("wrong-field-type"), ": entities[1].sentences: ", "expected array, received string"],
    ["unknown-field", miniFacts("unknown-field"), ": entities[1]: ", 'Unrecognized key: "aliasses"'],
    ["empty-article-body", mini("empty-article-body"), ": body: ", "no text after its front matter"],
    [
      "two-facts-files",
      miniFacts("two-facts-files"),
      `, ${miniFacts("two-facts-files", "mini.json")}: `,
      "one article may have only one facts file",
    ],
    [
      "bad-article-file-name",
      mini("bad-article-file-name", "Mini_Article.md"),
      ": file name: ",
      "lower-case words joined by dashes",
    ],
  ])(
    "GIVEN the %s fixture THEN one line names the file %s, then '%s', then the problem",
    (folder, file, path, problem) => {
      const error = loadError(join(FIXTURES, folder));
      expect(error.name).toBe("KnowledgeError");
      expect(error.message.split("\n")).toHaveLength(1);
      expect(error.message.startsWith(`${file}${path}`)).toBe(true);
      expect(error.message.slice(`${file}${path}`.length)).toContain(problem);
    },
  );

  it("GIVEN a facts file with several problems THEN every problem gets its own line, each naming the file", () => {
    const markdown = readFileSync(mini("valid"), "utf8");
    const facts = readFileSync(miniFacts("valid"), "utf8")
      .replace("speaker: blinken", "speaker: nobody")
      .replace("sentence: 2", "sentence: 99");
    const error = buildError([{ slug: "mini", file: "mini.md", markdown, facts: { file: "mini.yaml", text: facts } }]);
    expect(error.message.split("\n")).toEqual([
      "mini.yaml: quotes[0].sentence: sentence 99 does not exist (the article has 3)",
      'mini.yaml: quotes[0].speaker: no entity has the id "nobody"',
    ]);
  });

  it("GIVEN an alias made only of punctuation THEN it is refused rather than matching every other such alias", () => {
    const markdown = readFileSync(mini("valid"), "utf8");
    const facts = readFileSync(miniFacts("valid"), "utf8").replace("aliases: [Lavrov]", 'aliases: [Lavrov, "$"]');
    const error = buildError([{ slug: "mini", file: "mini.md", markdown, facts: { file: "mini.yaml", text: facts } }]);
    expect(error.message).toBe(
      'mini.yaml: entities[1].aliases[1]: "$" has no letters or digits to match a question on',
    );
  });

  it("GIVEN no sources at all THEN building knowledge is refused", () => {
    expect(buildError([]).message).toContain("no article found");
  });
});

describe("loadKnowledge on a copy of the knowledge folder", () => {
  const temporaryFolders: string[] = [];
  const copyOfKnowledge = () => {
    const folder = mkdtempSync(join(tmpdir(), "knowledge-test-"));
    temporaryFolders.push(folder);
    cpSync(KNOWLEDGE, folder, { recursive: true });
    return folder;
  };
  afterEach(() => {
    for (const folder of temporaryFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it("GIVEN a second article dropped into articles/ with no facts file THEN both articles load and nothing else changes", () => {
    const folder = copyOfKnowledge();
    writeFileSync(
      join(folder, "articles", "eu-summit-brussels.md"),
      [
        "---",
        'title: "EU leaders meet in Brussels"',
        "source: Example Wire",
        "---",
        "European Union leaders will meet in Brussels on Thursday to discuss energy prices.",
        "Ursula von der Leyen said the Commission would propose 3 billion euros in support.",
        "",
      ].join("\n"),
    );

    const before = loadKnowledge(KNOWLEDGE);
    const after = loadKnowledge(folder);

    expect(after.articles.map((article) => article.slug).sort()).toEqual([
      "blinken-lavrov-geneva",
      "eu-summit-brussels",
    ]);
    const added = after.articles.find((article) => article.slug === "eu-summit-brussels");
    expect(added?.meta.source).toBe("Example Wire");
    expect(added?.sentences.map((sentence) => sentence.number)).toEqual([1, 2]);
    expect(added?.sentences[1]?.text).toBe(
      "Ursula von der Leyen said the Commission would propose 3 billion euros in support.",
    );
    expect(after.articles.find((article) => article.slug === SEED)).toEqual(
      before.articles.find((article) => article.slug === SEED),
    );
  });

  it("GIVEN a knowledge folder without articles/ THEN the message names the missing folder", () => {
    const folder = copyOfKnowledge();
    rmSync(join(folder, "articles"), { recursive: true });
    expect(loadError(folder).message).toBe(`${join(folder, "articles")}: folder not found`);
  });

  it("GIVEN an empty articles/ folder THEN the message names that folder and says what to add", () => {
    const folder = copyOfKnowledge();
    rmSync(join(folder, "articles"), { recursive: true });
    rmSync(join(folder, "facts"), { recursive: true });
    mkdirSync(join(folder, "articles"));
    expect(loadError(folder).message).toBe(`${join(folder, "articles")}: no article found (add a <slug>.md file)`);
  });

  it("GIVEN the seed facts with a quote changed by one character THEN loading names the seed facts file and the quote", () => {
    const folder = copyOfKnowledge();
    const factsFile = join(folder, "facts", `${SEED}.yaml`);
    writeFileSync(
      factsFile,
      readFileSync(factsFile, "utf8").replace("text: very severe consequences", "text: very serious consequences"),
    );
    expect(loadError(folder).message).toMatch(
      new RegExp(
        `^${factsFile.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: quotes\\[\\d+\\]\\.text: does not appear verbatim in sentence 15$`,
      ),
    );
  });
});
