package org.malau.data.synth;

/**
 * What to generate. Defaults train in minutes on two CPU cores: 40 AU subjects and 120 FE subjects
 * with 30 faces each (1,200 AU-labelled and 3,600 FE-labelled faces) at 128 x 128.
 *
 * @param seed master seed; the same seed gives byte-identical output
 * @param auSubjects subjects of the AU-labelled set
 * @param feSubjects subjects of the FE-labelled set (disjoint from the AU subjects)
 * @param perSubject faces per subject, in both sets
 * @param feLabelNoise fraction of FE samples whose expression label is replaced by another class
 * @param feUnrelated fraction of FE samples that carry no usable facial signal
 * @param size image width and height in pixels
 * @param nuisance whether to apply pose jitter, lighting, blur, noise and clutter
 */
public record SynthConfig(long seed, int auSubjects, int feSubjects, int perSubject, double feLabelNoise,
    double feUnrelated, int size, boolean nuisance) {

    public static final int MAX_SUBJECTS = 9999;
    public static final int MAX_PER_SUBJECT = 9999;
    public static final int MIN_SIZE = 32;
    public static final int MAX_SIZE = 1024;

    /** @throws IllegalArgumentException naming the first invalid setting and the accepted range */
    public SynthConfig {
        range("auSubjects", auSubjects, 1, MAX_SUBJECTS);
        range("feSubjects", feSubjects, 0, MAX_SUBJECTS);
        if (auSubjects + feSubjects > MAX_SUBJECTS) {
            throw new IllegalArgumentException("auSubjects + feSubjects must be at most " + MAX_SUBJECTS + " (subject ids have four digits), was "
                + (auSubjects + feSubjects));
        }
        range("perSubject", perSubject, 1, MAX_PER_SUBJECT);
        range("size", size, MIN_SIZE, MAX_SIZE);
        fraction("feLabelNoise", feLabelNoise);
        fraction("feUnrelated", feUnrelated);
        if (feLabelNoise + feUnrelated > 1.0) {
            throw new IllegalArgumentException("feLabelNoise + feUnrelated must be at most 1, was " + (feLabelNoise + feUnrelated));
        }
    }

    private static void range(String name, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + " must be between " + lo + " and " + hi + ", was " + v);
        }
    }

    private static void fraction(String name, double v) {
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new IllegalArgumentException(name + " must be a fraction between 0 and 1, was " + v);
        }
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Defaults with the given seed. */
    public static SynthConfig defaults(long seed) {
        return builder().seed(seed).build();
    }

    /** Number of faces in a set. */
    public int faces(SynthSet set) {
        return (set == SynthSet.AU ? auSubjects : feSubjects) * perSubject;
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private long seed = 1L;
        private int auSubjects = 40;
        private int feSubjects = 120;
        private int perSubject = 30;
        private double feLabelNoise = 0.2;
        private double feUnrelated = 0.1;
        private int size = 128;
        private boolean nuisance = true;

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder auSubjects(int v) {
            auSubjects = v;
            return this;
        }

        public Builder feSubjects(int v) {
            feSubjects = v;
            return this;
        }

        public Builder perSubject(int v) {
            perSubject = v;
            return this;
        }

        public Builder feLabelNoise(double v) {
            feLabelNoise = v;
            return this;
        }

        public Builder feUnrelated(double v) {
            feUnrelated = v;
            return this;
        }

        public Builder size(int v) {
            size = v;
            return this;
        }

        public Builder nuisance(boolean v) {
            nuisance = v;
            return this;
        }

        public SynthConfig build() {
            return new SynthConfig(seed, auSubjects, feSubjects, perSubject, feLabelNoise, feUnrelated, size, nuisance);
        }
    }
}
