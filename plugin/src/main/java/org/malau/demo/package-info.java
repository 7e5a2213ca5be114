/**
 * The demo: the synthetic experiment of {@link org.malau.experiment} run end to end for a few
 * strategies with one seed and budget, written up as a self-contained HTML report (figures drawn
 * with Java2D and embedded as PNG) and a {@code results.json} with fixed, documented keys.
 */
package org.malau.demo;
