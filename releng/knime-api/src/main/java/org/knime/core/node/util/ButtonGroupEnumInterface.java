package org.knime.core.node.util;

/**
 * Compile-only subset of KNIME's {@code ButtonGroupEnumInterface} (bundle org.knime.core): one option of a
 * {@link org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup}, the text shown and the action command
 * stored. Usually implemented by an enum.
 */
public interface ButtonGroupEnumInterface {

    /** @return the text to display */
    public String getText();

    /** @return the action command of this option, unique within its group; the value the settings model stores */
    public String getActionCommand();

    /** @return the tool tip of this option, or null */
    public String getToolTip();

    /** @return whether this option is selected when the model's value matches none */
    public boolean isDefault();
}
