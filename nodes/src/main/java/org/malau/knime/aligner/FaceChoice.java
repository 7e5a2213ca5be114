package org.malau.knime.aligner;

import java.util.List;

import org.malau.face.FaceSelection;
import org.malau.knime.common.Choice;

/**
 * Which detected faces the Face Aligner aligns, as its dialog shows it; settings store the engine's
 * {@link FaceSelection#name()}. Release 0.1 stored the drop-down's texts, which still load.
 */
enum FaceChoice implements Choice {
    /** The largest face of each image. */
    LARGEST(FaceSelection.LARGEST, "Largest face", "One row per image: its largest face"),
    /** Every face, one output row each. */
    ALL(FaceSelection.ALL, "All faces", "One row per detected face, largest first");

    private final FaceSelection m_selection;

    private final String m_text;

    private final String m_toolTip;

    FaceChoice(final FaceSelection selection, final String text, final String toolTip) {
        m_selection = selection;
        m_text = text;
        m_toolTip = toolTip;
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
    public String text() {
        return m_text;
    }

    @Override
    public String toolTip() {
        return m_toolTip;
    }

    @Override
    public List<String> legacyValues() {
        return List.of(m_text);
    }

    @Override
    public boolean isDefault() {
        return this == LARGEST;
    }
}
