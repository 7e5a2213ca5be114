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
    /**
     * What a dialog shows of a choice.
     *
     * @param text the readable text, e.g. {@code Meta Auxiliary Learning (MAL)}
     * @param toolTip the tool tip, or null
     * @param legacyValues what earlier versions stored for the choice instead of its id (they stored the drop-down's
     *            text), read from their workflows and saved as the id from then on
     */
    record Label(String text, String toolTip, List<String> legacyValues) {
        public Label {
            legacyValues = List.copyOf(legacyValues);
        }

        /** A label of a choice that was always stored by its id. */
        public Label(final String text, final String toolTip) {
            this(text, toolTip, List.of());
        }

        /** A label of a choice that release 0.1 stored by this text (and any other texts given). */
        public static Label storedAsText(final String text, final String toolTip, final String... alsoStored) {
            final List<String> legacy = new java.util.ArrayList<>(List.of(text));
            legacy.addAll(List.of(alsoStored));
            return new Label(text, toolTip, legacy);
        }
    }

    /** @return the id stored in the settings, e.g. {@code mal} */
    String id();

    /** @return what the dialog shows */
    Label label();

    /** @return the readable text, e.g. {@code Meta Auxiliary Learning (MAL)} */
    default String text() {
        return label().text();
    }

    /** @return the tool tip, or null */
    default String toolTip() {
        return label().toolTip();
    }

    /** @return what earlier versions stored for this choice instead of its id */
    default List<String> legacyValues() {
        return label().legacyValues();
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
