package org.knime.core.data;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compile-only subset of KNIME's {@code DataType}; semantics implemented in memory for tests. The real class also
 * implements {@code IdentifiableType}; that is left out here.
 *
 * <p>
 * A type is described by its cell class and the {@link DataValue} interfaces that class implements, which is what
 * compatibility checks in KNIME are based on.
 */
public final class DataType {

    private static final Map<Class<? extends DataCell>, DataType> TYPES = new ConcurrentHashMap<>();

    private final Class<? extends DataCell> m_cellClass;

    private final List<Class<? extends DataValue>> m_valueClasses;

    private DataType(final Class<? extends DataCell> cellClass) {
        m_cellClass = cellClass;
        m_valueClasses = Collections.unmodifiableList(new ArrayList<>(collectValueClasses(cellClass)));
    }

    @SuppressWarnings("unchecked")
    private static Set<Class<? extends DataValue>> collectValueClasses(final Class<?> cellClass) {
        // breadth-first so that directly implemented interfaces come first (they name the type)
        final Set<Class<? extends DataValue>> result = new LinkedHashSet<>();
        final Deque<Class<?>> todo = new ArrayDeque<>();
        for (Class<?> c = cellClass; c != null; c = c.getSuperclass()) {
            Collections.addAll(todo, c.getInterfaces());
        }
        while (!todo.isEmpty()) {
            final Class<?> i = todo.poll();
            if (DataValue.class.isAssignableFrom(i) && result.add((Class<? extends DataValue>)i)) {
                Collections.addAll(todo, i.getInterfaces());
            }
        }
        return result;
    }

    /**
     * @param cell the cell class
     * @return the (cached) type of that cell class
     */
    public static DataType getType(final Class<? extends DataCell> cell) {
        Objects.requireNonNull(cell, "Cell class must not be null.");
        return TYPES.computeIfAbsent(cell, DataType::new);
    }

    /** @return the singleton missing cell */
    public static DataCell getMissingCell() {
        return MissingCell.INSTANCE;
    }

    /** @return the cell class this type was created from */
    public Class<? extends DataCell> getCellClass() {
        return m_cellClass;
    }

    private boolean isMissingType() {
        return MissingCell.class.equals(m_cellClass);
    }

    /**
     * @param valueClass a value interface
     * @return whether cells of this type can be treated as that value
     */
    public boolean isCompatible(final Class<? extends DataValue> valueClass) {
        for (Class<? extends DataValue> v : m_valueClasses) {
            if (valueClass.isAssignableFrom(v)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param type another type
     * @return whether every value this type offers is also offered by {@code type}, so that cells of {@code type} may
     *         be put into a column of this type; the missing type is a subtype of every type
     */
    public boolean isASuperTypeOf(final DataType type) {
        if (equals(type) || type.isMissingType()) {
            return true;
        }
        for (Class<? extends DataValue> v : m_valueClasses) {
            if (!type.isCompatible(v)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof DataType && ((DataType)other).m_cellClass.equals(m_cellClass);
    }

    @Override
    public int hashCode() {
        return m_cellClass.hashCode();
    }

    @Override
    public String toString() {
        if (isMissingType()) {
            return "Missing Value";
        }
        final Class<?> preferred = m_valueClasses.isEmpty() ? null : m_valueClasses.get(0);
        if (StringValue.class.equals(preferred)) {
            return "String";
        } else if (DoubleValue.class.equals(preferred)) {
            return "Number (double)";
        } else if (IntValue.class.equals(preferred)) {
            return "Number (integer)";
        } else if (LongValue.class.equals(preferred)) {
            return "Number (long)";
        } else if (BooleanValue.class.equals(preferred)) {
            return "Boolean";
        }
        return m_cellClass.getSimpleName();
    }
}
