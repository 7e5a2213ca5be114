package org.knime.core.data.image;

import org.knime.core.data.DataValue;

/**
 * Compile-only subset of KNIME's {@code ImageValue}; the utility factory constant and class of the real interface are
 * left out.
 */
public interface ImageValue extends DataValue {

    /** @return the image content */
    public ImageContent getImageContent();

    /** @return the file extension of the image format, e.g. {@code png} */
    public String getImageExtension();
}
