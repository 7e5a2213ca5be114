package org.malau.knime.weightviewer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The items with the highest or lowest weights, for the thumbnails. Ties keep the input order, so the same table
 * always gives the same thumbnails.
 */
final class ExtremeWeights {
    private ExtremeWeights() {
    }

    /** The {@code k} items of highest weight, highest first (all items when there are fewer). */
    static <T> List<T> highest(final List<T> items, final ToDoubleFunction<T> weight, final int k) {
        return first(items, Comparator.comparingDouble(weight).reversed(), k);
    }

    /** The {@code k} items of lowest weight, lowest first (all items when there are fewer). */
    static <T> List<T> lowest(final List<T> items, final ToDoubleFunction<T> weight, final int k) {
        return first(items, Comparator.comparingDouble(weight), k);
    }

    private static <T> List<T> first(final List<T> items, final Comparator<T> order, final int k) {
        final List<T> sorted = new ArrayList<>(items);
        sorted.sort(order); // List.sort is stable
        return List.copyOf(sorted.subList(0, Math.min(k, sorted.size())));
    }
}
