package org.knime.core.node.config.base;

import java.io.Serializable;

/**
 * Compile-only subset of KNIME's {@code AbstractConfigEntry} (bundle org.knime.core.util); semantics implemented in
 * memory for tests. The real class also implements {@code javax.swing.tree.TreeNode}; that is left out here.
 */
public abstract class AbstractConfigEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    private String m_key;

    AbstractConfigEntry(final String key) {
        if (key == null) {
            throw new IllegalArgumentException("Key must not be null!");
        }
        m_key = key;
    }

    /** @return the key of this entry */
    public final String getKey() {
        return m_key;
    }

    /** Package-private as in KNIME: the XML reader renames the root config to the key stored in the file. */
    final void setKey(final String key) {
        if (key == null) {
            throw new IllegalArgumentException("Key must not be null!");
        }
        m_key = key;
    }
}
