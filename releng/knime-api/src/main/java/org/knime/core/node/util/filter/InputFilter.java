package org.knime.core.node.util.filter;

/**
 * Compile-only subset of KNIME's {@code InputFilter}: decides which items (e.g. column specs) a name filter offers
 * at all.
 *
 * @param <T> the type of the filtered items
 */
public abstract class InputFilter<T> {

    /**
     * @param name the item to check
     * @return whether the filter offers the item
     */
    public abstract boolean include(final T name);
}
