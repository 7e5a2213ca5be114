package org.malau.knime.common;

import java.util.function.Predicate;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.util.filter.InputFilter;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;
import org.malau.data.AuLabels;

/**
 * The rules for AU label columns, for every node that picks them with a column filter (MAL Learner, AU Scorer): which
 * AU a column is (read from its name by the engine's one naming rule, {@link AuLabels}), which columns a filter includes before the user chose any, and the messages
 * for chosen columns that are gone, mistyped or ambiguous.
 */
public final class AuColumns {
    private AuColumns() {
    }

    /** @return whether the whole name reads as an AU occurrence column (a truth column), e.g. {@code AU01} */
    public static boolean isOccurrenceName(final String name) {
        return AuLabels.parseColumnName(name) > 0;
    }

    /**
     * @return the AU number mentioned in a chosen column's name ({@code AU01}, {@code AU12 label},
     *         {@code Prediction (AU12)}), or -1 when it names no AU
     */
    public static int auCode(final String name) {
        return AuLabels.findInName(name);
    }

    /**
     * The columns an AU column filter includes. A filter the user never configured (nothing listed either way) first
     * includes the number columns that {@code defaultRule} accepts and excludes the others, as KNIME nodes
     * auto-configure in configure; columns added to the table later are then excluded.
     *
     * @param filter the filter over number columns
     * @param in the table
     * @param defaultRule the names included before the user chooses
     * @param what how messages call such a column, e.g. {@code AU column}
     * @param table how messages call the table, e.g. {@code AU table}
     * @return the included names, at least one
     * @throws InvalidSettingsException naming a chosen column that is gone or no longer holds numbers, a column the
     *             default rule takes that holds no numbers, or the lack of any column
     */
    public static String[] included(final SettingsModelColumnFilter2 filter, final DataTableSpec in,
        final Predicate<String> defaultRule, final String what, final String table) throws InvalidSettingsException {
        final FilterResult configured = filter.applyTo(new DataTableSpec());
        if (configured.getRemovedFromIncludes().length == 0 && configured.getRemovedFromExcludes().length == 0) {
            boolean any = false;
            for (final DataColumnSpec col : in) {
                if (defaultRule.test(col.getName())) {
                    if (!col.getType().isCompatible(DoubleValue.class)) {
                        throw new InvalidSettingsException(what + " \"" + col.getName() + "\" holds " + col.getType()
                            + "; it must hold occurrences 0/1 (numbers or booleans)");
                    }
                    any = true;
                }
            }
            if (!any) {
                throw new InvalidSettingsException("The " + table + " has no " + what + "s (e.g. "
                    + example(defaultRule) + "); choose them in the dialog");
            }
            filter.loadDefaults(in, new InputFilter<DataColumnSpec>() {
                @Override
                public boolean include(final DataColumnSpec column) {
                    return defaultRule.test(column.getName());
                }
            }, true);
        }
        final FilterResult r = filter.applyTo(in);
        for (final String name : r.getRemovedFromIncludes()) {
            final int i = in.findColumnIndex(name);
            throw new InvalidSettingsException(i < 0 ? what + " \"" + name + "\" is not in the " + table
                : what + " \"" + name + "\" holds " + in.getColumnSpec(i).getType()
                    + "; it must hold occurrences 0/1 (numbers or booleans)");
        }
        if (r.getIncludes().length == 0) {
            throw new InvalidSettingsException("No " + what + " is included; include the " + what + "s in the dialog");
        }
        return r.getIncludes();
    }

    private static String example(final Predicate<String> rule) {
        for (final String s : new String[]{"AU01", "Prediction (AU01)", "AU01 label"}) {
            if (rule.test(s)) {
                return s;
            }
        }
        return "AU01";
    }

    /**
     * @param in the table
     * @param names the chosen columns
     * @param what how messages call such a column
     * @return {column indices, AU numbers} of the columns, in the given order
     * @throws InvalidSettingsException naming a column whose name gives no AU, or two columns of the same AU
     */
    public static int[][] codes(final DataTableSpec in, final String[] names, final String what)
        throws InvalidSettingsException {
        final int[] idx = new int[names.length];
        final int[] codes = new int[names.length];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = in.findColumnIndex(names[k]);
            codes[k] = auCode(names[k]);
            if (codes[k] < 0) {
                throw new InvalidSettingsException(what + " \"" + names[k]
                    + "\" is not named AU and the AU number (e.g. AU01, AU12_c), so its AU is unknown; rename or "
                    + "exclude it");
            }
            for (int j = 0; j < k; j++) {
                if (codes[j] == codes[k]) {
                    throw new InvalidSettingsException(what + "s \"" + names[j] + "\" and \"" + names[k]
                        + "\" are both AU " + codes[k] + "; exclude one of them");
                }
            }
        }
        return new int[][]{idx, codes};
    }
}
