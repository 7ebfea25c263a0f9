import { type LogisticWeights, refusalProbability } from "../../src/engine/answerability/refusalModel.js";

/** Plain L2-regularised logistic regression, fitted by full-batch gradient descent on standardised features. */
export type FittedLogistic = LogisticWeights;

export interface Example {
  features: readonly number[];
  /** 1 = the question is unanswerable (refuse), 0 = answerable. */
  label: 0 | 1;
}

function standardiser(examples: readonly Example[], size: number): { mean: number[]; scale: number[] } {
  const mean = Array.from(
    { length: size },
    (_, i) => examples.reduce((sum, example) => sum + (example.features[i] ?? 0), 0) / Math.max(1, examples.length),
  );
  const scale = mean.map((m, i) => {
    const variance =
      examples.reduce((sum, example) => sum + ((example.features[i] ?? 0) - m) ** 2, 0) / Math.max(1, examples.length);
    return Math.sqrt(variance) || 1;
  });
  return { mean, scale };
}

/** The engine's own probability, so that training and answering compute it the same way. */
export const predict = (model: FittedLogistic, features: readonly number[]): number =>
  refusalProbability(features, model);

export function fitLogistic(
  examples: readonly Example[],
  options: { l2?: number; iterations?: number; learningRate?: number } = {},
): FittedLogistic {
  const size = examples[0]?.features.length ?? 0;
  const { mean, scale } = standardiser(examples, size);
  const rows = examples.map((example) =>
    example.features.map((value, i) => (value - (mean[i] ?? 0)) / (scale[i] ?? 1)),
  );
  const l2 = options.l2 ?? 1e-3;
  const rate = options.learningRate ?? 0.5;
  const weights = new Array<number>(size).fill(0);
  let bias = 0;
  for (let iteration = 0; iteration < (options.iterations ?? 2000); iteration += 1) {
    const gradient = new Array<number>(size).fill(0);
    let biasGradient = 0;
    rows.forEach((row, r) => {
      let z = bias;
      for (let i = 0; i < size; i += 1) z += (weights[i] ?? 0) * (row[i] ?? 0);
      const error = 1 / (1 + Math.exp(-z)) - (examples[r]?.label ?? 0);
      for (let i = 0; i < size; i += 1) gradient[i] = (gradient[i] ?? 0) + error * (row[i] ?? 0);
      biasGradient += error;
    });
    for (let i = 0; i < size; i += 1)
      weights[i] = (weights[i] ?? 0) - rate * ((gradient[i] ?? 0) / rows.length + l2 * (weights[i] ?? 0));
    bias -= (rate * biasGradient) / rows.length;
  }
  return { mean, scale, weights, bias };
}

/** Area under the ROC curve: the chance that a random unanswerable question scores above a random answerable one. */
export function auc(scored: ReadonlyArray<{ score: number; label: 0 | 1 }>): number {
  const sorted = [...scored].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  let positives = 0;
  sorted.forEach((item, i) => {
    if (item.label === 1) {
      rankSum += i + 1;
      positives += 1;
    }
  });
  const negatives = sorted.length - positives;
  return positives === 0 || negatives === 0
    ? Number.NaN
    : (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
