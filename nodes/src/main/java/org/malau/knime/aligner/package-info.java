/** The Face Aligner node: aligned face crops for an image column, through the engine's {@code org.malau.face}. */
package org.malau.knime.aligner;
