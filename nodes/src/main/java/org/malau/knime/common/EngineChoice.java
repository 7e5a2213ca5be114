package org.malau.knime.common;

import org.malau.model.NetworkEngines;

/**
 * The network engines as the dialogs show them; settings and model files keep the engine's name
 * ({@code libtorch}, {@code dl4j}). Workflows saved before the choice existed ran on DL4J and keep
 * it ({@link #OLD_WORKFLOWS}), so that they give the results they gave.
 */
public enum EngineChoice implements Choice {
    /** LibTorch, the default. */
    LIBTORCH(NetworkEngines.LIBTORCH, "LibTorch (default)",
        "About ten times faster than DL4J on this network; MAL's meta-gradient can be exact. "
            + "Falls back to DL4J with a warning where its native libraries cannot load"),
    /** DL4J. */
    DL4J(NetworkEngines.DL4J, "DL4J", "Deeplearning4j on the CPU; slower, fully supported");

    /** The engine of workflows saved before this setting existed. */
    public static final String OLD_WORKFLOWS = NetworkEngines.DL4J;

    private final String m_id;

    private final Label m_label;

    EngineChoice(final String id, final String text, final String toolTip) {
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

    @Override
    public boolean isDefault() {
        return m_id.equals(NetworkEngines.DEFAULT);
    }
}
