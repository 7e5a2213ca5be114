package org.malau.knime.testing.urls.knime;

import java.io.IOException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;

import org.malau.knime.testing.KnimeUrls;

/** The JVM's handler of {@code knime:} URLs in the nodes' tests; see {@link KnimeUrls}. */
public class Handler extends URLStreamHandler {
    @Override
    protected URLConnection openConnection(final URL u) throws IOException {
        return KnimeUrls.open(u);
    }
}
