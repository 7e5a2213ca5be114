package org.malau.knime.common;

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
}
