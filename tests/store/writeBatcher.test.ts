import { describe, expect, test } from "vitest";
import { createWriteBatcher } from "../../src/store/writeBatcher.js";

describe("write batcher", () => {
  test("GIVEN items added THEN flush hands them over as one batch, in order, and an empty flush writes nothing", () => {
    const batches: number[][] = [];
    const batcher = createWriteBatcher<number>({
      write: (items) => batches.push(items),
      delayMs: 60_000,
      maxPending: 10,
      onDropped: () => undefined,
    });
    batcher.add(1);
    batcher.add(2);
    batcher.flush();
    batcher.flush();
    batcher.add(3);
    batcher.flush();
    batcher.stop();
    expect(batches).toEqual([[1, 2], [3]]);
  });

  test("GIVEN more items than the queue holds THEN the excess is dropped and counted, never buffered", () => {
    const batches: number[][] = [];
    let dropped = 0;
    const batcher = createWriteBatcher<number>({
      write: (items) => batches.push(items),
      delayMs: 60_000,
      maxPending: 3,
      onDropped: () => (dropped += 1),
    });
    for (let item = 1; item <= 5; item += 1) batcher.add(item);
    batcher.flush();
    batcher.stop();
    expect(batches).toEqual([[1, 2, 3]]);
    expect(dropped).toBe(2);
  });
});
