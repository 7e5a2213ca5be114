/**
 * Labelled face records shared by the synthetic generator and the readers of the standard AU and
 * expression data set layouts. Unknown labels are represented explicitly so that training can mask
 * them out instead of treating them as negatives.
 */
package org.malau.data;
