import { describe, expect, test } from "vitest";
import { timeExpressions } from "../../src/text/timeExpressions.js";

describe("GIVEN sentences that say when", () => {
  test.each([
    ["The council voted on Tuesday night.", ["Tuesday"]],
    ["Construction is due to begin in March next year.", ["March", "next year"]],
    ["The abbey was rebuilt in the 12th and 13th centuries.", ["12th and 13th centuries"]],
    ["It flourished in the 18th century and again in the 1960s.", ["18th century", "1960s"]],
    ["The paper appeared in 1965.", ["1965"]],
  ])("%s THEN the time expressions are %j", (sentence, expected) => {
    expect(timeExpressions(sentence)).toEqual(expected);
  });

  test("WHEN a sentence says no time THEN there is none", () => {
    expect(timeExpressions("The line will have 12 stops.")).toEqual([]);
  });
});
