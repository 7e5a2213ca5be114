package org.malau.knime.common;

import java.util.Arrays;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.util.ButtonGroupEnumInterface;

/**
 * An option of a dialog's radio buttons ({@code DialogComponentButtonGroup}) that settings store by id and dialogs
 * and views show by a readable text, e.g. the training strategies: implemented by enums, whose constants give their
 * {@link #id()}, {@link #text()} and {@link #toolTip()}.
 */
public interface Choice extends ButtonGroupEnumInterface {
    /** @return the id stored in the settings, e.g. {@code mal} */
    String id();

    /** @return the readable text, e.g. {@code Meta Auxiliary Learning (MAL)} */
    String text();

    /** @return the tool tip, or null */
    String toolTip();

    /**
     * @return what earlier versions stored for this choice instead of its id (they stored the drop-down's text),
     *         read from their workflows and saved as the id from then on
     */
    default List<String> legacyValues() {
        return List.of();
    }

    @Override
    default String getText() {
        return text();
    }

    @Override
    default String getActionCommand() {
        return id();
    }

    @Override
    default String getToolTip() {
        return toolTip();
    }

    /**
     * @param choices an enum's constants
     * @param id a stored id
     * @return the choice of that id, or null for an id this version does not know
     */
    static <C extends Choice> C byId(final C[] choices, final String id) {
        for (final C c : choices) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }

    /**
     * @param choices an enum's constants
     * @param stored a stored id, or what an earlier version stored ({@link #legacyValues()})
     * @return the choice, or null for a value this version does not know
     */
    static <C extends Choice> C byStoredValue(final C[] choices, final String stored) {
        final C c = byId(choices, stored);
        if (c != null) {
            return c;
        }
        for (final C l : choices) {
            if (l.legacyValues().contains(stored)) {
                return l;
            }
        }
        return null;
    }

    /**
     * @param choices an enum's constants
     * @param stored a stored id or earlier value
     * @param setting the setting's name as the dialog shows it, for the message
     * @return the choice
     * @throws InvalidSettingsException naming the setting, the value and the choices when the value is none of them
     */
    static <C extends Choice> C parse(final C[] choices, final String stored, final String setting)
        throws InvalidSettingsException {
        final C c = byStoredValue(choices, stored);
        if (c == null) {
            throw new InvalidSettingsException(setting + " \"" + stored + "\" is none of "
                + Arrays.stream(choices).map(x -> x.id() + " (" + x.text() + ")").toList());
        }
        return c;
    }
}
