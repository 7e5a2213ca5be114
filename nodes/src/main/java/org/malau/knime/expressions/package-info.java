/**
 * The Facial Expressions node: the expression probabilities of face crops from a network pretrained on real faces
 * (face-api.js's expression network), with no training and no model input.
 */
package org.malau.knime.expressions;
