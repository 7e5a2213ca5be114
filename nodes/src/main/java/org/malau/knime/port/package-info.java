/** The MAL model port type: the trained engine model ({@code MalModel}) travelling between KNIME nodes. */
package org.malau.knime.port;
