/**
 * Plumbing the MAL nodes share: the column layout of face tables (so every node names and types
 * the image, subject, label and corruption columns the same way) and the settings-to-engine
 * translations that several dialogs offer. Adaptation only; what happens to the data is decided in
 * the engine bundle.
 */
package org.malau.knime.common;
