package org.knime.core.node.port.image;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;

import javax.swing.JComponent;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.image.ImageContent;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * Compile-only subset of KNIME's {@code ImagePortObject}; semantics implemented in memory for tests: an image (such as
 * a {@code PNGImageContent}) with its spec. The nested serializer, {@code save}/{@code load} and the extension-point
 * lookup of image content factories are left out.
 */
public class ImagePortObject extends AbstractPortObject {

    /** The port type of image ports. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(ImagePortObject.class);

    /** The port type of optional image ports. */
    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(ImagePortObject.class, true);

    private ImageContent m_content;

    private ImagePortObjectSpec m_spec;

    /** Framework constructor; client code must not call it. */
    public ImagePortObject() {
    }

    /**
     * @param content the image
     * @param spec the spec, whose data type must fit {@code content.toImageCell()}
     * @throws NullPointerException if either argument is null
     */
    public ImagePortObject(final ImageContent content, final ImagePortObjectSpec spec) {
        if (spec == null || content == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_content = content;
        m_spec = spec;
    }

    /** @return the image as a cell of the spec's type (a missing cell when the types disagree) */
    public DataCell toDataCell() {
        final DataCell cell = m_content.toImageCell();
        return m_spec.getDataType().isASuperTypeOf(cell.getType()) ? cell : DataType.getMissingCell();
    }

    @Override
    public String getSummary() {
        return m_content.getSummary();
    }

    @Override
    public ImagePortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public JComponent[] getViews() {
        final JComponent c = new JComponent() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void paintComponent(final Graphics g) {
                super.paintComponent(g);
                m_content.paint((Graphics2D)g, getWidth(), getHeight());
            }

            @Override
            public Dimension getPreferredSize() {
                return m_content.getPreferredSize();
            }
        };
        c.setName("Image");
        return new JComponent[]{c};
    }
}
