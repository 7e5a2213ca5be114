package org.malau.knime.aligner;

import org.malau.knime.common.Choice;

/**
 * Where the Face Aligner takes a face's landmarks from, as its dialog shows it; settings store {@link #name()}.
 * Earlier versions stored the drop-down's texts, which still load.
 */
enum LandmarkSource implements Choice {
    /** None: the faces are detected. */
    DETECT(Label.storedAsText("None: detect faces", "Detect the faces and locate their eyes")),
    /** Four columns with the two eye centres (release 0.1 spelt the text "Eye centre columns"). */
    EYE_COLUMNS(Label.storedAsText("Eye center columns",
        "Four number columns with the image-left and image-right eye centers", "Eye centre columns")),
    /** One string column {@code x1;y1;x2;y2;...} as the MAL reader and generator nodes write it. */
    LANDMARKS_COLUMN(Label.storedAsText("Landmarks column",
        "One string column x1;y1;x2;y2;... (2, 5, 68, 83, 106 or 189 points)"));

    private final Label m_label;

    LandmarkSource(final Label label) {
        m_label = label;
    }

    @Override
    public String id() {
        return name();
    }

    @Override
    public Label label() {
        return m_label;
    }

    @Override
    public boolean isDefault() {
        return this == DETECT;
    }
}
