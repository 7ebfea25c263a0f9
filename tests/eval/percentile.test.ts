import { describe, expect, test } from "vitest";
import { percentile } from "../../evaluation/percentile.js";

describe("GIVEN latency samples in any order", () => {
  const samples = Array.from({ length: 200 }, (_, i) => 200 - i);

  test("THEN percentiles use the nearest rank: p50 of 1..200 is 100, p99 is 198, p100 the largest", () => {
    expect(percentile(samples, 50)).toBe(100);
    expect(percentile(samples, 99)).toBe(198);
    expect(percentile(samples, 100)).toBe(200);
  });

  test("THEN the median of an even count is the lower middle sample, not the upper one nor an average", () => {
    expect(percentile([40, 10, 30, 20], 50)).toBe(20);
  });

  test("THEN a typed array gives the same figures as a plain one and is left unsorted", () => {
    const typed = Float64Array.from(samples);
    expect(percentile(typed, 99)).toBe(percentile(samples, 99));
    expect(typed[0]).toBe(200);
  });

  test("THEN no samples give NaN, and p0 is the smallest", () => {
    expect(percentile([], 50)).toBeNaN();
    expect(percentile([3, 1, 2], 0)).toBe(1);
  });
});
