/** The {@code ./mal} command line: the engine's entry for people and machines without KNIME. */
package org.malau.cli;
