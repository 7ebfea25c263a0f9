import { describe, expect, test } from "vitest";
import { EvalQuestion } from "../../evaluation/questionSet.js";
import { computeMetrics, missOf, scoreQuestion } from "../../evaluation/runEvaluation.js";
import type { SystemReply } from "../../evaluation/systems.js";

const ARTICLE = "blinken-lavrov-geneva";
const question = (q: string, expect: EvalQuestion["expect"], mustContain: string[] = []) =>
  EvalQuestion.parse({ q, expect, mustContain });
const reply = (answered: boolean, sentences: number[], text = ""): SystemReply => ({
  answered,
  text,
  ranked: sentences.map((sentence) => ({ article: ARTICLE, sentence, text: `sentence ${sentence}` })),
});

describe("GIVEN a reply to an answerable question", () => {
  test("WHEN its first citation is any expected sentence THEN it is a top-1 hit with reciprocal rank 1", () => {
    const outcome = scoreQuestion(question("where will Blinken meet Lavrov?", [1, 9]), ARTICLE, reply(true, [9, 2]));
    expect([outcome.top1, outcome.top3, outcome.reciprocalRank, outcome.correct]).toEqual([true, true, 1, true]);
  });

  test("WHEN the expected sentence is ranked second THEN it counts for top-3 and MRR but not top-1", () => {
    const outcome = scoreQuestion(question("how much aid?", [6]), ARTICLE, reply(true, [2, 6, 7]));
    expect([outcome.top1, outcome.top3, outcome.reciprocalRank]).toEqual([false, true, 0.5]);
    expect(missOf(outcome)?.reasons).toEqual(["top-1 was sentence 2, expected sentence 6"]);
  });

  test("WHEN the system abstains while still citing the right sentence THEN it gets no credit", () => {
    const outcome = scoreQuestion(question("how much aid?", [6]), ARTICLE, reply(false, [6]));
    expect([outcome.top1, outcome.top3, outcome.reciprocalRank]).toEqual([false, false, 0]);
    expect(missOf(outcome)?.reasons[0]).toMatch(/^abstained/);
  });

  test("WHEN the right sentence number comes from another article THEN it is not a hit", () => {
    const outcome = scoreQuestion(question("how much aid?", [6]), ARTICLE, {
      answered: true,
      text: "",
      ranked: [{ article: "other", sentence: 6, text: "" }],
    });
    expect(outcome.top1).toBe(false);
  });

  test("WHEN the text lacks a required word THEN the miss names it, ignoring case and accents", () => {
    const outcome = scoreQuestion(
      question("¿dónde?", [1], ["Geneva", "genève"]),
      ARTICLE,
      reply(true, [1], "In GENEVE, on Friday"),
    );
    expect(outcome.mustContainMissing).toEqual(["Geneva"]);
    expect(missOf(outcome)?.reasons).toEqual(['text lacks "Geneva"']);
  });
});

describe("GIVEN replies to unanswerable and byline questions", () => {
  test("THEN abstention precision and recall treat abstaining as the positive class", () => {
    const outcomes = [
      scoreQuestion(question("who is Biden?", "none"), ARTICLE, reply(false, [])),
      scoreQuestion(question("how many tanks?", "none"), ARTICLE, reply(true, [2])),
      scoreQuestion(question("how much aid?", [6]), ARTICLE, reply(false, [])),
      scoreQuestion(
        question("who wrote this?", "meta", ["David William"]),
        ARTICLE,
        reply(true, [], "By David William"),
      ),
    ];
    const metrics = computeMetrics(outcomes, [1, 2, 3], 0);
    expect(metrics.abstentionRecall).toEqual({ hits: 1, total: 2, rate: 0.5 });
    expect(metrics.abstentionPrecision).toEqual({ hits: 1, total: 2, rate: 0.5 });
    expect(metrics.meta.rate).toBe(1);
    expect(metrics.overall).toEqual({ hits: 2, total: 4, rate: 0.5 });
    const [, answeredUnanswerable] = outcomes;
    expect(answeredUnanswerable && missOf(answeredUnanswerable)?.reasons).toEqual(["answered instead of abstaining"]);
  });
});
