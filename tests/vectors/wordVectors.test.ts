import { describe, expect, test } from "vitest";
import { SemanticNeighbours } from "../../src/engine/semanticNeighbours.js";
import { WORD_VECTORS_MAGIC, WordVectors } from "../../src/vectors/wordVectors.js";

/** A tiny vector file: "troops" and "soldiers" point the same way, "hub" is near both, "cake" elsewhere. */
function tinyVectors(): WordVectors {
  const words = ["troops", "soldiers", "cake", "hub"];
  const rows = [
    [127, 0, 0],
    [120, 40, 0],
    [0, 0, 127],
    [90, 90, 0],
  ];
  const hubness = [40, 40, 10, 110];
  const header = `${WORD_VECTORS_MAGIC}${JSON.stringify({ count: words.length, dimensions: 3, scale: 127 })}\n${words.join(" ")}\n`;
  return WordVectors.fromBuffer(
    Buffer.concat([
      Buffer.from(header),
      Buffer.from(Int8Array.from(rows.flat()).buffer),
      Buffer.from(Int8Array.from(hubness).buffer),
    ]),
  );
}

describe("GIVEN converted word vectors", () => {
  const vectors = tinyVectors();

  test("THEN cosine similarity is read from the quantised rows", () => {
    expect(vectors.similarity("troops", "troops")).toBeCloseTo(1, 2);
    expect(vectors.similarity("troops", "cake")).toBe(0);
    expect(vectors.similarity("troops", "unknown")).toBeUndefined();
  });

  test("THEN CSLS marks down a word that is near everything", () => {
    const toSoldiers = vectors.csls("troops", "soldiers") ?? Number.NaN;
    const toHub = vectors.csls("troops", "hub") ?? Number.NaN;
    expect(toSoldiers).toBeGreaterThan(0);
    expect(toHub).toBeLessThan(toSoldiers);
  });

  test("THEN the knowledge's neighbours of a question word are found by CSLS, one per term, best first", () => {
    const neighbours = new SemanticNeighbours(vectors, [
      ["troops", "troop"],
      ["hub", "hub"],
      ["cake", "cake"],
    ]);
    expect(neighbours.near("soldiers", 0.7, 3).map((neighbour) => neighbour.term)).toEqual(["troop"]);
    expect(neighbours.near("nonsense", 0, 3)).toEqual([]);
  });

  test("WHEN the file is cut short THEN it is refused", () => {
    const header = `${WORD_VECTORS_MAGIC}${JSON.stringify({ count: 2, dimensions: 3, scale: 127 })}\na b\n`;
    expect(() => WordVectors.fromBuffer(Buffer.concat([Buffer.from(header), Buffer.alloc(4)]))).toThrow(/truncated/);
  });
});
