import { describe, expect, test } from "vitest";
import { type ButtonState, decodeButton, encodeButton, threadQuestionState } from "../../src/discord/customId.js";

describe("button custom_id", () => {
  test.each<ButtonState>([
    { kind: "context", article: "blinken-lavrov-geneva", sentence: 1 },
    { kind: "page", command: "search", page: 2, argument: "troops border" },
    { kind: "page", command: "when", page: 3, argument: "" },
    { kind: "page", command: "search", page: 1, argument: "a:b:c with colons" },
    { kind: "suggest", query: "/who Lavrov" },
    { kind: "suggest", query: "what: a question with a colon?" },
    { kind: "post" },
    { kind: "vote", choice: "up", question: "1577075769841025029" },
    { kind: "vote", choice: "down", question: "11000000000000001" },
    { kind: "gaps", days: 30, page: 2 },
    { kind: "thread", question: "who is Lavrov?" },
    { kind: "thread", question: "/who Lavrov: and why?" },
  ])("GIVEN the state %o THEN it survives encoding and decoding unchanged", (state) => {
    const id = encodeButton(state);
    expect(id).toBeDefined();
    expect(id?.length).toBeLessThanOrEqual(100);
    expect(decodeButton(id ?? "")).toEqual(state);
  });

  test("GIVEN state that does not fit in 100 characters THEN no custom_id is produced", () => {
    expect(encodeButton({ kind: "suggest", query: "x".repeat(100) })).toBeUndefined();
  });

  test.each([
    "",
    "post",
    "v0:post",
    "v2:post",
    "v1:post:extra",
    "v1:ctx:blinken-lavrov-geneva",
    "v1:ctx:Not A Slug:1",
    "v1:ctx:blinken-lavrov-geneva:0",
    "v1:ctx:blinken-lavrov-geneva:-3",
    "v1:ctx:blinken-lavrov-geneva:1e3",
    "v1:pg:launch-missiles:2:x",
    "v1:pg:search:two:x",
    "v1:pg:search:0:x",
    "v1:sg:",
    "v1:sg:   ",
    "v1:nope:1",
    "v1:vt:maybe:1577075769841025029",
    "v1:vt:up:not-a-snowflake",
    "v1:vt:up:1577075769841025029:extra",
    "v1:gp:30",
    "v1:gp:0:1",
    "v1:gp:30:x",
    "v1:th:",
    "v1:th:   ",
    `v1:sg:${"x".repeat(200)}`,
    "__proto__",
    "v1:ctx:constructor:1:2",
  ])("GIVEN the stale or forged custom_id %j THEN decoding yields nothing and does not throw", (customId) => {
    expect(decodeButton(customId)).toBeUndefined();
  });

  test("GIVEN a thread question that fits THEN the button carries it whole", () => {
    const question = "x".repeat(94);
    expect(encodeButton(threadQuestionState(question) ?? { kind: "post" })).toBe(`v1:th:${question}`);
  });

  test("GIVEN a thread question too long for a custom_id THEN it is cut at a word, within 100 characters", () => {
    const question = `where will Sergei Lavrov meet Antony Blinken ${"and talk about what ".repeat(5)}exactly?`;
    const state = threadQuestionState(question);
    const id = encodeButton(state ?? { kind: "post" });
    expect(id?.length).toBeLessThanOrEqual(100);
    expect(state).toMatchObject({ kind: "thread", question: expect.stringMatching(/^where will Sergei Lavrov .*…$/) });
    expect(decodeButton(id ?? "")).toEqual(state);
    expect(threadQuestionState("   ")).toBeUndefined();
  });
});
