package org.malau.data.readers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a sample's image lies, as a path template relative to the data set folder (or absolute),
 * e.g. {@code BP4D-training/{subject}/{task}/{frame}.jpg}. A placeholder {@code {name}} is replaced by
 * the value the reader supplies; {@code {name:N}} zero-pads a number to N digits, because frame file
 * names are padded differently between releases and frame extraction tools ({@code 2440.jpg},
 * {@code 02440.jpg}). Each reader documents the placeholders it supplies.
 */
public final class ImagePattern {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)(?::(\\d{1,2}))?}");

    private final String template;
    private final List<Object> parts = new ArrayList<>();

    private record Placeholder(String name, int width) {
    }

    private ImagePattern(String template, Set<String> allowed) {
        this.template = template;
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            parts.add(template.substring(last, m.start()));
            String name = m.group(1);
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("image pattern '" + template + "' uses {" + name
                    + "}, but this data set supplies only " + allowed.stream().sorted().map(n -> "{" + n + "}").toList());
            }
            parts.add(new Placeholder(name, m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
            last = m.end();
        }
        String rest = template.substring(last);
        if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0 || parts.stream().anyMatch(p -> p instanceof String s && (s.indexOf('{') >= 0 || s.indexOf('}') >= 0))) {
            throw new IllegalArgumentException("image pattern '" + template + "' has a brace that is not a placeholder {name} or {name:width}");
        }
        parts.add(rest);
    }

    /**
     * @param allowed the placeholder names the reader supplies
     * @throws IllegalArgumentException naming an unknown placeholder or a stray brace
     */
    public static ImagePattern of(String template, Set<String> allowed) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("the image pattern is empty");
        }
        return new ImagePattern(template.trim(), allowed);
    }

    /** The path for one sample; numbers are zero-padded where the template says so. */
    public String expand(Map<String, ?> values) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Placeholder p) {
                Object v = values.get(p.name());
                if (v == null) {
                    throw new IllegalStateException("no value for {" + p.name() + "} in " + template);
                }
                if (p.width() > 0 && v instanceof Number n) {
                    out.append(String.format(Locale.ROOT, "%0" + p.width() + "d", n.longValue()));
                } else {
                    out.append(v);
                }
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return template;
    }
}
