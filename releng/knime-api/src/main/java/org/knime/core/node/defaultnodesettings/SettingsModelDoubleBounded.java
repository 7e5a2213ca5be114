package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

/**
 * Compile-only subset of KNIME's {@code SettingsModelDoubleBounded}; semantics implemented in memory for tests.
 * Values outside [min, max] are rejected by the setter (IllegalArgumentException) and by validating or loading
 * settings (InvalidSettingsException).
 */
public class SettingsModelDoubleBounded extends SettingsModelDouble {

    private final double m_minValue;

    private final double m_maxValue;

    /**
     * @param configName the settings key
     * @param defaultValue the initial value, within the bounds
     * @param minValue the smallest valid value
     * @param maxValue the largest valid value
     * @throws IllegalArgumentException if min &gt; max or the default is out of bounds
     */
    public SettingsModelDoubleBounded(final String configName, final double defaultValue, final double minValue,
        final double maxValue) {
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
    protected SettingsModelDoubleBounded createClone() {
        return new SettingsModelDoubleBounded(getConfigName(), getDoubleValue(), m_minValue, m_maxValue);
    }

    /** @return the smallest valid value */
    public double getLowerBound() {
        return m_minValue;
    }

    /** @return the largest valid value */
    public double getUpperBound() {
        return m_maxValue;
    }

    @Override
    protected void validateValue(final double value) throws InvalidSettingsException {
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
    public void setDoubleValue(final double newValue) {
        checkBounds(newValue);
        super.setDoubleValue(newValue);
    }

    private void checkBounds(final double val) {
        if (val < m_minValue || m_maxValue < val) {
            throw new IllegalArgumentException(
                "Value (=" + val + ") must be within the range [" + m_minValue + "..." + m_maxValue + "].");
        }
    }
}
