import { z } from "zod";
import trained from "./refusalModel.json" with { type: "json" };
import { ANSWERABILITY_FEATURES } from "./answerabilityFeatures.js";

/**
 * A logistic regression over ANSWERABILITY_FEATURES, trained by `npm run train-abstain` on
 * crowd-written questions (SQuAD 2.0 development articles, and the tuned question sets) and checked in
 * as JSON. Features are standardised with the training set's mean and spread before weighting.
 */
export const RefusalModel = z.strictObject({
  features: z.array(z.enum(ANSWERABILITY_FEATURES)).length(ANSWERABILITY_FEATURES.length),
  mean: z.array(z.number()),
  scale: z.array(z.number().positive()),
  weights: z.array(z.number()),
  bias: z.number(),
  /** Refuse when the probability that the question is unanswerable reaches this; chosen on development data. */
  threshold: z.number().min(0).max(1),
  /** How it was trained: data, sizes and the development figures the threshold was chosen on. */
  trainedOn: z.record(z.string(), z.unknown()),
});
export type RefusalModel = z.infer<typeof RefusalModel>;

/** Parses a model, checking it speaks of the features this engine computes, in the same order. */
export function parseRefusalModel(data: unknown): RefusalModel {
  const model = RefusalModel.parse(data);
  const size = ANSWERABILITY_FEATURES.length;
  if (model.features.some((name, i) => name !== ANSWERABILITY_FEATURES[i]))
    throw new Error("refusal model: features differ from ANSWERABILITY_FEATURES");
  if (model.mean.length !== size || model.scale.length !== size || model.weights.length !== size)
    throw new Error(`refusal model: expected ${size} means, scales and weights`);
  return model;
}

export const REFUSAL_MODEL: RefusalModel = parseRefusalModel(trained);

/** The fitted part of a model: what a probability is computed from (the training script fits the same shape). */
export type LogisticWeights = Pick<RefusalModel, "mean" | "scale" | "weights" | "bias">;

/** Probability (0..1) that the question is one the article does not answer. */
export function refusalProbability(features: readonly number[], model: LogisticWeights = REFUSAL_MODEL): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i += 1)
    z += (model.weights[i] ?? 0) * (((features[i] ?? 0) - (model.mean[i] ?? 0)) / (model.scale[i] ?? 1));
  return 1 / (1 + Math.exp(-z));
}
