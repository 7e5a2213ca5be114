/**
 * Training: the strategies behind {@link org.malau.train.TrainingStrategy}, selectable by name
 * ({@code au-only}, {@code mtl}, {@code uncertainty}, {@code l2rw}, {@code mal}), the plain-Java
 * optimisers and learning-rate schedules they share, and {@link org.malau.train.MalTrainer}, which
 * streams batches from a {@link org.malau.train.FaceDataset} (in memory, {@link
 * org.malau.data.FaceRecord} lists, or PNG files listed in a CSV, decoded on a bounded background
 * queue), holds out a subject-disjoint meta split, reports progress, honours cancellation every
 * iteration, stops on non-finite losses naming the iteration, keeps the best epoch by meta-split
 * AU F1, tunes per-AU thresholds and records the history and every sample's weight per epoch.
 * <p>
 * MAL's meta-gradient needs v . grad l_s for every sample; DL4J cannot differentiate a gradient,
 * so {@link org.malau.train.DirectionalDerivatives} computes all of them from two inference-mode
 * forward passes by a central finite difference, checked against exact per-sample gradients in
 * the tests (cosine similarity above 0.9999 on a small, partly trained network).
 */
package org.malau.train;
