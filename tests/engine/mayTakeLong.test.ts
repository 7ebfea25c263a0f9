/** engine.mayTakeLong(): whether the next answer may have to extract an article's facts first (lazy extraction). */
import { describe, expect, test } from "vitest";
import { createEngine } from "../../src/engine/engine.js";
import { SEARCH_CONFIG } from "../../src/engine/searchConfig.js";
import { buildKnowledge, readKnowledgeSources } from "../../src/knowledge/loadKnowledge.js";
import { seedEngine } from "../support/seedEngine.js";

const [tram] = readKnowledgeSources("tests/fixtures/second-article/knowledge");

function tramCopies(count: number) {
  if (!tram) throw new Error("the tram fixture is missing");
  return Array.from({ length: count }, (_, index) => ({ ...tram, slug: `${tram.slug}-${index}` }));
}

describe("mayTakeLong", () => {
  test("GIVEN knowledge whose articles all have facts files THEN no answer has to extract anything", () => {
    expect(seedEngine().mayTakeLong()).toBe(false);
  });

  test("GIVEN few articles without facts files THEN their facts were extracted at start-up", () => {
    expect(createEngine(buildKnowledge(tramCopies(2))).mayTakeLong()).toBe(false);
  });

  test("GIVEN more articles without facts files than are extracted at start-up THEN answers may extract, until every article has been read", () => {
    const engine = createEngine(buildKnowledge(tramCopies(SEARCH_CONFIG.eagerExtractionLimit + 1)));
    expect(engine.mayTakeLong()).toBe(true);
    expect(engine.ask("How much will the tram line cost?").answered).toBe(true);
    expect(engine.mayTakeLong()).toBe(true);
  });
});
