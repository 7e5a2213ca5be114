package org.malau.knime.aligner;

import java.util.Arrays;

import org.malau.face.AlignOptions;
import org.malau.face.EyeMethod;
import org.malau.knime.common.Choice;

/**
 * How the Face Aligner locates the eyes of a detected face, as its dialog shows it; settings store the engine's
 * {@link EyeMethod#id()}, the name the command line takes too. Earlier versions stored the drop-down's texts, which
 * still load.
 */
enum EyeChoice implements Choice {
    /** From face-api.js's pretrained 68-point landmark network (LibTorch). */
    LANDMARKS_68(EyeMethod.LANDMARKS_68, Label.storedAsText("68 landmarks (pretrained network)",
        "Eye centers from the eye contours of face-api.js's 68-point landmark network; needs LibTorch")),
    /** From OpenCV's eye cascades (the method before the landmark network). */
    CASCADE(EyeMethod.CASCADE,
        Label.storedAsText("Eye cascades", "OpenCV's eye cascades with pupil refinement; no LibTorch needed"));

    private final EyeMethod m_method;

    private final Label m_label;

    EyeChoice(final EyeMethod method, final Label label) {
        m_method = method;
        m_label = label;
    }

    /** @return the engine's method */
    EyeMethod method() {
        return m_method;
    }

    /** @return the choice of the engine's method */
    static EyeChoice of(final EyeMethod method) {
        return Arrays.stream(values()).filter(c -> c.m_method == method).findFirst().orElseThrow();
    }

    @Override
    public String id() {
        return m_method.id();
    }

    @Override
    public Label label() {
        return m_label;
    }

    @Override
    public boolean isDefault() {
        return m_method == AlignOptions.defaults().eyes();
    }
}
