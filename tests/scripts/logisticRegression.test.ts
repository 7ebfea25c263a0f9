import { describe, expect, test } from "vitest";
import { auc, type Example, fitLogistic, predict } from "../../scripts/abstain/logisticRegression.js";

describe("GIVEN the refusal model's trainer", () => {
  // Unanswerable questions (label 1) have a low match share and a missing number more often.
  const examples: Example[] = Array.from({ length: 200 }, (_, i) => {
    const label = (i % 2) as 0 | 1;
    const share = label === 1 ? 0.2 + ((i * 7) % 30) / 100 : 0.5 + ((i * 11) % 40) / 100;
    return { features: [share, label === 1 && i % 3 === 0 ? 1 : 0, (i % 5) / 5], label };
  });

  test("WHEN the classes are separable THEN the fitted model ranks every unanswerable question above every answerable one", () => {
    const model = fitLogistic(examples);
    const scored = examples.map((example) => ({ score: predict(model, example.features), label: example.label }));
    expect(auc(scored)).toBe(1);
    expect(model.weights[0]).toBeLessThan(0);
  });

  test("THEN features are standardised with the training set's mean and spread", () => {
    const model = fitLogistic(examples);
    const mean = examples.reduce((sum, example) => sum + (example.features[0] ?? 0), 0) / examples.length;
    expect(model.mean[0]).toBeCloseTo(mean, 10);
    expect(model.scale.every((value) => value > 0)).toBe(true);
  });

  test("THEN AUC is the chance that a positive scores above a negative", () => {
    expect(
      auc([
        { score: 0.9, label: 1 },
        { score: 0.8, label: 0 },
        { score: 0.7, label: 1 },
        { score: 0.1, label: 0 },
      ]),
    ).toBe(0.75);
    expect(auc([{ score: 0.5, label: 1 }])).toBeNaN();
  });
});
