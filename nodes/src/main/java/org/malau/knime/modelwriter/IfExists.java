package org.malau.knime.modelwriter;

import org.malau.knime.common.Choice;

/** What the MAL Model Writer does when the file exists, as KNIME's writers offer it; stored by id. */
enum IfExists implements Choice {
    /** Stop with an error; the file stays. */
    FAIL("fail", "Fail", "Stop with an error and leave the existing file as it is"),
    /** Replace the file. */
    OVERWRITE("overwrite", "Overwrite", "Replace the existing file"),
    /** Keep the file and write nothing. */
    IGNORE("ignore", "Ignore (keep the existing file)", "Write nothing and keep the existing file, with a warning");

    private final String m_id;

    private final Label m_label;

    IfExists(final String id, final String text, final String toolTip) {
        m_id = id;
        m_label = new Label(text, toolTip);
    }

    @Override
    public String id() {
        return m_id;
    }

    @Override
    public Label label() {
        return m_label;
    }

    /** @return the policy of a stored id, or null for an unknown one */
    static IfExists of(final String id) {
        return Choice.byId(values(), id);
    }

    @Override
    public boolean isDefault() {
        return this == FAIL;
    }
}
