package org.malau.model;

/**
 * A deep learning library that can run the multi-task network, found by name through
 * {@link NetworkEngines}. Adding an engine (for example a CUDA build) means one class implementing
 * this, one {@link MultiTaskNetwork}, and one line in {@link NetworkEngines}.
 */
public interface NetworkEngine {
    /** The name users choose and model files record, e.g. {@code libtorch}. */
    String name();

    /** The library and its version, for provenance and self-checks, e.g. {@code LibTorch 2.1.2}. */
    String description();

    /** Null when the engine's native libraries load on this machine, else why not, in one line. */
    String unavailableReason();

    /**
     * Null when this engine can run networks of {@code config}'s architecture, else why not (naming the
     * architecture and the engine that can run it).
     */
    default String unsupported(NetworkConfig config) {
        return null;
    }

    /** A freshly initialised network; the same seed gives the same theta. */
    MultiTaskNetwork create(NetworkConfig config, long seed);

    /** A network holding {@code parameters} (of any engine, in the neutral layout). */
    MultiTaskNetwork load(NetworkParameters parameters);
}
