package org.knime.core.node.port;

import java.io.OutputStream;
import java.util.zip.ZipOutputStream;

/**
 * Compile-only subset of KNIME's {@code PortObjectSpecZipOutputStream}: a plain {@code ZipOutputStream}. Created through {@link PortUtil}, as in KNIME.
 */
public class PortObjectSpecZipOutputStream extends ZipOutputStream {

    PortObjectSpecZipOutputStream(final OutputStream stream) {
        super(stream);
    }
}
