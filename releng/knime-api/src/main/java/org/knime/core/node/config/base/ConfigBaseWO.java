package org.knime.core.node.config.base;

/**
 * Compile-only subset of KNIME's {@code ConfigBaseWO} (bundle org.knime.core.util); semantics implemented in memory
 * for tests.
 */
public interface ConfigBaseWO {

    /**
     * @param key the key
     * @return a new nested config, added under the key
     */
    ConfigBase addConfigBase(String key);

    /** @return this config's key */
    String getKey();

    /**
     * @param key the key
     * @param value the value
     */
    public void addInt(final String key, final int value);

    /**
     * @param key the key
     * @param value the value
     */
    public void addDouble(final String key, final double value);

    /**
     * @param key the key
     * @param value the value
     */
    public void addLong(final String key, final long value);

    /**
     * @param key the key
     * @param value the value (may be null)
     */
    public void addString(final String key, final String value);

    /**
     * @param key the key
     * @param value the value
     */
    public void addBoolean(final String key, final boolean value);

    /**
     * @param key the key
     * @param values the values (may be null)
     */
    public void addStringArray(final String key, final String... values);

    /**
     * @param key the key
     * @param value the value
     */
    public void addShort(final String key, final short value);

    /**
     * @param key the key
     * @param value the value
     */
    public void addByte(final String key, final byte value);

    /**
     * @param key the key
     * @param values the values, null for a null array
     */
    public void addBooleanArray(final String key, final boolean... values);
}
