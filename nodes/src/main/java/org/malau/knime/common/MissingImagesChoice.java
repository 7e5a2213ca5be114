package org.malau.knime.common;

import org.malau.data.readers.MissingImagePolicy;

/**
 * What the data set readers do when an image file is missing, as their dialogs show it; settings store the engine
 * policy's name. Earlier versions stored the drop-down's text ("Fail", "Skip and warn"), which still loads.
 */
public enum MissingImagesChoice implements Choice {
    /** Stop with an error naming the label file, line and image. */
    FAIL(MissingImagePolicy.FAIL,
        Label.storedAsText("Fail", "Stop with an error that names the label file, its line and the missing image")),
    /** Leave the row out and say how many were left out. */
    SKIP(MissingImagePolicy.SKIP,
        Label.storedAsText("Skip and warn", "Leave the sample out and warn how many were left out"));

    private final MissingImagePolicy m_policy;

    private final Label m_label;

    MissingImagesChoice(final MissingImagePolicy policy, final Label label) {
        m_policy = policy;
        m_label = label;
    }

    /** @return the engine's policy */
    public MissingImagePolicy policy() {
        return m_policy;
    }

    @Override
    public String id() {
        return m_policy.name();
    }

    @Override
    public Label label() {
        return m_label;
    }

    @Override
    public boolean isDefault() {
        return this == FAIL;
    }
}
