package org.knime.core.node.defaultnodesettings;

/**
 * Compile-only subset of KNIME's {@code SettingsModelNumber}; semantics implemented in memory for tests.
 */
public abstract class SettingsModelNumber extends SettingsModel {

    /** @return the value as text, for {@link DialogComponentNumber} */
    abstract String getNumberValueStr();

    /**
     * @param newValueStr the value as text
     * @throws IllegalArgumentException if the text is not a valid value for this model
     */
    abstract void setNumberValueStr(final String newValueStr);
}
