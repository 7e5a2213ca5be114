package org.knime.core.data.image.png;

import org.knime.core.data.image.ImageValue;

/**
 * Compile-only subset of KNIME's {@code PNGImageValue}; the utility factory of the real interface is left out.
 */
public interface PNGImageValue extends ImageValue {

    @Override
    public PNGImageContent getImageContent();
}
