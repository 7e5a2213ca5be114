package org.malau.knime.common;

import java.util.List;

import org.malau.data.readers.MissingImagePolicy;

/**
 * What the data set readers do when an image file is missing, as their dialogs show it; settings store the engine
 * policy's name. Release 0.1 stored the drop-down's text ("Fail", "Skip and warn"), which still loads.
 */
public enum MissingImagesChoice implements Choice {
    /** Stop with an error naming the label file, line and image. */
    FAIL(MissingImagePolicy.FAIL, "Fail", "Stop with an error that names the label file, its line and the missing image"),
    /** Leave the row out and say how many were left out. */
    SKIP(MissingImagePolicy.SKIP, "Skip and warn", "Leave the sample out and warn how many were left out");

    private final MissingImagePolicy m_policy;

    private final String m_text;

    private final String m_toolTip;

    MissingImagesChoice(final MissingImagePolicy policy, final String text, final String toolTip) {
        m_policy = policy;
        m_text = text;
        m_toolTip = toolTip;
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
    public String text() {
        return m_text;
    }

    @Override
    public String toolTip() {
        return m_toolTip;
    }

    @Override
    public List<String> legacyValues() {
        // release 0.1 stored the text
        return List.of(m_text);
    }

    @Override
    public boolean isDefault() {
        return this == FAIL;
    }
}
