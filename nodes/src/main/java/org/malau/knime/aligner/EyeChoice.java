package org.malau.knime.aligner;

import java.util.List;

import org.malau.face.EyeMethod;
import org.malau.knime.common.Choice;

/**
 * How the Face Aligner locates the eyes of a detected face, as its dialog shows it; settings store the engine's
 * {@link EyeMethod#id()}, the name the command line takes too. Release 0.1 stored the drop-down's texts, which still
 * load.
 */
enum EyeChoice implements Choice {
    /** From face-api.js's pretrained 68-point landmark network (LibTorch). */
    LANDMARKS_68(EyeMethod.LANDMARKS_68, "68 landmarks (pretrained network)",
        "Eye centers from the eye contours of face-api.js's 68-point landmark network; needs LibTorch"),
    /** From OpenCV's eye cascades (the method before the landmark network). */
    CASCADE(EyeMethod.CASCADE, "Eye cascades", "OpenCV's eye cascades with pupil refinement; no LibTorch needed");

    private final EyeMethod m_method;

    private final String m_text;

    private final String m_toolTip;

    EyeChoice(final EyeMethod method, final String text, final String toolTip) {
        m_method = method;
        m_text = text;
        m_toolTip = toolTip;
    }

    /** @return the engine's method */
    EyeMethod method() {
        return m_method;
    }

    /** @return the choice of the engine's method */
    static EyeChoice of(final EyeMethod method) {
        for (final EyeChoice c : values()) {
            if (c.m_method == method) {
                return c;
            }
        }
        throw new IllegalArgumentException("no choice for " + method);
    }

    @Override
    public String id() {
        return m_method.id();
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
        return m_method == org.malau.face.AlignOptions.defaults().eyes();
    }
}
