package org.malau.data.synth;

/** The two sets one generator call produces. */
public enum SynthSet {
    /** AU occurrence and intensity labels (and the expression), for the primary task and its meta split. */
    AU,
    /** Expression labels only, with known corruption, for the auxiliary task. */
    FE;

    /** Folder and CSV base name, e.g. {@code au}. */
    public String dirName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
