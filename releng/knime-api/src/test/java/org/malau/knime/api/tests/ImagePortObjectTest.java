package org.malau.knime.api.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.port.PortTypeRegistry;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;

/** The image port: a PNG with its spec, as an image cell, with the registry's port types. */
class ImagePortObjectTest {

    private static byte[] png(final int w, final int h) throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void holdsTheImageAndItsSpecAndYieldsAPngCell() throws Exception {
        final byte[] bytes = png(7, 3);
        final ImagePortObjectSpec spec = new ImagePortObjectSpec(PNGImageContent.TYPE);
        final ImagePortObject port = new ImagePortObject(new PNGImageContent(bytes), spec);
        assertSame(spec, port.getSpec());
        assertEquals(PNGImageContent.TYPE, port.getSpec().getDataType());
        final DataCell cell = port.toDataCell();
        assertArrayEquals(bytes, ((PNGImageValue)cell).getImageContent().getByteArray());
        assertEquals(7, port.getViews()[0].getPreferredSize().width);
        assertTrue(port.getSummary().length() > 0);
    }

    @Test
    void aSpecOfAnotherTypeYieldsAMissingCellAndNullsAreRejected() throws Exception {
        final ImagePortObject port =
            new ImagePortObject(new PNGImageContent(png(2, 2)), new ImagePortObjectSpec(StringCell.TYPE));
        assertTrue(port.toDataCell().isMissing());
        assertThrows(NullPointerException.class, () -> new ImagePortObjectSpec(null));
        assertThrows(NullPointerException.class,
            () -> new ImagePortObject(null, new ImagePortObjectSpec(PNGImageContent.TYPE)));
    }

    @Test
    void portTypesComeFromTheRegistry() {
        assertSame(PortTypeRegistry.getInstance().getPortType(ImagePortObject.class), ImagePortObject.TYPE);
        assertSame(PortTypeRegistry.getInstance().getPortType(ImagePortObject.class, true),
            ImagePortObject.TYPE_OPTIONAL);
        assertTrue(ImagePortObject.TYPE_OPTIONAL.isOptional());
    }
}
