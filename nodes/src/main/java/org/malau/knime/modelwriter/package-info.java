/** The MAL Model Writer node: saves a MAL model port object as the engine's model file. */
package org.malau.knime.modelwriter;
