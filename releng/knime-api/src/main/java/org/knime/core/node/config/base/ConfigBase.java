package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;

/**
 * Compile-only subset of KNIME's {@code ConfigBase} (bundle org.knime.core.util); semantics implemented in memory for
 * tests.
 *
 * <p>
 * As in KNIME, values are strictly typed: a value added with {@code addInt} can only be read with {@code getInt}, and
 * arrays are stored as a nested config holding {@code array-size} plus one entry per index.
 */
public abstract class ConfigBase extends AbstractConfigEntry implements ConfigBaseRO, ConfigBaseWO {

    private static final long serialVersionUID = 1L;

    private static final String CFG_ARRAY_SIZE = "array-size";

    private enum Kind {
            INT("Int"), DOUBLE("Double"), LONG("Long"), STRING("String"), BOOLEAN("Boolean"), SHORT("Short"),
            BYTE("Byte");

        private final String m_label;

        Kind(final String label) {
            m_label = label;
        }

        /** The type attribute of an XML entry, as KNIME's {@code ConfigEntries} names it. */
        String xmlType() {
            return "x" + m_label.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A typed leaf value; nested configs are stored as {@link ConfigBase} directly. */
    private static final class Leaf implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        private final Kind m_kind;

        private final Object m_value; // NOSONAR only boxed primitives and strings

        Leaf(final Kind kind, final Object value) {
            m_kind = kind;
            m_value = value;
        }
    }

    private final LinkedHashMap<String, Object> m_map = new LinkedHashMap<>(); // NOSONAR serializable content

    /** @param key the key of this config */
    public ConfigBase(final String key) {
        super(key);
    }

    /**
     * @param key the key
     * @return a new, empty config of the concrete type of this config
     */
    public abstract ConfigBase getInstance(final String key);

    @Override
    public final ConfigBase addConfigBase(final String key) {
        final ConfigBase config = getInstance(key);
        m_map.put(checkKey(key), config);
        return config;
    }

    @Override
    public final ConfigBase getConfigBase(final String key) throws InvalidSettingsException {
        final Object o = m_map.get(key);
        if (!(o instanceof ConfigBase)) {
            throw new InvalidSettingsException("ConfigBase for key \"" + key + "\" not found.");
        }
        return (ConfigBase)o;
    }

    private static String checkKey(final String key) {
        if (key == null) {
            throw new IllegalArgumentException("Key must not be null!");
        }
        return key;
    }

    private void putLeaf(final String key, final Kind kind, final Object value) {
        m_map.put(checkKey(key), new Leaf(kind, value));
    }

    /** Returns the typed entry, or null when it is absent or of another type: all getters treat both alike. */
    private Leaf leaf(final String key, final Kind kind) {
        final Object o = m_map.get(key);
        if (o instanceof Leaf && ((Leaf)o).m_kind == kind) {
            return (Leaf)o;
        }
        return null;
    }

    private Object require(final String key, final Kind kind) throws InvalidSettingsException {
        final Leaf l = leaf(key, kind);
        if (l == null) {
            throw new InvalidSettingsException(kind.m_label + " for key \"" + key + "\" not found.");
        }
        return l.m_value;
    }

    @Override
    public void addInt(final String key, final int value) {
        putLeaf(key, Kind.INT, value);
    }

    @Override
    public int getInt(final String key) throws InvalidSettingsException {
        return (Integer)require(key, Kind.INT);
    }

    @Override
    public void addDouble(final String key, final double value) {
        putLeaf(key, Kind.DOUBLE, value);
    }

    @Override
    public double getDouble(final String key) throws InvalidSettingsException {
        return (Double)require(key, Kind.DOUBLE);
    }

    @Override
    public void addLong(final String key, final long value) {
        putLeaf(key, Kind.LONG, value);
    }

    @Override
    public long getLong(final String key) throws InvalidSettingsException {
        return (Long)require(key, Kind.LONG);
    }

    @Override
    public void addString(final String key, final String value) {
        putLeaf(key, Kind.STRING, value);
    }

    @Override
    public String getString(final String key) throws InvalidSettingsException {
        return (String)require(key, Kind.STRING);
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(m_map.keySet());
    }

    @Override
    public boolean containsKey(final String key) {
        return m_map.containsKey(key);
    }

    @Override
    public boolean getBoolean(final String key) throws InvalidSettingsException {
        return (Boolean)require(key, Kind.BOOLEAN);
    }

    @Override
    public void addBoolean(final String key, final boolean value) {
        putLeaf(key, Kind.BOOLEAN, value);
    }

    @Override
    public int getInt(final String key, final int def) {
        final Leaf l = leaf(key, Kind.INT);
        return l == null ? def : (Integer)l.m_value;
    }

    @Override
    public double getDouble(final String key, final double def) {
        final Leaf l = leaf(key, Kind.DOUBLE);
        return l == null ? def : (Double)l.m_value;
    }

    @Override
    public long getLong(final String key, final long def) {
        final Leaf l = leaf(key, Kind.LONG);
        return l == null ? def : (Long)l.m_value;
    }

    @Override
    public boolean getBoolean(final String key, final boolean def) {
        final Leaf l = leaf(key, Kind.BOOLEAN);
        return l == null ? def : (Boolean)l.m_value;
    }

    @Override
    public String getString(final String key, final String def) {
        final Leaf l = leaf(key, Kind.STRING);
        return l == null ? def : (String)l.m_value;
    }

    @Override
    public void addShort(final String key, final short value) {
        putLeaf(key, Kind.SHORT, value);
    }

    @Override
    public short getShort(final String key) throws InvalidSettingsException {
        return (Short)require(key, Kind.SHORT);
    }

    @Override
    public short getShort(final String key, final short def) {
        final Leaf l = leaf(key, Kind.SHORT);
        return l == null ? def : (Short)l.m_value;
    }

    @Override
    public void addByte(final String key, final byte value) {
        putLeaf(key, Kind.BYTE, value);
    }

    @Override
    public byte getByte(final String key) throws InvalidSettingsException {
        return (Byte)require(key, Kind.BYTE);
    }

    @Override
    public byte getByte(final String key, final byte def) {
        final Leaf l = leaf(key, Kind.BYTE);
        return l == null ? def : (Byte)l.m_value;
    }

    @Override
    public boolean[] getBooleanArray(final String key) throws InvalidSettingsException {
        final ConfigBase config = getConfigBase(key);
        final int size = config.getInt(CFG_ARRAY_SIZE, -1);
        if (size < 0) {
            return null; // NOSONAR KNIME semantics: a null array is a nested config without a size
        }
        final boolean[] result = new boolean[size];
        for (int i = 0; i < size; i++) {
            result[i] = config.getBoolean(Integer.toString(i));
        }
        return result;
    }

    @Override
    public boolean[] getBooleanArray(final String key, final boolean... def) {
        try {
            return getBooleanArray(key);
        } catch (InvalidSettingsException e) { // NOSONAR absence means default
            return def;
        }
    }

    @Override
    public void addBooleanArray(final String key, final boolean... values) {
        final ConfigBase config = addConfigBase(key);
        if (values != null) {
            config.addInt(CFG_ARRAY_SIZE, values.length);
            for (int i = 0; i < values.length; i++) {
                config.addBoolean(Integer.toString(i), values[i]);
            }
        }
    }

    /**
     * Writes this config in KNIME's XML config format (the {@code settings.xml} and {@code workflow.knime} format),
     * byte for byte as KNIME writes it; the stream is closed when finished, as in KNIME.
     *
     * @param os the stream to write to
     * @throws IOException if writing fails
     */
    @Override
    public final void saveToXML(final OutputStream os) throws IOException {
        if (os == null) {
            throw new NullPointerException();
        }
        try (os) {
            ConfigXml.write(this, os);
        }
    }

    /**
     * Reads KNIME's XML config format into {@code config}, which takes the root's key; the stream is closed.
     *
     * @param config the config to fill, empty
     * @param in the XML
     * @return {@code config}
     * @throws IOException if the stream cannot be read or is no XML config
     */
    protected static ConfigBase loadFromXML(final ConfigBase config, final InputStream in) throws IOException {
        if (in == null) {
            throw new NullPointerException();
        }
        try (in) {
            ConfigXml.read(config, in);
        }
        return config;
    }

    /** For {@link ConfigXml}: the XML type of a value entry, or null for a nested config. */
    final String xmlType(final String key) {
        final Object o = m_map.get(key);
        return o instanceof Leaf ? ((Leaf)o).m_kind.xmlType() : null;
    }

    /** For {@link ConfigXml}: the nested config under the key, null when the key holds a value. */
    final ConfigBase getConfigBaseOrNull(final String key) {
        final Object o = m_map.get(key);
        return o instanceof ConfigBase ? (ConfigBase)o : null;
    }

    /** For {@link ConfigXml}: a value entry as KNIME writes it, null for a null string. */
    final String xmlValue(final String key) {
        final Object v = ((Leaf)m_map.get(key)).m_value;
        return v == null ? null : v.toString();
    }

    /** For {@link ConfigXml}: adds an entry read from XML, with KNIME's type names and value formats. */
    final void putXmlEntry(final String key, final String type, final String value) throws IOException {
        for (final Kind k : Kind.values()) {
            if (k.xmlType().equals(type)) {
                if (value == null && k != Kind.STRING) {
                    throw new IOException("Entry \"" + key + "\" of type " + type + " is null; only strings can be");
                }
                putLeaf(key, k, value == null ? null : parse(k, key, value));
                return;
            }
        }
        throw new IOException("Entry \"" + key + "\" has type \"" + type
            + "\", which the API subset does not model (it reads xstring, xint, xlong, xdouble, xboolean, xshort, xbyte)");
    }

    private static Object parse(final Kind kind, final String key, final String value) throws IOException {
        try {
            switch (kind) {
                case INT:
                    return Integer.parseInt(value);
                case DOUBLE:
                    return Double.parseDouble(value);
                case LONG:
                    return Long.parseLong(value);
                case SHORT:
                    return Short.parseShort(value);
                case BYTE:
                    return Byte.parseByte(value);
                case BOOLEAN:
                    if (!"true".equals(value) && !"false".equals(value)) {
                        throw new NumberFormatException("not true or false");
                    }
                    return Boolean.valueOf(value);
                default:
                    return value;
            }
        } catch (NumberFormatException e) {
            throw new IOException("Entry \"" + key + "\" of type " + kind.xmlType() + " has the value \"" + value
                + "\": " + e.getMessage(), e);
        }
    }

    /** For {@link ConfigXml}: renames the root config to the key stored in the file. */
    final void setRootKey(final String key) {
        setKey(key);
    }

    @Override
    public String[] getStringArray(final String key) throws InvalidSettingsException {
        final ConfigBase config = getConfigBase(key);
        final int size = config.getInt(CFG_ARRAY_SIZE, -1);
        if (size < 0) {
            // KNIME stores a null array as a nested config without a size
            return null; // NOSONAR KNIME semantics
        }
        final String[] result = new String[size];
        for (int i = 0; i < size; i++) {
            result[i] = config.getString(Integer.toString(i));
        }
        return result;
    }

    @Override
    public String[] getStringArray(final String key, final String... def) {
        try {
            return getStringArray(key);
        } catch (InvalidSettingsException e) { // NOSONAR absence means default
            return def;
        }
    }

    @Override
    public void addStringArray(final String key, final String... values) {
        final ConfigBase config = addConfigBase(key);
        if (values != null) {
            config.addInt(CFG_ARRAY_SIZE, values.length);
            for (int i = 0; i < values.length; i++) {
                config.addString(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public final Iterator<String> iterator() {
        return keySet().iterator();
    }

    @Override
    public String toString() {
        final StringBuilder b = new StringBuilder(getKey()).append(" {");
        for (Map.Entry<String, Object> e : m_map.entrySet()) {
            final Object v = e.getValue();
            b.append(' ').append(e.getKey()).append('=');
            b.append(v instanceof Leaf ? String.valueOf(((Leaf)v).m_value) : String.valueOf(v));
        }
        return b.append(" }").toString();
    }
}
