package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * KNIME's XML config format ({@code settings.xml}, {@code workflow.knime}), written and read by this project's own
 * code so that the subset can produce and check the files KNIME reads. Not API (package-private).
 *
 * <p>
 * The format, as KNIME writes it: an XML declaration line; a root {@code <config>} with the XMLConfig namespace, the
 * schema location and the key; nested {@code <config key>} elements and {@code <entry key type value/>} leaves, each on
 * its own line, indented by four spaces per level; empty configs self-closed; a null string as
 * {@code isnull="true" value=""}. Values escape characters below U+0020 and above U+D7FF, and a {@code %} followed by
 * another {@code %}, as {@code %%} plus five decimal digits; the XML serialiser then escapes {@code & < > "}.
 */
final class ConfigXml {
    private static final String NAMESPACE = "http://www.knime.org/2008/09/XMLConfig";

    private static final String SCHEMA_LOCATION = NAMESPACE + " http://www.knime.org/XMLConfig_2008_09.xsd";

    private static final String INDENT = "    ";

    private ConfigXml() {
    }

    static void write(final ConfigBase config, final OutputStream os) throws IOException {
        final Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        writeConfig(w, config, 0);
        w.flush();
    }

    private static void writeConfig(final Writer w, final ConfigBase config, final int depth) throws IOException {
        final StringBuilder open = new StringBuilder(INDENT.repeat(depth)).append("<config");
        if (depth == 0) {
            open.append(" xmlns=\"").append(NAMESPACE).append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                .append(" xsi:schemaLocation=\"").append(SCHEMA_LOCATION).append('"');
        }
        open.append(" key=\"").append(attribute(config.getKey())).append('"');
        if (config.keySet().isEmpty()) {
            w.write(open.append("/>\n").toString());
            return;
        }
        w.write(open.append(">\n").toString());
        for (final String key : config.keySet()) {
            final String type = config.xmlType(key);
            if (type == null) {
                writeConfig(w, config.getConfigBaseOrNull(key), depth + 1);
            } else {
                final String value = config.xmlValue(key);
                final StringBuilder e = new StringBuilder(INDENT.repeat(depth + 1)).append("<entry key=\"")
                    .append(attribute(key)).append("\" type=\"").append(type).append('"');
                if (value == null) {
                    e.append(" isnull=\"true\"");
                }
                e.append(" value=\"").append(value == null ? "" : attribute(escape(value))).append("\"/>\n");
                w.write(e.toString());
            }
        }
        w.write(INDENT.repeat(depth) + "</config>\n");
    }

    /** KNIME's value escaping (see the class comment). */
    static String escape(final String s) {
        final StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            final boolean percentPair = c == '%' && i + 1 < s.length() && s.charAt(i + 1) == '%';
            if (c < 32 || c > 0xd7ff || percentPair) {
                b.append("%%").append(String.format(java.util.Locale.ROOT, "%05d", (int)c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Inverse of {@link #escape(String)}; text without escapes stays as it is. */
    static String unescape(final String s) {
        final StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (i + 6 < s.length() && s.charAt(i) == '%' && s.charAt(i + 1) == '%' && digits(s, i + 2, 5)) {
                b.append((char)Integer.parseInt(s.substring(i + 2, i + 7)));
                i += 7;
            } else {
                b.append(s.charAt(i));
                i++;
            }
        }
        return b.toString();
    }

    private static boolean digits(final String s, final int from, final int n) {
        for (int k = from; k < from + n; k++) {
            if (!Character.isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** What the JDK's XML serialiser escapes in attribute values. */
    private static String attribute(final String s) {
        final StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            switch (c) {
                case '&':
                    b.append("&amp;");
                    break;
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '"':
                    b.append("&quot;");
                    break;
                default:
                    b.append(c);
            }
        }
        return b.toString();
    }

    static void read(final ConfigBase root, final InputStream in) throws IOException {
        final SAXParser parser;
        try {
            final SAXParserFactory f = SAXParserFactory.newInstance();
            f.setValidating(false);
            // old workflows name a DTD; never fetch it or any other external entity
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            parser = f.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("No XML parser: " + e.getMessage(), e);
        }
        try {
            parser.parse(in, new Handler(root));
        } catch (SAXParseException e) {
            throw new IOException("Not a KNIME XML config (line " + e.getLineNumber() + "): " + e.getMessage(), e);
        } catch (SAXException e) {
            final Throwable cause = e.getException();
            if (cause instanceof IOException) {
                throw (IOException)cause;
            }
            throw new IOException("Not a KNIME XML config: " + e.getMessage(), e);
        }
    }

    private static final class Handler extends DefaultHandler {
        private final ConfigBase m_root;

        private final Deque<ConfigBase> m_stack = new ArrayDeque<>();

        Handler(final ConfigBase root) {
            m_root = root;
        }

        @Override
        public void startElement(final String uri, final String localName, final String qName,
            final Attributes attributes) throws SAXException {
            final String key = attributes.getValue("key");
            if ("config".equals(qName)) {
                if (key == null) {
                    throw new SAXException("<config> without a key");
                }
                if (m_stack.isEmpty()) {
                    m_root.setRootKey(key);
                    m_stack.push(m_root);
                } else {
                    m_stack.push(m_stack.peek().addConfigBase(key));
                }
            } else if ("entry".equals(qName)) {
                if (m_stack.isEmpty()) {
                    throw new SAXException("The first element is an <entry>, not a <config>");
                }
                if (key == null) {
                    throw new SAXException("<entry> without a key");
                }
                final boolean isNull = "true".equals(attributes.getValue("isnull"));
                final String value = attributes.getValue("value");
                try {
                    m_stack.peek().putXmlEntry(key, attributes.getValue("type"),
                        isNull || value == null ? null : unescape(value));
                } catch (IOException e) {
                    throw new SAXException(e);
                }
            } else {
                throw new SAXException("\"" + qName + "\" is not a valid tag name.");
            }
        }

        @Override
        public void endElement(final String uri, final String localName, final String qName) {
            if ("config".equals(qName)) {
                m_stack.pop();
            }
        }
    }
}
