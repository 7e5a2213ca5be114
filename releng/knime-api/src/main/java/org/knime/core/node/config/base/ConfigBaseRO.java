package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;

/**
 * Compile-only subset of KNIME's {@code ConfigBaseRO} (bundle org.knime.core.util); semantics implemented in memory
 * for tests.
 */
public interface ConfigBaseRO extends Iterable<String> {

    /**
     * @param key the key
     * @return the nested config
     * @throws InvalidSettingsException if there is no nested config for the key
     */
    public ConfigBase getConfigBase(String key) throws InvalidSettingsException;

    /** @return this config's key */
    public String getKey();

    /**
     * @param key the key
     * @return the value
     * @throws InvalidSettingsException if there is no int for the key
     */
    public int getInt(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @return the value
     * @throws InvalidSettingsException if there is no double for the key
     */
    public double getDouble(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @return the value
     * @throws InvalidSettingsException if there is no long for the key
     */
    public long getLong(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @return the value (may be null)
     * @throws InvalidSettingsException if there is no string for the key
     */
    public String getString(final String key) throws InvalidSettingsException;

    /** @return the keys in insertion order, unmodifiable */
    public Set<String> keySet();

    /**
     * @param key the key
     * @return whether an entry of any type exists for the key
     */
    public boolean containsKey(final String key);

    /**
     * @param key the key
     * @return the value
     * @throws InvalidSettingsException if there is no boolean for the key
     */
    public boolean getBoolean(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def returned if there is no int for the key
     * @return the value or def
     */
    public int getInt(final String key, final int def);

    /**
     * @param key the key
     * @param def returned if there is no double for the key
     * @return the value or def
     */
    public double getDouble(final String key, final double def);

    /**
     * @param key the key
     * @param def returned if there is no long for the key
     * @return the value or def
     */
    public long getLong(final String key, final long def);

    /**
     * @param key the key
     * @param def returned if there is no boolean for the key
     * @return the value or def
     */
    public boolean getBoolean(final String key, final boolean def);

    /**
     * @param key the key
     * @param def returned if there is no string for the key
     * @return the value or def
     */
    public String getString(final String key, final String def);

    /**
     * @param key the key
     * @return the array (null if null was stored)
     * @throws InvalidSettingsException if there is no string array for the key
     */
    public String[] getStringArray(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def returned if there is no string array for the key
     * @return the array or def
     */
    public String[] getStringArray(final String key, final String... def);

    @Override
    public Iterator<String> iterator();

    /**
     * Writes this config as KNIME's XML config format; the stream is closed when finished.
     *
     * @param os the stream to write to
     * @throws IOException if writing fails
     */
    public void saveToXML(final OutputStream os) throws IOException;

    /**
     * @param key the key
     * @return the short value
     * @throws InvalidSettingsException if there is no short under the key
     */
    public short getShort(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def returned when there is no short under the key
     * @return the short value or the default
     */
    public short getShort(final String key, final short def);

    /**
     * @param key the key
     * @return the byte value
     * @throws InvalidSettingsException if there is no byte under the key
     */
    public byte getByte(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def returned when there is no byte under the key
     * @return the byte value or the default
     */
    public byte getByte(final String key, final byte def);

    /**
     * @param key the key
     * @return the array, null when a null array was stored
     * @throws InvalidSettingsException if there is no array under the key
     */
    public boolean[] getBooleanArray(final String key) throws InvalidSettingsException;

    /**
     * @param key the key
     * @param def returned when there is no array under the key
     * @return the array or the default
     */
    public boolean[] getBooleanArray(final String key, final boolean... def);
}
