package org.malau.train;

/** Progress reports of a training run; KNIME forwards them to the node's progress monitor. */
public interface TrainingListener {
    /** Called every iteration. @param fraction 0..1 of the iteration budget */
    void progress(double fraction, String message);

    /** Called after each epoch's evaluation. */
    default void epochFinished(EpochRecord record) {
    }

    /** Warnings worth showing the user (e.g. a meta split that is not subject-disjoint). */
    default void warning(String message) {
    }

    /** A listener that ignores everything. */
    static TrainingListener silent() {
        return (f, m) -> { };
    }
}
