/** The Expression Data Set Reader node: RAF-DB, AffectNet, FER2013 or a generic CSV as a table of expression-labelled faces. */
package org.malau.knime.fereader;
