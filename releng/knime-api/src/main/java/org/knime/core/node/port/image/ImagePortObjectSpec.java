package org.knime.core.node.port.image;

import javax.swing.JComponent;
import javax.swing.JLabel;

import org.knime.core.data.DataType;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/**
 * Compile-only subset of KNIME's {@code ImagePortObjectSpec}; semantics implemented in memory for tests: the spec of
 * an image port, holding the type of the image cell its port object yields. The nested serializer and the
 * {@code save}/{@code load} overrides are left out.
 */
public final class ImagePortObjectSpec extends AbstractSimplePortObjectSpec {

    private DataType m_type;

    /**
     * @param type the type of the image cell, e.g. {@code PNGImageContent.TYPE}
     * @throws NullPointerException if {@code type} is null
     */
    public ImagePortObjectSpec(final DataType type) {
        if (type == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_type = type;
    }

    /** Framework constructor; client code must not call it. */
    public ImagePortObjectSpec() {
    }

    /** @return the type of the image cell */
    public DataType getDataType() {
        return m_type;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[]{new JLabel("Image of type \"" + m_type + "\"")};
    }
}
