/** The Sample Weight Viewer node: the learned MAL sample weights as a figure (PNG image port) and a summary table. */
package org.malau.knime.weightviewer;
