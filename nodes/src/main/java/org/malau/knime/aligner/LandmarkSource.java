package org.malau.knime.aligner;

import java.util.List;

import org.malau.knime.common.Choice;

/**
 * Where the Face Aligner takes a face's landmarks from, as its dialog shows it; settings store {@link #name()}.
 * Release 0.1 stored the drop-down's texts, which still load ({@link #legacyValues()}).
 */
enum LandmarkSource implements Choice {
    /** None: the faces are detected. */
    DETECT("None: detect faces", "Detect the faces and locate their eyes", "None: detect faces"),
    /** Four columns with the two eye centres. */
    EYE_COLUMNS("Eye center columns", "Four number columns with the image-left and image-right eye centers",
        "Eye center columns", "Eye centre columns"),
    /** One string column {@code x1;y1;x2;y2;...} as the MAL reader and generator nodes write it. */
    LANDMARKS_COLUMN("Landmarks column", "One string column x1;y1;x2;y2;... (2, 5, 68, 83, 106 or 189 points)",
        "Landmarks column");

    private final String m_text;

    private final String m_toolTip;

    private final List<String> m_legacy;

    LandmarkSource(final String text, final String toolTip, final String... legacy) {
        m_text = text;
        m_toolTip = toolTip;
        m_legacy = List.of(legacy);
    }

    @Override
    public String id() {
        return name();
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
        return m_legacy;
    }

    @Override
    public boolean isDefault() {
        return this == DETECT;
    }
}
