import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { SystemReply } from "../../../evaluation/systems.js";
import { readSquad, slugOf, squadArticleSource } from "../../../evaluation/squad/squadDataset.js";
import { normaliseAnswer, scoreSquadReply, squadMetrics } from "../../../evaluation/squad/squadEvaluation.js";

const ARTICLE = "squad-computational-complexity-theory";
const answerable = {
  id: "a",
  question: "What is the term for a task solved by a computer?",
  answers: ["computational problems", "A computational problem"],
  impossible: false,
};
const unanswerable = {
  id: "b",
  question: "What is the term for a task no computer solves?",
  answers: [],
  impossible: true,
};
const reply = (answered: boolean, texts: string[], text = ""): SystemReply => ({
  answered,
  text,
  ranked: texts.map((sentence, i) => ({ article: ARTICLE, sentence: i + 1, text: sentence })),
});

describe("GIVEN SQuAD's answer normalisation", () => {
  test("THEN case, accents, punctuation and articles do not matter", () => {
    expect(normaliseAnswer("  The Turing-Machine's  É ")).toBe("turing machine s e");
  });
});

describe("GIVEN a reply to an answerable SQuAD question", () => {
  test("WHEN a gold answer is in the third citation THEN it is right but not top-1", () => {
    const outcome = scoreSquadReply(
      answerable,
      ARTICLE,
      reply(true, ["One.", "Two.", "These are called computational problems."]),
    );
    expect([outcome.right, outcome.top1]).toEqual([true, false]);
  });

  test("WHEN the gold answer is only in the fourth citation THEN it is wrong", () => {
    const outcome = scoreSquadReply(
      answerable,
      ARTICLE,
      reply(true, ["One.", "Two.", "Three.", "These are computational problems."]),
    );
    expect(outcome.right).toBe(false);
  });

  test("WHEN the gold answer is in the answer text THEN it is right", () => {
    expect(scoreSquadReply(answerable, ARTICLE, reply(true, ["One."], "A computational problem.")).right).toBe(true);
  });

  test("WHEN the gold answer is only part of a longer word THEN it does not count", () => {
    expect(
      scoreSquadReply({ ...answerable, answers: ["problem"] }, ARTICLE, reply(true, ["problematic cases"])).right,
    ).toBe(false);
  });

  test("WHEN the system refuses while citing the answer THEN it gets no credit", () => {
    const outcome = scoreSquadReply(answerable, ARTICLE, reply(false, ["computational problems"]));
    expect([outcome.right, outcome.refused]).toEqual([false, true]);
  });
});

describe("GIVEN refusals over a mix of questions", () => {
  test("THEN precision is the share of refusals on unanswerable questions and recall the share of those refused", () => {
    const outcomes = [
      scoreSquadReply(unanswerable, ARTICLE, reply(false, [])),
      scoreSquadReply(unanswerable, ARTICLE, reply(true, ["x"])),
      scoreSquadReply(answerable, ARTICLE, reply(false, [])),
      scoreSquadReply(answerable, ARTICLE, reply(true, ["computational problems"])),
    ];
    const metrics = squadMetrics(outcomes, [1, 2], 0);
    expect([metrics.abstentionPrecision.hits, metrics.abstentionPrecision.total]).toEqual([1, 2]);
    expect([metrics.abstentionRecall.hits, metrics.abstentionRecall.total]).toEqual([1, 2]);
    expect([metrics.right.hits, metrics.right.total]).toEqual([1, 2]);
  });
});

describe("GIVEN SQuAD files", () => {
  const folder = mkdtempSync(join(tmpdir(), "squad-"));
  const file = (name: string, data: unknown) => {
    const path = join(folder, name);
    writeFileSync(path, JSON.stringify(data));
    return path;
  };

  test("WHEN a SQuAD 2.0 file is read THEN unanswerable questions keep no answers and the article becomes a knowledge source", () => {
    const path = file("one.json", {
      version: "v2.0",
      data: [
        {
          title: "Ünïcode_Test",
          paragraphs: [
            {
              context: "First  paragraph.\nStill first.",
              qas: [
                {
                  id: "1",
                  question: "Q?",
                  answers: [],
                  plausible_answers: [{ text: "x", answer_start: 0 }],
                  is_impossible: true,
                },
              ],
            },
          ],
        },
      ],
    });
    const [article] = readSquad(path);
    expect(article?.slug).toBe("squad-unicode-test");
    expect(article?.questions[0]).toEqual({ id: "1", question: "Q?", answers: [], impossible: true });
    expect(article && squadArticleSource(article).markdown).toContain("\nFirst paragraph. Still first.\n");
  });

  test("WHEN a file is not SQuAD THEN the error names the file", () => {
    const path = file("bad.json", { data: [{ title: "x" }] });
    expect(() => readSquad(path)).toThrow(/bad\.json: not SQuAD format/);
  });

  test("THEN a title becomes a valid slug", () => {
    expect(slugOf("Sky_(United_Kingdom)")).toBe("squad-sky-united-kingdom");
  });
});
