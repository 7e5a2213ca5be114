package org.malau.knime.learner;

import org.malau.knime.common.Choice;
import org.malau.train.Initialisation;

/**
 * The learner's network and where its weights start, as its dialog shows them; the settings keep the id (the
 * engine's initialisation names for the pretrained networks). Workflows saved before the choice existed trained the
 * small network from random weights and keep it ({@link #OLD_WORKFLOWS}).
 */
public enum NetworkChoice implements Choice {
    /** face-api.js's pretrained expression network, fine-tuned as recommended (the default). */
    EXPRESSION(Initialisation.FACE_API_EXPRESSION, "Pretrained face-api expression network (112x112 color, default)",
        "Fine-tunes a network trained on real faces: works with a few dozen labeled photos (LibTorch only)"),
    /** The backbone of face-api.js's pretrained landmark network, trained as recommended. */
    LANDMARKS(Initialisation.FACE_API_LANDMARKS, "Pretrained face-api landmark network (112x112 color)",
        "The backbone of the 68-point landmark network; the heads start random (LibTorch only)"),
    /** The small grayscale network from random weights, with the plain engine's training. */
    SMALL("small-random", "Small grayscale network from random weights",
        "Input size and width below; constant learning rate, no early stopping; fast, for large or synthetic sets");

    /** The network of workflows saved before this setting existed. */
    public static final String OLD_WORKFLOWS = "small-random";

    private final String m_id;

    private final Label m_label;

    NetworkChoice(final String id, final String text, final String toolTip) {
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
        return this == EXPRESSION;
    }
}
