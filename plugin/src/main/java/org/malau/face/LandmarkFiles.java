package org.malau.face;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Readers for landmark files: Psychomorph/WebMorph {@code .tem} (line 1 = N, then N lines
 * {@code x y}; the line definitions that follow are ignored) and iBUG {@code .pts}
 * ({@code version: 1}, {@code n_points: N}, then N lines {@code x y} between braces).
 */
public final class LandmarkFiles {
    private LandmarkFiles() {
    }

    /** Reads the points of {@code file}, choosing the format by extension. */
    public static List<PixelPoint> read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        try {
            if (name.endsWith(".tem")) {
                return tem(lines);
            }
            if (name.endsWith(".pts")) {
                return pts(lines);
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ": malformed landmark file (" + e.getMessage() + ")", e);
        }
        throw new IOException(file + ": unknown landmark format (expected .tem or .pts)");
    }

    static List<PixelPoint> tem(List<String> lines) {
        List<String> body = nonBlank(lines);
        int n = Integer.parseInt(body.get(0).trim());
        List<PixelPoint> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            out.add(point(body.get(i)));
        }
        return out;
    }

    static List<PixelPoint> pts(List<String> lines) {
        List<String> body = nonBlank(lines);
        int n = -1;
        int i = 0;
        for (; i < body.size(); i++) {
            String l = body.get(i).trim();
            if (l.startsWith("n_points")) {
                n = Integer.parseInt(l.substring(l.indexOf(':') + 1).trim());
            }
            if (l.equals("{")) {
                i++;
                break;
            }
        }
        if (n < 0) {
            throw new IllegalArgumentException("no n_points line");
        }
        List<PixelPoint> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(point(body.get(i + k)));
        }
        return out;
    }

    private static List<String> nonBlank(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (!l.isBlank()) {
                out.add(l);
            }
        }
        return out;
    }

    private static PixelPoint point(String line) {
        String[] f = line.trim().split("[\\s,]+");
        return new PixelPoint(Double.parseDouble(f[0]), Double.parseDouble(f[1]));
    }
}
