/**
 * Networks trained on real faces by others, shipped with the engine and used without training: face-api.js's
 * 68-point landmark network and its 7-class expression network, from the npm package
 * {@code @vladmandic/face-api} 1.7.15 that the build takes with npm ({@link org.malau.pretrained.FaceApiModels}),
 * read from their TensorFlow.js weight files ({@link org.malau.pretrained.TfjsWeights}) and run on LibTorch
 * with the engine's own implementation of their layers ({@link org.malau.pretrained.FaceApiNetwork},
 * {@link org.malau.model.FaceApiBackbone}). The same backbone can start an AU network's training.
 */
package org.malau.pretrained;
