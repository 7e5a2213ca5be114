/** The Synthetic FACS Faces node: the engine's labelled synthetic faces as two tables of PNG images. */
package org.malau.knime.synth;
