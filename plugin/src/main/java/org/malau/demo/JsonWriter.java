package org.malau.demo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A small streaming JSON writer with two-space indentation. Written by hand so that the demo needs
 * no JSON library; it escapes strings per RFC 8259 and writes NaN and infinities as {@code null},
 * because JSON has no literal for them and the results use "not defined" for such values.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    /** Per open container: whether it already holds an element (a comma is needed before the next). */
    private final Deque<boolean[]> open = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter beginObject() {
        return begin('{');
    }

    JsonWriter endObject() {
        return end('}');
    }

    JsonWriter beginArray() {
        return begin('[');
    }

    JsonWriter endArray() {
        return end(']');
    }

    /** The name of the next member; must be followed by a value or a container. */
    JsonWriter name(String name) {
        if (afterName) {
            throw new IllegalStateException("a value is missing after name before \"" + name + "\"");
        }
        separate();
        quote(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String s) {
        separate();
        if (s == null) {
            out.append("null");
        } else {
            quote(s);
        }
        return this;
    }

    JsonWriter value(double v) {
        separate();
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            out.append("null");
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.append((long) v);
        } else {
            // Shortest text that reads back as the same double, never in a locale's notation.
            out.append(Double.toString(v));
        }
        return this;
    }

    JsonWriter value(long v) {
        separate();
        out.append(v);
        return this;
    }

    JsonWriter value(boolean v) {
        separate();
        out.append(v);
        return this;
    }

    /** The document; every container must be closed. */
    String text() {
        if (!open.isEmpty()) {
            throw new IllegalStateException(open.size() + " JSON container(s) not closed");
        }
        return out.toString() + "\n";
    }

    private JsonWriter begin(char c) {
        separate();
        out.append(c);
        open.push(new boolean[1]);
        return this;
    }

    private JsonWriter end(char c) {
        if (open.isEmpty() || afterName) {
            throw new IllegalStateException("unbalanced '" + c + "'");
        }
        boolean hadElements = open.pop()[0];
        if (hadElements) {
            newline();
        }
        out.append(c);
        return this;
    }

    /** Comma and line break before an element, unless it is the value of a name just written. */
    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (open.isEmpty()) {
            if (out.length() > 0) {
                throw new IllegalStateException("a JSON document has one top-level value");
            }
            return;
        }
        boolean[] hasElements = open.peek();
        if (hasElements[0]) {
            out.append(',');
        }
        hasElements[0] = true;
        newline();
    }

    private void newline() {
        out.append('\n');
        out.append("  ".repeat(open.size()));
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // Other control characters, and the line separators JavaScript does not accept in strings.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
