package org.knime.core.data.image.png;

import java.io.IOException;
import java.io.InputStream;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;

/**
 * Compile-only subset of KNIME's {@code PNGImageCellFactory}; semantics implemented in memory for tests. The real
 * class also implements {@code DataCellFactory.FromInputStream}; that is left out here.
 */
public class PNGImageCellFactory {

    /** The type of the cells this factory creates. */
    public static final DataType TYPE = PNGImageContent.TYPE;

    /** @return {@link #TYPE} */
    public DataType getDataType() {
        return PNGImageContent.TYPE;
    }

    /**
     * @param input the PNG bytes; not closed
     * @return a PNG image cell
     * @throws IOException if reading fails
     */
    public DataCell createCell(final InputStream input) throws IOException {
        return create(input);
    }

    /**
     * @param is the PNG bytes; not closed
     * @return a PNG image cell
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if the bytes are not a readable image
     */
    public static DataCell create(final InputStream is) throws IOException {
        return new PNGImageContent(is).toImageCell();
    }

    /**
     * @param contents the PNG bytes, kept by reference
     * @return a PNG image cell
     * @throws IllegalArgumentException if the bytes are not a readable image
     */
    public static DataCell create(final byte[] contents) {
        return new PNGImageContent(contents).toImageCell();
    }
}
