import { describe, expect, test } from "vitest";
import { ANSWERABILITY_FEATURES, answerabilityFeatures } from "../../src/engine/answerability/answerabilityFeatures.js";
import { parseRefusalModel, REFUSAL_MODEL, refusalProbability } from "../../src/engine/answerability/refusalModel.js";
import { analyseQuestion } from "../../src/engine/analyseQuestion.js";
import { considerQuestion } from "../../src/engine/answerQuestion.js";
import { createAnswerContext } from "../../src/engine/engine.js";
import { loadKnowledge } from "../../src/knowledge/loadKnowledge.js";

const context = createAnswerContext(loadKnowledge("tests/fixtures/second-article/knowledge"));

function featuresOf(question: string): Record<string, number> {
  const considered = considerQuestion(context, question, question);
  if (considered.kind !== "ranked") throw new Error(`"${question}" was settled before ranking`);
  const values = answerabilityFeatures(context.view, considered.analysed, considered.eligible);
  return Object.fromEntries(ANSWERABILITY_FEATURES.map((name, i) => [name, values[i] ?? Number.NaN]));
}

describe("GIVEN the refusal model's features on an article without facts", () => {
  test("WHEN the best sentence holds every word of the question THEN the sentence share is 1", () => {
    expect(featuresOf("how many stops will the line have?").sentenceShare).toBe(1);
  });

  test("WHEN the question names a figure the article never prints THEN numberMissing is 1", () => {
    expect(featuresOf("will the line have 40 stops?").numberMissing).toBe(1);
    expect(featuresOf("will the line have 12 stops?").numberMissing).toBe(0);
  });

  test("WHEN the thing asked for is a word the article lacks THEN the question says so", () => {
    expect(analyseQuestion(context.view, "which hospital will the tram line serve?").askedForUnknown).toBe(false);
    expect(analyseQuestion(context.view, "which stadium will the tram line serve?").askedForUnknown).toBe(true);
    expect(analyseQuestion(context.view, "how many tanks will the tram line carry?").askedForUnknown).toBe(true);
  });

  test("THEN every feature is a finite number", () => {
    for (const value of Object.values(featuresOf("who opposed the tram and why?")))
      expect(Number.isFinite(value)).toBe(true);
  });
});

describe("GIVEN the checked-in refusal model", () => {
  test("THEN it speaks of the engine's features in order, with a threshold chosen by its training script", () => {
    expect(REFUSAL_MODEL.features).toEqual([...ANSWERABILITY_FEATURES]);
    expect(REFUSAL_MODEL.threshold).toBeGreaterThan(0.5);
    expect(REFUSAL_MODEL.trainedOn).toHaveProperty("squadArticles");
  });

  test("THEN a question matched word for word is less likely refused than one the article barely touches", () => {
    const matched = refusalProbability(
      answerabilityFeatures(context.view, ...ranked("how many stops will the line have?")),
    );
    const barely = refusalProbability(
      answerabilityFeatures(context.view, ...ranked("how many stadium seats will the mayor's hospital have?")),
    );
    expect(matched).toBeLessThan(barely);
  });

  test("WHEN a model lists other features THEN it is refused with a message", () => {
    expect(() => parseRefusalModel({ ...REFUSAL_MODEL, features: [...ANSWERABILITY_FEATURES].reverse() })).toThrow(
      /features differ/,
    );
  });
});

function ranked(question: string) {
  const considered = considerQuestion(context, question, question);
  if (considered.kind !== "ranked") throw new Error(`"${question}" was settled before ranking`);
  return [considered.analysed, considered.eligible] as const;
}
