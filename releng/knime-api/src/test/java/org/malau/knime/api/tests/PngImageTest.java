package org.malau.knime.api.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.ImageValue;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;

class PngImageTest {

    private static byte[] png(final int w, final int h, final int rgb) throws IOException {
        final BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(w - 1, h - 1, rgb);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, "png", out));
        return out.toByteArray();
    }

    @Test
    void cellsCarryTheBytesAndTheirTypeIsAnImageValue() throws IOException {
        final byte[] bytes = png(5, 3, 0x123456);
        final DataCell cell = PNGImageCellFactory.create(bytes);
        assertEquals(PNGImageCellFactory.TYPE, cell.getType());
        assertEquals(PNGImageContent.TYPE, new PNGImageCellFactory().getDataType());
        assertTrue(PNGImageCellFactory.TYPE.isCompatible(PNGImageValue.class));
        assertTrue(PNGImageCellFactory.TYPE.isCompatible(ImageValue.class));
        assertFalse(PNGImageCellFactory.TYPE.isCompatible(StringValue.class));
        final PNGImageContent content = ((PNGImageValue)cell).getImageContent();
        assertEquals("png", ((ImageValue)cell).getImageExtension());
        assertArrayEquals(bytes, content.getByteArray());
        assertNotSame(bytes, content.getByteArray());
        assertEquals(new Dimension(5, 3), content.getPreferredSize());
        final BufferedImage decoded = (BufferedImage)content.getImage();
        assertEquals(0x123456, decoded.getRGB(4, 2) & 0xFFFFFF);
        assertTrue(content.getSummary().startsWith("PNG Image 5 x 3 with "), content.getSummary());
        final ByteArrayOutputStream saved = new ByteArrayOutputStream();
        content.save(saved);
        assertArrayEquals(bytes, saved.toByteArray());
    }

    @Test
    void equalityFollowsTheBytes() throws IOException {
        final DataCell a = PNGImageCellFactory.create(png(4, 4, 0xFF0000));
        final DataCell b = PNGImageCellFactory.create(new ByteArrayInputStream(png(4, 4, 0xFF0000)));
        final DataCell c = PNGImageCellFactory.create(png(4, 4, 0x00FF00));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, c);
        assertNotEquals(a, DataType.getMissingCell());
    }

    @Test
    void bytesThatAreNoImageAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PNGImageCellFactory.create(new byte[]{1, 2, 3}));
        assertThrows(NullPointerException.class, () -> new PNGImageContent((byte[])null));
    }

    @Test
    void containersTypeCheckImageColumns() throws IOException {
        final DataTableSpec spec =
            new DataTableSpec(new String[]{"img", "name"}, new DataType[]{PNGImageCellFactory.TYPE, StringCell.TYPE});
        final BufferedDataContainer c = TestExec.create().createDataContainer(spec);
        c.addRowToTable(new DefaultRow("r0", PNGImageCellFactory.create(png(2, 2, 1)), new StringCell("x")));
        c.addRowToTable(new DefaultRow("r1", DataType.getMissingCell(), new StringCell("y")));
        assertThrows(IllegalArgumentException.class,
            () -> c.addRowToTable(new DefaultRow("r2", new StringCell("not an image"), new StringCell("z"))));
        c.close();
        final BufferedDataTable t = c.getTable();
        assertEquals(2, t.size());
        for (final DataRow r : t) {
            assertTrue(r.getCell(0).isMissing() || r.getCell(0) instanceof PNGImageValue);
        }
    }
}
