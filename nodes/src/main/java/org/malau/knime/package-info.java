/**
 * KNIME nodes for facial action unit detection with Meta Auxiliary Learning. One sub-package per
 * node (factory, model, dialog, view, description, icon), each a thin adapter over the engine bundle
 * {@code org.malau.engine}, which knows nothing of KNIME.
 */
package org.malau.knime;
