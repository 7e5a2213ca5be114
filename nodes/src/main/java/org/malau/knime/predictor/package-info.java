/** The AU Predictor node: applies a MAL model to an image column and appends AU and expression predictions. */
package org.malau.knime.predictor;
