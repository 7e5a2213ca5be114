package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/**
 * Compile-only subset of KNIME's {@code PortObjectSpecZipInputStream}: a plain {@code ZipInputStream}. Created through {@link PortUtil}, as in KNIME.
 */
public class PortObjectSpecZipInputStream extends ZipInputStream {

    PortObjectSpecZipInputStream(final InputStream stream) {
        super(stream);
    }
}
