import { describe, expect, test } from "vitest";
import { parseMention } from "../../src/discord/mention.js";

const BOT = "1100000000000000001";

describe("parseMention", () => {
  test.each([
    [`<@${BOT}> who is Lavrov?`, "who is Lavrov?"],
    [`<@!${BOT}> who is Lavrov?`, "who is Lavrov?"],
    [`hey <@${BOT}>, who is Lavrov?`, "hey , who is Lavrov?"],
    [`who is Lavrov? <@${BOT}>`, "who is Lavrov?"],
    [`<@${BOT}>\n\nwhere   is\tGeneva`, "where is Geneva"],
    [`<@${BOT}> <@!${BOT}> twice`, "twice"],
  ])("GIVEN %j THEN the bot is mentioned and the question is %j", (content, text) => {
    expect(parseMention(content, BOT)).toEqual({ mentioned: true, text });
  });

  test.each([`<@${BOT}>`, `  <@!${BOT}>  `, `<@${BOT}><@${BOT}>`])(
    "GIVEN a bare mention %j THEN the question is empty (help)",
    (content) => {
      expect(parseMention(content, BOT)).toEqual({ mentioned: true, text: "" });
    },
  );

  test.each([
    "who is Lavrov?",
    "@everyone who is Lavrov?",
    "@here who is Lavrov?",
    "<@&1100000000000000102> who is Lavrov?",
    "<@1100000000000000200> who is Lavrov?",
    `<@${BOT}0> a longer id that only starts like the bot's`,
    `<#${BOT}> a channel with the same digits`,
    `@${BOT} plain text id`,
  ])("GIVEN %j THEN it is not a mention of the bot", (content) => {
    expect(parseMention(content, BOT).mentioned).toBe(false);
  });

  test("GIVEN a bot id that is not a snowflake THEN nothing counts as a mention (no regex injection)", () => {
    expect(parseMention("<@.*> hi", ".*").mentioned).toBe(false);
  });
});
