package org.malau.demo;

/** Progress of a demo run; the command line draws it as a progress bar. */
public interface DemoListener {
    /** A phase of the plan starts. */
    void phaseStarted(DemoPlan.Phase phase);

    /** Progress within the current phase: {@code fraction} 0..1 and what is happening, e.g. iteration and loss. */
    void progress(double fraction, String message);

    /** A phase is done; {@code seconds} is its wall time. */
    default void phaseFinished(DemoPlan.Phase phase, double seconds) {
    }

    /** Something the user should know, e.g. a meta split that is not subject-disjoint. */
    default void warning(String message) {
    }

    static DemoListener silent() {
        return new DemoListener() {
            @Override
            public void phaseStarted(DemoPlan.Phase phase) {
            }

            @Override
            public void progress(double fraction, String message) {
            }
        };
    }
}
