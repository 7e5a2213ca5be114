package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/**
 * Compile-only subset of KNIME's {@code PortObjectZipInputStream}: a plain {@code ZipInputStream}. Created through {@link PortUtil}, as in KNIME.
 */
public class PortObjectZipInputStream extends ZipInputStream {

    PortObjectZipInputStream(final InputStream stream) {
        super(stream);
    }
}
