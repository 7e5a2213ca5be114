/** The AU Scorer node: per-AU precision, recall and F1 of predicted against true AU labels, by the engine's metrics. */
package org.malau.knime.scorer;
