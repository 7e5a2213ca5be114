/** The MAL Learner node: trains the engine's AU detector from KNIME tables and outputs the model port object. */
package org.malau.knime.learner;
