package org.knime.core.node.port;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.ZipEntry;

/**
 * Compile-only subset of KNIME's {@code PortUtil}; semantics implemented in memory for tests. Only the factories of
 * the port zip streams are declared: each stream holds one entry ({@code portObject.file} or {@code portSpec.file})
 * that the serializers write into and read from, as in KNIME.
 */
public final class PortUtil {

    private static final String OBJECT_ENTRY = "portObject.file";

    private static final String SPEC_ENTRY = "portSpec.file";

    private PortUtil() {
    }

    /**
     * @param in the stream to wrap
     * @return a zip stream positioned in its spec entry
     * @throws IOException if the entry cannot be started
     */
    public static PortObjectSpecZipOutputStream getPortObjectSpecZipOutputStream(final OutputStream in)
        throws IOException {
        final PortObjectSpecZipOutputStream out = new PortObjectSpecZipOutputStream(in);
        out.putNextEntry(new ZipEntry(SPEC_ENTRY));
        return out;
    }

    /**
     * @param in the stream to wrap
     * @return a zip stream positioned in its object entry
     * @throws IOException if the entry cannot be started
     */
    public static PortObjectZipOutputStream getPortObjectZipOutputStream(final OutputStream in) throws IOException {
        final PortObjectZipOutputStream out = new PortObjectZipOutputStream(in);
        out.putNextEntry(new ZipEntry(OBJECT_ENTRY));
        return out;
    }

    /**
     * @param in the stream to wrap
     * @return a zip stream positioned in its spec entry
     * @throws IOException if the stream does not start with the spec entry
     */
    public static PortObjectSpecZipInputStream getPortObjectSpecZipInputStream(final InputStream in)
        throws IOException {
        final PortObjectSpecZipInputStream zip = new PortObjectSpecZipInputStream(in);
        expect(zip.getNextEntry(), SPEC_ENTRY);
        return zip;
    }

    /**
     * @param in the stream to wrap
     * @return a zip stream positioned in its object entry
     * @throws IOException if the stream does not start with the object entry
     */
    public static PortObjectZipInputStream getPortObjectZipInputStream(final InputStream in) throws IOException {
        final PortObjectZipInputStream zip = new PortObjectZipInputStream(in);
        expect(zip.getNextEntry(), OBJECT_ENTRY);
        return zip;
    }

    private static void expect(final ZipEntry entry, final String name) throws IOException {
        if (entry == null || !name.equals(entry.getName())) {
            throw new IOException(
                "Expected zip entry '" + name + "', got '" + (entry == null ? null : entry.getName()) + "'");
        }
    }
}
