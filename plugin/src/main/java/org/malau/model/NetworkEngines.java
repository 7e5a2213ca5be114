package org.malau.model;

import java.util.List;
import java.util.function.Consumer;

import org.malau.runtime.NativeRuntime;
import org.malau.runtime.TorchRuntime;

/**
 * The network engines by name: the one place that knows which implementations exist. LibTorch is
 * the default (about ten times DL4J's speed on this project's network, and it can differentiate a
 * gradient, which MAL's exact meta-gradient needs); DL4J stays fully supported and selectable.
 */
public final class NetworkEngines {
    public static final String LIBTORCH = TorchMultiTaskNetwork.ENGINE;
    public static final String DL4J = Dl4jMultiTaskNetwork.ENGINE;
    /** The engine used when the user chooses none. */
    public static final String DEFAULT = LIBTORCH;
    /** Every engine name, the default first. */
    public static final List<String> NAMES = List.of(LIBTORCH, DL4J);

    private static final NetworkEngine TORCH = new NetworkEngine() {
        @Override
        public String name() {
            return LIBTORCH;
        }

        @Override
        public String description() {
            return "LibTorch " + TorchRuntime.version() + " (org.bytedeco:pytorch, CPU)";
        }

        @Override
        public String unavailableReason() {
            return TorchRuntime.unavailableReason();
        }

        @Override
        public MultiTaskNetwork create(NetworkConfig config, long seed) {
            return TorchMultiTaskNetwork.create(config, seed);
        }

        @Override
        public MultiTaskNetwork load(NetworkParameters parameters) {
            return TorchMultiTaskNetwork.of(parameters);
        }
    };

    private static final NetworkEngine DEEPLEARNING4J = new NetworkEngine() {
        @Override
        public String name() {
            return DL4J;
        }

        @Override
        public String description() {
            return "DL4J " + Dl4jMultiTaskNetwork.LIBRARY_VERSION + " (CPU)";
        }

        @Override
        public String unavailableReason() {
            try {
                NativeRuntime.ensureNd4j();
                return null;
            } catch (RuntimeException | LinkageError e) {
                return "its native libraries for " + NativeRuntime.platform() + " could not be loaded (" + e.getMessage() + ")";
            }
        }

        @Override
        public String unsupported(NetworkConfig config) {
            return Dl4jMultiTaskNetwork.unsupported(config);
        }

        @Override
        public MultiTaskNetwork create(NetworkConfig config, long seed) {
            return Dl4jMultiTaskNetwork.create(config, seed);
        }

        @Override
        public MultiTaskNetwork load(NetworkParameters parameters) {
            return Dl4jMultiTaskNetwork.of(parameters);
        }
    };

    private NetworkEngines() {
    }

    /**
     * The engine called {@code name}, exactly as named.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static NetworkEngine byName(String name) {
        if (LIBTORCH.equals(name)) {
            return TORCH;
        }
        if (DL4J.equals(name)) {
            return DEEPLEARNING4J;
        }
        throw new IllegalArgumentException("unknown network engine '" + name + "', expected one of " + NAMES);
    }

    /**
     * The engine to run with: {@code name} when its natives load here, else DL4J, with a warning that
     * says why (LibTorch's natives are the larger and more platform-specific download).
     *
     * @param warnings receives the one-line reason when the engine falls back
     * @throws IllegalStateException when neither the named engine nor DL4J can run here
     */
    public static NetworkEngine usable(String name, Consumer<String> warnings) {
        return usable(name, null, warnings);
    }

    /**
     * The engine to run a network of {@code network}'s architecture with: as {@link #usable(String, Consumer)},
     * but an engine that does not implement that architecture is never chosen, and never fallen back to.
     *
     * @param network the architecture to run, null = any
     * @throws IllegalStateException when the named engine cannot run here, or cannot run this architecture, and no
     *     fallback can; the message names the architecture and the engine that can run it
     */
    public static NetworkEngine usable(String name, NetworkConfig network, Consumer<String> warnings) {
        NetworkEngine wanted = byName(name);
        String unsupported = network == null ? null : wanted.unsupported(network);
        if (unsupported != null) {
            throw new IllegalStateException(unsupported);
        }
        String why = wanted.unavailableReason();
        if (why == null) {
            return wanted;
        }
        if (!wanted.name().equals(DL4J)) {
            String dl4jCannot = network == null ? null : DEEPLEARNING4J.unsupported(network);
            if (dl4jCannot != null) {
                throw new IllegalStateException("the " + wanted.name() + " engine is not available (" + why
                    + "), and there is no fallback: " + dl4jCannot);
            }
            String dl4j = DEEPLEARNING4J.unavailableReason();
            if (dl4j == null) {
                warnings.accept("the " + wanted.name() + " engine is not available (" + why + "); using DL4J instead,"
                    + " which trains about ten times slower");
                return DEEPLEARNING4J;
            }
        }
        throw new IllegalStateException("the " + wanted.name() + " engine is not available: " + why);
    }
}
