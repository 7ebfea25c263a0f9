import { describe, expect, it } from "vitest";
import { Answer } from "../../src/engine/answer.js";
import { seedEngine } from "../support/seedEngine.js";

const engine = seedEngine();
const MENTION_OR_PING = /@everyone|@here|<@[!&]?\d+>/;

describe("GIVEN hostile or broken input", () => {
  it.each([
    ["empty", ""],
    ["whitespace", " \t\n  "],
    ["10,000 characters", "why ".repeat(2_500)],
    ["control characters", "\u0000\u0007who\u001b[31m is \u0008Lavrov"],
    ["emoji", "🙂🔥💣"],
    ["zalgo", "w̷̛̖h̸̢̛o̴̧͝ ̵̛̜i̵̢͝s̶̨͝ ̸̡̛L̵̢͝a̶̡͝v̷̡̛r̶̨͝o̵̡͝v̴̢̛"],
    ["regex metacharacters", ".*+?^${}()|[]\\ (((( ))"],
    ["markdown", "**who** is `Lavrov` ||spoiler|| [link](http://x)"],
    ["@everyone", "@everyone who is Lavrov?"],
    ["role mention", "<@&123456789012345678> where is the meeting?"],
    ["only a mention", "<@123456789012345678>"],
    ["right-to-left override", "\u202Ewho is Lavrov"],
  ])("%s THEN a valid, short answer that cannot ping anyone", (_, input) => {
    const answer = Answer.parse(engine.ask(input));
    expect(answer.text.length).toBeLessThan(1_000);
    expect(JSON.stringify(answer)).not.toMatch(MENTION_OR_PING);
  });

  it("THEN a 10,000-character question is refused with its length and the limit", () => {
    const answer = engine.ask("a".repeat(10_000));
    expect(answer.answered).toBe(false);
    expect(answer.text).toMatch(/10,000 characters.*500/);
  });

  it("THEN a zalgo-decorated name is still understood", () => {
    expect(engine.ask("who is L̵̢͝a̶̡͝v̷̡̛r̶̨͝o̵̡͝v̴̢̛?").text).toContain("Sergei Lavrov");
  });

  it("THEN an unknown slash command points to /help", () => {
    const answer = engine.ask("/launch missiles");
    expect(answer.answered).toBe(false);
    expect(answer.suggestions[0]?.query).toBe("/help");
  });

  it("THEN a structured request with a forged command or page does not throw", () => {
    expect(() => engine.run({ command: "nope" as "ask", argument: "x" })).not.toThrow();
    expect(engine.run({ command: "search", argument: "Russia", page: 999 }).page?.number).toBeGreaterThanOrEqual(1);
  });
});
