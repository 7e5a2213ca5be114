/** The AU Data Set Reader node: BP4D, DISFA or a generic CSV as a table of AU-labelled faces. */
package org.malau.knime.aureader;
