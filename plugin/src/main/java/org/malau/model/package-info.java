/**
 * The multi-task AU/expression network behind a small library-neutral interface
 * ({@link org.malau.model.MultiTaskNetwork}: inference forward, per-sample losses, weighted
 * backward with per-sample weights, flat parameter vector, save), its DL4J implementation
 * ({@link org.malau.model.Dl4jMultiTaskNetwork}), the per-sample objectives as small classes,
 * and the trained artifact: {@link org.malau.model.MalModel} with its provenance header,
 * {@link org.malau.model.ModelFile} (one zip: JSON header with SHA-256 checksums, network,
 * meta net) and batch prediction of aligned crops.
 * <p>
 * Default network ({@link org.malau.model.NetworkConfig#defaults}): 48x48 grey, conv 16/32/64
 * with 2x2 max pooling, 64 features, 172,441 parameters. Measured with {@code MalSpeedBench} on
 * the 2-core build machine with other builds running (load average 2.5-3; at load 5-6 every time
 * roughly doubles): an AU-only training step with batch 32 took a median 0.22 s, a plain
 * multi-task step with 32 AU + 32 expression samples 0.46 s (139 training images/s), a MAL
 * iteration 1.24 s (2.7 times MTL), prediction 400-510 faces/s at batch 64-256. The toolchain
 * note's 549k-parameter network at 64x64 took 0.46 s per step on an idle machine. 48x48 keeps the
 * brow, eye and lip-corner structure several AUs depend on at a few pixels while cutting the
 * convolution cost by (64/48)^2 against 64x64; MAL needs about three times the work of a
 * multi-task step, so the backbone must stay this small on two cores. DL4J spends most of a step
 * in im2col and gemm of the convolutions and has a sizeable cost per operation whatever the batch
 * size, so batches below 16 are inefficient.
 */
package org.malau.model;
