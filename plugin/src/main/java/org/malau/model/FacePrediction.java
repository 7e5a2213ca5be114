package org.malau.model;

/**
 * Prediction for one face.
 *
 * @param auProbabilities per AU the probability of occurrence, in {@link ModelHeader#auCodes()} order
 * @param auPresent per AU 1 when the probability reaches the AU's tuned threshold, else 0
 * @param expressionProbabilities per class the softmax probability, in {@link ModelHeader#expressionClasses()} order;
 *     null when the model's expression head was not trained ({@link ModelHeader#predictsExpressions()})
 * @param expression index of the most probable class, -1 without expression probabilities
 */
public record FacePrediction(float[] auProbabilities, byte[] auPresent, float[] expressionProbabilities, int expression) {
}
