package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

/**
 * Compile-only subset of KNIME's {@code SettingsModelIntegerBounded}; semantics implemented in memory for tests.
 * Values outside [min, max] are rejected by the setter (IllegalArgumentException) and by validating or loading
 * settings (InvalidSettingsException).
 */
public class SettingsModelIntegerBounded extends SettingsModelInteger {

    private final int m_minValue;

    private final int m_maxValue;

    /**
     * @param configName the settings key
     * @param defaultValue the initial value, within the bounds
     * @param minValue the smallest valid value
     * @param maxValue the largest valid value
     * @throws IllegalArgumentException if min &gt; max or the default is out of bounds
     */
    public SettingsModelIntegerBounded(final String configName, final int defaultValue, final int minValue,
        final int maxValue) {
        super(configName, defaultValue);
        if (minValue > maxValue) {
            throw new IllegalArgumentException("Specified min value must be smaller than the max value.");
        }
        m_minValue = minValue;
        m_maxValue = maxValue;
        try {
            checkBounds(defaultValue);
        } catch (IllegalArgumentException iae) {
            throw new IllegalArgumentException("InitialValue: " + iae.getMessage(), iae);
        }
    }

    @SuppressWarnings("unchecked")
    @Override
    protected SettingsModelIntegerBounded createClone() {
        return new SettingsModelIntegerBounded(getConfigName(), getIntValue(), m_minValue, m_maxValue);
    }

    /** @return the smallest valid value */
    public int getLowerBound() {
        return m_minValue;
    }

    /** @return the largest valid value */
    public int getUpperBound() {
        return m_maxValue;
    }

    @Override
    protected void validateValue(final int value) throws InvalidSettingsException {
        super.validateValue(value);
        try {
            checkBounds(value);
        } catch (IllegalArgumentException iae) {
            throw new InvalidSettingsException(iae.getMessage(), iae);
        }
    }

    /**
     * @param newValue the new value
     * @throws IllegalArgumentException if it is out of bounds
     */
    @Override
    public void setIntValue(final int newValue) {
        checkBounds(newValue);
        super.setIntValue(newValue);
    }

    private void checkBounds(final int val) {
        if (val < m_minValue || m_maxValue < val) {
            throw new IllegalArgumentException(
                "Value (=" + val + ") must be within the range [" + m_minValue + "..." + m_maxValue + "].");
        }
    }
}
