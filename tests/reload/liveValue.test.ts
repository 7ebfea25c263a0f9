import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createEngine, type AnswerEngine } from "../../src/engine/engine.js";
import { loadKnowledge } from "../../src/knowledge/loadKnowledge.js";
import { type LiveValue, watchLiveValue } from "../../src/reload/liveValue.js";

const NEW_ARTICLE =
  "---\ntitle: Ferry strike ends\nsource: Island Post\n---\nThe ferry strike on Lake Varna ended on Tuesday after nine days.\n";

async function eventually(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

let folder = "";
let live: LiveValue<AnswerEngine> | undefined;
const refused: string[] = [];

function startWatching(): LiveValue<AnswerEngine> {
  folder = mkdtempSync(join(tmpdir(), "live-knowledge-"));
  cpSync("knowledge", folder, { recursive: true });
  live = watchLiveValue({
    directory: folder,
    initial: createEngine(loadKnowledge(folder)),
    load: () => createEngine(loadKnowledge(folder)),
    onRefused: (error) => refused.push(error instanceof Error ? error.message : String(error)),
    debounceMs: 50,
  });
  return live;
}

afterEach(() => {
  live?.close();
  rmSync(folder, { recursive: true, force: true });
  refused.length = 0;
});

describe("GIVEN the bot watching its knowledge folder", () => {
  it("WHEN a valid article is added THEN it is answered after the swap", async () => {
    const engine = startWatching();
    const before = engine.current();
    writeFileSync(join(folder, "articles", "ferry-strike.md"), NEW_ARTICLE);
    await eventually(() => engine.current() !== before);
    expect(engine.current().ask("when did the ferry strike end?").citations[0]?.article).toBe("ferry-strike");
    expect(before.knowledge.articles).toHaveLength(1);
  });

  it("WHEN a facts file is broken THEN the change is refused with a readable error and the last good knowledge keeps serving", async () => {
    const engine = startWatching();
    const before = engine.current();
    writeFileSync(join(folder, "facts", "blinken-lavrov-geneva.yaml"), "entities:\n  - id: Not A Slug\n");
    await eventually(() => refused.length > 0);
    expect(refused[0]).toContain("blinken-lavrov-geneva.yaml: entities[0]");
    expect(engine.current()).toBe(before);
    expect(engine.current().ask("/who Lavrov").answered).toBe(true);
  });

  it("WHEN a refused change is then fixed THEN the fixed knowledge is swapped in", async () => {
    const engine = startWatching();
    const before = engine.current();
    writeFileSync(join(folder, "articles", "ferry-strike.md"), "no front matter here\n");
    await eventually(() => refused.length > 0);
    expect(engine.current()).toBe(before);
    writeFileSync(join(folder, "articles", "ferry-strike.md"), NEW_ARTICLE);
    await eventually(() => engine.current() !== before);
    expect(engine.current().knowledge.articles.map((article) => article.slug)).toContain("ferry-strike");
  });

  it("WHEN a question is in flight during a swap THEN it finishes on the engine it started with", () => {
    const engine = startWatching();
    const inFlight = engine.current();
    writeFileSync(join(folder, "articles", "ferry-strike.md"), NEW_ARTICLE);
    expect(engine.reload()).toBe(true);
    expect(engine.current()).not.toBe(inFlight);
    // The engine read before the swap still answers from the old knowledge: it cites the seed, knows no ferry…
    const seedAnswer = inFlight.ask("/who Lavrov");
    expect(seedAnswer.citations.length).toBeGreaterThan(0);
    expect(seedAnswer.citations.every((citation) => citation.article === "blinken-lavrov-geneva")).toBe(true);
    expect(inFlight.ask("when did the ferry strike end?").answered).toBe(false);
    // …while the new one answers the ferry question from the new article.
    expect(engine.current().ask("when did the ferry strike end?").citations[0]?.article).toBe("ferry-strike");
  });
});
