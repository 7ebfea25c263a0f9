/** The conversation rules on plain messages: reply chains, threads and DMs, without Discord. */
import { describe, expect, test } from "vitest";
import {
  CONVERSATION_LIMITS,
  type MessageSource,
  type Turn,
  dmConversation,
  replyChain,
  threadConversation,
} from "../../src/discord/conversation.js";

const MINUTE = 60_000;
const NOW = 1_800_000_000_000;

function person(id: string, text: string, extra: Partial<Turn> = {}): Turn {
  return {
    id,
    fromBot: false,
    fromPerson: true,
    text,
    addressed: true,
    repliesTo: undefined,
    postedAt: NOW,
    buttonQuestion: undefined,
    ...extra,
  };
}

function bot(id: string, repliesTo: string | undefined, extra: Partial<Turn> = {}): Turn {
  return { ...person(id, "", extra), fromBot: true, fromPerson: false, repliesTo, ...extra };
}

/** A channel of these messages; ids are compared as numbers, like snowflakes. */
function source(turns: readonly Turn[]): MessageSource & { reads: number } {
  const byId = new Map(turns.map((turn) => [turn.id, turn]));
  const counter = {
    reads: 0,
    async message(id: string) {
      counter.reads += 1;
      return byId.get(id);
    },
    async before(id: string, limit: number) {
      counter.reads += 1;
      return turns
        .filter((turn) => Number(turn.id) < Number(id))
        .sort((a, b) => Number(b.id) - Number(a.id))
        .slice(0, limit);
    },
  };
  return counter;
}

/** question 1 → answer 2 → question 3 (replying to 2) → answer 4 → … */
function chain(questions: readonly string[]): Turn[] {
  return questions.flatMap((text, index) => {
    const questionId = String(index * 2 + 1);
    const previousAnswer = index === 0 ? undefined : String(index * 2);
    return [person(questionId, text, { repliesTo: previousAnswer }), bot(String(index * 2 + 2), questionId)];
  });
}

describe("reply chains", () => {
  test("GIVEN an answer to a reply to an answer THEN both questions, oldest first", async () => {
    const turns = chain(["who is Lavrov?", "and where will he meet Blinken?"]);
    expect(await replyChain(source(turns), "4")).toEqual(["who is Lavrov?", "and where will he meet Blinken?"]);
  });

  test("GIVEN a chain of eight questions THEN only the last five", async () => {
    const questions = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"];
    expect(await replyChain(source(chain(questions)), "16")).toEqual(["q4", "q5", "q6", "q7", "q8"]);
    expect(CONVERSATION_LIMITS.questions).toBe(5);
  });

  test("GIVEN an answer that replies to nothing (a slash command's) THEN the question its thread button carries", async () => {
    const turns = [bot("2", undefined, { buttonQuestion: "/who Lavrov" })];
    expect(await replyChain(source(turns), "2")).toEqual(["/who Lavrov"]);
  });

  test("GIVEN a question whose text Discord withheld THEN the answer's button question stands in for it", async () => {
    const turns = [person("1", ""), bot("2", "1", { buttonQuestion: "who is Lavrov?" })];
    expect(await replyChain(source(turns), "2")).toEqual(["who is Lavrov?"]);
  });

  test("GIVEN a message that is not the bot's THEN no chain", async () => {
    expect(await replyChain(source([person("1", "who is Lavrov?")]), "1")).toEqual([]);
  });

  test("GIVEN a deleted question or answer THEN the chain stops there", async () => {
    const turns = chain(["who is Lavrov?", "and Putin?"]).filter((turn) => turn.id !== "2");
    expect(await replyChain(source(turns), "4")).toEqual(["and Putin?"]);
    expect(await replyChain(source([]), "4")).toEqual([]);
  });

  test("GIVEN a question that replies to another person's message THEN the chain ends with it", async () => {
    const turns = [person("1", "who is Lavrov?"), person("2", "what about him?", { repliesTo: "1" }), bot("3", "2")];
    expect(await replyChain(source(turns), "3")).toEqual(["what about him?"]);
  });

  test("GIVEN a source whose replies loop THEN the chain still ends", async () => {
    const turns = [person("1", "a", { repliesTo: "2" }), bot("2", "1")];
    expect(await replyChain(source(turns), "2")).toEqual(["a"]);
  });
});

describe("threads", () => {
  test("GIVEN a thread on an answer THEN its question, then the questions put to the bot in the thread", async () => {
    const parent = source([person("1", "who is Lavrov?"), bot("10", "1")]);
    const thread = source([
      bot("11", undefined),
      person("12", "who is Blinken?"),
      person("13", "nice", { addressed: false }),
      bot("14", "12"),
      person("15", "why?"),
    ]);
    const context = await threadConversation({ parent, thread }, { thread: "10", before: "15" }, false);
    expect(context).toEqual(["who is Lavrov?", "who is Blinken?"]);
  });

  test("GIVEN the Message Content intent THEN every person's message in the thread counts", async () => {
    const thread = source([person("12", "who is Blinken?", { addressed: false }), person("13", "and Putin?")]);
    expect(await threadConversation({ parent: undefined, thread }, { thread: "10", before: "14" }, true)).toEqual([
      "who is Blinken?",
      "and Putin?",
    ]);
  });

  test("GIVEN a long thread THEN the last five questions", async () => {
    const thread = source(Array.from({ length: 9 }, (_, index) => person(String(20 + index), `q${index}`)));
    const parent = source([person("1", "opening"), bot("10", "1")]);
    expect(await threadConversation({ parent, thread }, { thread: "10", before: "99" }, false)).toEqual([
      "q4",
      "q5",
      "q6",
      "q7",
      "q8",
    ]);
  });
});

describe("DMs", () => {
  test("GIVEN messages of the last 10 minutes and older ones THEN only the recent ones, oldest first", async () => {
    const turns = [
      person("1", "who is Putin?", { postedAt: NOW - 11 * MINUTE }),
      person("2", "who is Lavrov?", { postedAt: NOW - 9 * MINUTE }),
      bot("3", "2", { postedAt: NOW - 9 * MINUTE }),
      person("4", "", { postedAt: NOW - MINUTE }),
      person("5", "and Blinken?", { postedAt: NOW - MINUTE }),
    ];
    expect(await dmConversation(source(turns), { id: "6", postedAt: NOW })).toEqual(["who is Lavrov?", "and Blinken?"]);
  });
});
