package org.knime.core.node.config;

import java.util.Iterator;

import org.knime.core.node.config.base.ConfigBaseRO;

/**
 * Compile-only subset of KNIME's {@code ConfigRO}; semantics implemented in memory for tests. The real interface also
 * extends {@code javax.swing.tree.TreeNode}; that is left out here.
 */
public interface ConfigRO extends ConfigBaseRO, Iterable<String> {

    @Override
    public Iterator<String> iterator();
}
