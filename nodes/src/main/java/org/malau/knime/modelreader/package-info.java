/** The MAL Model Reader node: loads the engine's model file as a MAL model port object. */
package org.malau.knime.modelreader;
