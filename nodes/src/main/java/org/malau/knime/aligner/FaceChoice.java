package org.malau.knime.aligner;

import org.malau.face.FaceSelection;
import org.malau.knime.common.Choice;

/**
 * Which detected faces the Face Aligner aligns, as its dialog shows it; settings store the engine's
 * {@link FaceSelection#name()}. Earlier versions stored the drop-down's texts, which still load.
 */
enum FaceChoice implements Choice {
    /** The largest face of each image. */
    LARGEST(FaceSelection.LARGEST, Label.storedAsText("Largest face", "One row per image: its largest face")),
    /** Every face, one output row each. */
    ALL(FaceSelection.ALL, Label.storedAsText("All faces", "One row per detected face, largest first"));

    private final FaceSelection m_selection;

    private final Label m_label;

    FaceChoice(final FaceSelection selection, final Label label) {
        m_selection = selection;
        m_label = label;
    }

    /** @return the engine's selection */
    FaceSelection selection() {
        return m_selection;
    }

    @Override
    public String id() {
        return m_selection.name();
    }

    @Override
    public Label label() {
        return m_label;
    }

    @Override
    public boolean isDefault() {
        return this == LARGEST;
    }
}
