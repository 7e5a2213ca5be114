/**
 * Evaluation of AU detection and expression recognition: per-AU precision, recall and F1 on the
 * positive class with unknown labels left out, their average, expression accuracy and confusion
 * matrix, ROC AUC of sample weights as a clean-vs-corrupted score, and per-AU threshold tuning.
 * Plain Java over arrays; no dependency on the network library.
 */
package org.malau.eval;
