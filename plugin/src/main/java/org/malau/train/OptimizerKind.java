package org.malau.train;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/** The optimisers theta can be trained with, by the name users choose and model headers record. */
public enum OptimizerKind {
    /** {@link Adam}: a per-parameter step size from the gradient's moments (the default). */
    ADAM("adam", true, Adam::new),
    /** {@link MomentumSgd} with momentum 0.9: one step size for every parameter. */
    SGD("sgd", false, size -> new MomentumSgd(size, 0.9));

    private final String id;
    private final boolean adaptive;
    private final IntFunction<Optimizer> factory;

    OptimizerKind(String id, boolean adaptive, IntFunction<Optimizer> factory) {
        this.id = id;
        this.adaptive = adaptive;
        this.factory = factory;
    }

    /** {@code adam} or {@code sgd}. */
    public String id() {
        return id;
    }

    /** Whether it scales each parameter's step by the gradient's history (so the learning rate is a step size). */
    public boolean adaptive() {
        return adaptive;
    }

    /** A new optimiser of this kind for a vector of {@code size} parameters. */
    public Optimizer create(int size) {
        return factory.apply(size);
    }

    /** Every id, default first. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(OptimizerKind::id).toList();
    }

    /** @throws IllegalArgumentException naming the valid choices */
    public static OptimizerKind of(String id) {
        for (OptimizerKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + id + "', expected one of " + ids());
    }
}
