package org.knime.core.node.util.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * Compile-only subset of KNIME's {@code NameFilterConfiguration}; semantics implemented in memory for tests.
 *
 * <p>
 * Settings are stored under the root key as in KNIME: {@code filter-type} ({@code STANDARD} or {@code name_pattern}),
 * {@code included_names} and {@code excluded_names} (string arrays), {@code enforce_option}
 * ({@code EnforceInclusion} or {@code EnforceExclusion}) and a nested {@code name_pattern} config with
 * {@code pattern}, {@code type} ({@code Wildcard} or {@code Regex}), {@code caseSensitive} and
 * {@code excludeMatching}. The standard filter keeps listed names on their side; names on neither list go to the
 * include side under {@code EnforceExclusion} and to the exclude side under {@code EnforceInclusion}; listed names
 * that are no longer offered are reported as removed. The pattern filter includes the names its pattern matches
 * (all of the name), or excludes them when {@code excludeMatching} is set.
 */
public class NameFilterConfiguration implements Cloneable {

    /** Filter-mask bit enabling the name pattern filter. */
    public static final int FILTER_BY_NAMEPATTERN = 1 << 0;

    /** Type identifier of the standard include/exclude filter. */
    protected static final String TYPE = "STANDARD";

    private static final String KEY_FILTER_TYPE = "filter-type";

    private static final String KEY_INCLUDED = "included_names";

    private static final String KEY_EXCLUDED = "excluded_names";

    private static final String KEY_ENFORCE = "enforce_option";

    private static final String PATTERN_TYPE = "name_pattern";

    private static final String KEY_PATTERN = "pattern";

    private static final String KEY_PATTERN_KIND = "type";

    private static final String KEY_CASE_SENSITIVE = "caseSensitive";

    private static final String KEY_EXCLUDE_MATCHING = "excludeMatching";

    private static final String[] NONE = new String[0];

    /** What happens to names on neither list. */
    public enum EnforceOption {
        /** Only listed includes are included; new names are excluded. */
        EnforceInclusion,
        /** Only listed excludes are excluded; new names are included. */
        EnforceExclusion;
    }

    /** The outcome of applying a filter to a set of names. */
    public static class FilterResult {
        private final String[] m_includes;

        private final String[] m_excludes;

        private final String[] m_removedFromIncludes;

        private final String[] m_removedFromExcludes;

        /**
         * @param incls included names
         * @param excls excluded names
         * @param removedFromIncludes configured includes that were not offered
         * @param removedFromExcludes configured excludes that were not offered
         */
        public FilterResult(final List<String> incls, final List<String> excls, final List<String> removedFromIncludes,
            final List<String> removedFromExcludes) {
            m_includes = incls.toArray(NONE);
            m_excludes = excls.toArray(NONE);
            m_removedFromIncludes = removedFromIncludes.toArray(NONE);
            m_removedFromExcludes = removedFromExcludes.toArray(NONE);
        }

        /** @return configured includes that were not offered */
        public String[] getRemovedFromIncludes() {
            return m_removedFromIncludes;
        }

        /** @return configured excludes that were not offered */
        public String[] getRemovedFromExcludes() {
            return m_removedFromExcludes;
        }

        /** @return the included names, in offered order */
        public String[] getIncludes() {
            return m_includes;
        }

        /** @return the excluded names, in offered order */
        public String[] getExcludes() {
            return m_excludes;
        }
    }

    private final String m_rootName;

    private final boolean m_patternEnabled;

    private String m_type = TYPE;

    private String[] m_includes = NONE;

    private String[] m_excludes = NONE;

    private String[] m_removedFromIncludes = NONE;

    private String[] m_removedFromExcludes = NONE;

    private EnforceOption m_enforce = EnforceOption.EnforceExclusion;

    private String m_pattern = "";

    private String m_patternKind = "Wildcard";

    private boolean m_caseSensitive = true;

    private boolean m_excludeMatching;

    /**
     * A configuration with the name pattern filter enabled.
     *
     * @param configRootName the key the configuration is stored under
     */
    public NameFilterConfiguration(final String configRootName) {
        this(configRootName, FILTER_BY_NAMEPATTERN);
    }

    /**
     * @param configRootName the key the configuration is stored under
     * @param filterEnableMask {@link #FILTER_BY_NAMEPATTERN} to allow the pattern filter, 0 for none
     * @throws IllegalArgumentException if the key is null or empty
     */
    public NameFilterConfiguration(final String configRootName, final int filterEnableMask) {
        if (configRootName == null || configRootName.isEmpty()) {
            throw new IllegalArgumentException("Config name must not be null or empty.");
        }
        m_rootName = configRootName;
        m_patternEnabled = (filterEnableMask & FILTER_BY_NAMEPATTERN) != 0;
    }

    /**
     * Strict load, as a node model does.
     *
     * @param settings the settings holding the root key
     * @throws InvalidSettingsException if an entry is missing or invalid
     */
    public final void loadConfigurationInModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        final NodeSettingsRO sub = settings.getNodeSettings(m_rootName);
        final String type = sub.getString(KEY_FILTER_TYPE);
        if (type == null || !verifyType(type)) {
            throw new InvalidSettingsException("Invalid type: " + type);
        }
        final String enforce = sub.getString(KEY_ENFORCE);
        final EnforceOption option = parseEnforce(enforce);
        if (option == null) {
            throw new InvalidSettingsException("Can't parse enforce option: " + enforce);
        }
        final String[] includes = sub.getStringArray(KEY_INCLUDED);
        final String[] excludes = sub.getStringArray(KEY_EXCLUDED);
        m_type = type;
        m_enforce = option;
        m_includes = includes == null ? NONE : includes;
        m_excludes = excludes == null ? NONE : excludes;
        try {
            loadPattern(sub.getNodeSettings(PATTERN_TYPE));
        } catch (InvalidSettingsException e) {
            // the pattern entries only matter (and only have to be there) when the pattern filter is active
            if (PATTERN_TYPE.equals(m_type)) {
                throw e;
            }
        }
        loadConfigurationInModelChild(sub);
    }

    private void loadPattern(final NodeSettingsRO p) throws InvalidSettingsException {
        final String pattern = p.getString(KEY_PATTERN);
        if (pattern == null) {
            throw new InvalidSettingsException("Pattern must not be null");
        }
        final String kind = p.getString(KEY_PATTERN_KIND);
        if (!"Wildcard".equals(kind) && !"Regex".equals(kind)) {
            throw new InvalidSettingsException("Illegal pattern type: " + kind);
        }
        final boolean caseSensitive = p.getBoolean(KEY_CASE_SENSITIVE);
        final boolean excludeMatching = p.getBoolean(KEY_EXCLUDE_MATCHING, false);
        try {
            compile(pattern, kind, caseSensitive);
        } catch (PatternSyntaxException e) {
            throw new InvalidSettingsException("The pattern is invalid", e);
        }
        m_pattern = pattern;
        m_patternKind = kind;
        m_caseSensitive = caseSensitive;
        m_excludeMatching = excludeMatching;
    }

    /**
     * Hook for subclasses: reads their own entries below the root key.
     *
     * @param settings the settings below the root key
     * @throws InvalidSettingsException if the entries are invalid
     */
    protected void loadConfigurationInModelChild(final NodeSettingsRO settings) throws InvalidSettingsException {
        // no entries of its own
    }

    /**
     * Saves under the root key; with an enforce option, the names that were configured on the enforced side but
     * not offered are saved too, so that they come back when offered again.
     *
     * @param settings to write to
     */
    public final void saveConfiguration(final NodeSettingsWO settings) {
        final NodeSettingsWO sub = settings.addNodeSettings(m_rootName);
        sub.addString(KEY_FILTER_TYPE, m_type);
        sub.addStringArray(KEY_INCLUDED, m_enforce == EnforceOption.EnforceInclusion
            ? concat(m_includes, m_removedFromIncludes) : m_includes.clone());
        sub.addStringArray(KEY_EXCLUDED, m_enforce == EnforceOption.EnforceExclusion
            ? concat(m_excludes, m_removedFromExcludes) : m_excludes.clone());
        sub.addString(KEY_ENFORCE, m_enforce.name());
        final NodeSettingsWO p = sub.addNodeSettings(PATTERN_TYPE);
        p.addString(KEY_PATTERN, m_pattern);
        p.addString(KEY_PATTERN_KIND, m_patternKind);
        p.addBoolean(KEY_CASE_SENSITIVE, m_caseSensitive);
        p.addBoolean(KEY_EXCLUDE_MATCHING, m_excludeMatching);
        saveConfigurationChild(sub);
    }

    /**
     * Hook for subclasses: writes their own entries below the root key.
     *
     * @param settings the settings below the root key
     */
    protected void saveConfigurationChild(final NodeSettingsWO settings) {
        // no entries of its own
    }

    /** @return the key the configuration is stored under */
    public final String getConfigRootName() {
        return m_rootName;
    }

    /**
     * Lenient load, as a dialog does: missing or invalid entries fall back to defaults, and the lists are
     * recomputed against the offered names (names no longer offered are remembered as removed).
     *
     * @param settings the settings holding the root key
     * @param names the offered names
     */
    protected final void loadConfigurationInDialog(final NodeSettingsRO settings, final String[] names) {
        NodeSettingsRO sub;
        try {
            sub = settings.getNodeSettings(m_rootName);
        } catch (InvalidSettingsException e) {
            sub = new NodeSettings("empty");
        }
        final String type = sub.getString(KEY_FILTER_TYPE, TYPE);
        m_type = type != null && verifyType(type) ? type : TYPE;
        final String[] includes = sub.getStringArray(KEY_INCLUDED, NONE);
        final String[] excludes = sub.getStringArray(KEY_EXCLUDED, NONE);
        m_includes = includes == null ? NONE : includes;
        m_excludes = excludes == null ? NONE : excludes;
        final EnforceOption option = parseEnforce(sub.getString(KEY_ENFORCE, null));
        m_enforce = option == null ? EnforceOption.EnforceExclusion : option;
        NodeSettingsRO p;
        try {
            p = sub.getNodeSettings(PATTERN_TYPE);
        } catch (InvalidSettingsException e) {
            p = new NodeSettings("empty");
        }
        final String pattern = p.getString(KEY_PATTERN, null);
        m_pattern = pattern == null ? "" : pattern;
        final String kind = p.getString(KEY_PATTERN_KIND, null);
        m_patternKind = "Regex".equals(kind) ? "Regex" : "Wildcard";
        m_caseSensitive = p.getBoolean(KEY_CASE_SENSITIVE, true);
        m_excludeMatching = p.getBoolean(KEY_EXCLUDE_MATCHING, false);

        // the dialog shows the standard lists even for a pattern filter
        final String kept = m_type;
        m_type = TYPE;
        final FilterResult r = applyTo(names);
        m_type = kept;
        m_includes = r.getIncludes();
        m_excludes = r.getExcludes();
        if (m_enforce == EnforceOption.EnforceInclusion) {
            m_removedFromIncludes = r.getRemovedFromIncludes();
        } else {
            m_removedFromExcludes = r.getRemovedFromExcludes();
        }
        loadConfigurationInDialogChild(sub, names);
    }

    /**
     * Hook for subclasses: lenient load of their own entries below the root key.
     *
     * @param settings the settings below the root key
     * @param names the offered names
     */
    protected void loadConfigurationInDialogChild(final NodeSettingsRO settings, final String[] names) {
        // no entries of its own
    }

    /**
     * @param names the offered names
     * @return which of them are included and excluded, and which configured names were not offered
     */
    protected FilterResult applyTo(final String[] names) {
        if (TYPE.equals(m_type)) {
            final Set<String> in = new LinkedHashSet<>(Arrays.asList(concat(m_includes, m_removedFromIncludes)));
            final Set<String> out = new LinkedHashSet<>(Arrays.asList(concat(m_excludes, m_removedFromExcludes)));
            final List<String> incls = new ArrayList<>();
            final List<String> excls = new ArrayList<>();
            for (final String name : names) {
                final boolean listedIn = in.remove(name);
                final boolean listedOut = out.remove(name);
                if (listedIn || (!listedOut && m_enforce == EnforceOption.EnforceExclusion)) {
                    incls.add(name);
                } else {
                    excls.add(name);
                }
            }
            return new FilterResult(incls, excls, new ArrayList<>(in), new ArrayList<>(out));
        }
        if (PATTERN_TYPE.equals(m_type)) {
            final Pattern p = compile(m_pattern, m_patternKind, m_caseSensitive);
            final List<String> matching = new ArrayList<>();
            final List<String> other = new ArrayList<>();
            for (final String name : names) {
                (p.matcher(name).matches() ? matching : other).add(name);
            }
            return m_excludeMatching ? new FilterResult(other, matching, List.of(), List.of())
                : new FilterResult(matching, other, List.of(), List.of());
        }
        throw new IllegalStateException("Unsupported filter type: " + m_type);
    }

    /**
     * Sets the standard filter's lists directly.
     *
     * @param includes included names, may be null (none)
     * @param excludes excluded names, may be null (none)
     * @param enforceOption where names on neither list go
     * @throws IllegalArgumentException if the option is null, a list holds null or duplicates, or a name is on
     *             both lists
     */
    public void loadDefaults(final String[] includes, final String[] excludes, final EnforceOption enforceOption) {
        if (enforceOption == null) {
            throw new IllegalArgumentException("must not be null");
        }
        final String[] in = includes == null ? NONE : includes.clone();
        final String[] out = excludes == null ? NONE : excludes.clone();
        final Set<String> inSet = new LinkedHashSet<>(Arrays.asList(in));
        if (inSet.size() != in.length) {
            throw new IllegalArgumentException("Include list contains duplicates: " + Arrays.toString(in));
        }
        if (inSet.contains(null) || Arrays.asList(out).contains(null)) {
            throw new IllegalArgumentException("Include and exclude list must not contain null");
        }
        inSet.retainAll(Arrays.asList(out));
        if (!inSet.isEmpty()) {
            throw new IllegalArgumentException("Arrays not disjoint: " + inSet);
        }
        m_includes = in;
        m_excludes = out;
        m_enforce = enforceOption;
        m_type = TYPE;
    }

    /**
     * @param names names for one list
     * @param includeByDefault true: all included and new names too; false: all excluded and new names too
     */
    protected void loadDefaults(final String[] names, final boolean includeByDefault) {
        if (includeByDefault) {
            m_includes = names.clone();
            m_enforce = EnforceOption.EnforceExclusion;
        } else {
            m_excludes = names.clone();
            m_enforce = EnforceOption.EnforceInclusion;
        }
    }

    /** @return the configured includes */
    protected String[] getIncludeList() {
        return m_includes;
    }

    /** @param includeList the configured includes */
    protected void setIncludeList(final String[] includeList) {
        m_includes = includeList;
    }

    /** @return the configured excludes */
    protected String[] getExcludeList() {
        return m_excludes;
    }

    /** @param excludeList the configured excludes */
    protected void setExcludeList(final String[] excludeList) {
        m_excludes = excludeList;
    }

    /** @return where names on neither list go */
    protected EnforceOption getEnforceOption() {
        return m_enforce;
    }

    /** @param enforceOption where names on neither list go */
    protected void setEnforceOption(final EnforceOption enforceOption) {
        m_enforce = enforceOption;
    }

    /** @return whether new names are excluded */
    public boolean isEnforceInclusion() {
        return m_enforce == EnforceOption.EnforceInclusion;
    }

    /** @return whether new names are included */
    public boolean isEnforceExclusion() {
        return m_enforce == EnforceOption.EnforceExclusion;
    }

    /** @return whether the pattern filter may be chosen */
    public final boolean isPatternFilterEnabled() {
        return m_patternEnabled;
    }

    /** @return the active filter type */
    protected final String getType() {
        return m_type;
    }

    /**
     * @param type a stored filter type
     * @return whether this configuration supports it
     */
    protected boolean verifyType(final String type) {
        return TYPE.equals(type) || (m_patternEnabled && PATTERN_TYPE.equals(type));
    }

    @Override
    protected NameFilterConfiguration clone() {
        try {
            final NameFilterConfiguration c = (NameFilterConfiguration)super.clone();
            c.m_includes = m_includes.clone();
            c.m_excludes = m_excludes.clone();
            c.m_removedFromIncludes = m_removedFromIncludes.clone();
            c.m_removedFromExcludes = m_removedFromExcludes.clone();
            return c;
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(final Object obj) {
        if (this == obj) {
            return true;
        }
        if (obj == null || obj.getClass() != getClass()) {
            return false;
        }
        final NameFilterConfiguration o = (NameFilterConfiguration)obj;
        return m_rootName.equals(o.m_rootName) && m_type.equals(o.m_type) && m_enforce == o.m_enforce
            && Arrays.equals(m_includes, o.m_includes) && Arrays.equals(m_excludes, o.m_excludes)
            && Arrays.equals(m_removedFromIncludes, o.m_removedFromIncludes)
            && Arrays.equals(m_removedFromExcludes, o.m_removedFromExcludes) && m_pattern.equals(o.m_pattern)
            && m_patternKind.equals(o.m_patternKind) && m_caseSensitive == o.m_caseSensitive
            && m_excludeMatching == o.m_excludeMatching;
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_rootName, m_type, m_enforce, Arrays.hashCode(m_includes), Arrays.hashCode(m_excludes),
            m_pattern);
    }

    @Override
    public String toString() {
        if (PATTERN_TYPE.equals(m_type)) {
            return "(" + m_patternKind + (m_caseSensitive ? "" : ", case insensitive")
                + (m_excludeMatching ? ", exclude matching" : "") + "): " + m_pattern;
        }
        return "Includes: " + String.join(", ", m_includes) + "\nExcludes: " + String.join(", ", m_excludes);
    }

    private static EnforceOption parseEnforce(final String name) {
        for (final EnforceOption o : EnforceOption.values()) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }

    private static String[] concat(final String[] a, final String[] b) {
        final String[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** A wildcard pattern knows {@code *} (any text) and {@code ?} (one character); everything else is literal. */
    private static Pattern compile(final String pattern, final String kind, final boolean caseSensitive) {
        String regex = pattern;
        if ("Wildcard".equals(kind)) {
            final StringBuilder b = new StringBuilder();
            for (final char c : pattern.toCharArray()) {
                if (c == '*') {
                    b.append(".*");
                } else if (c == '?') {
                    b.append('.');
                } else {
                    b.append(Pattern.quote(String.valueOf(c)));
                }
            }
            regex = b.toString();
        }
        return caseSensitive ? Pattern.compile(regex)
            : Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
