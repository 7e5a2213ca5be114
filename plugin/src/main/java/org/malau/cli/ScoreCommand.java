package org.malau.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.malau.data.AuLabels;
import org.malau.data.Expression;
import org.malau.eval.AuDetectionScores;
import org.malau.eval.ExpressionScores;

/** {@code ./mal score}: compares a prediction CSV with ground truth. */
public final class ScoreCommand implements Command {
    @Override
    public String name() {
        return "score";
    }

    @Override
    public String summary() {
        return "score AU predictions (F1 per AU) and expressions (accuracy) against ground truth";
    }

    @Override
    public String usage() {
        return String.join("\n",
            "usage: ./mal score --pred CSV --truth CSV",
            "",
            "Rows are matched on the 'file' column (as written by ./mal predict from the same CSV; failing",
            "that, on the file name). AU columns AUxx (0/1, empty = unknown) present in both files are",
            "scored on the positive class, unknown truth left out; 'expression' gives accuracy and the",
            "confusion matrix when both files have it.",
            "",
            "  --pred FILE     predictions from ./mal predict (required)",
            "  --truth FILE    labels in the ./mal synth layout (required)");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Map<String, String> o = TrainCommand.parse(args, Set.of());
        Path predFile = Path.of(TrainCommand.required(o, "--pred"));
        Path truthFile = Path.of(TrainCommand.required(o, "--truth"));
        Table pred = Table.read(predFile);
        Table truth = Table.read(truthFile);
        List<String> aus = new ArrayList<>();
        for (String c : truth.columns.keySet()) {
            if (c.matches("AU\\d+") && pred.columns.containsKey(c)) {
                aus.add(c);
            }
        }
        List<String[]> matchedPred = new ArrayList<>();
        List<String[]> matchedTruth = new ArrayList<>();
        for (String[] t : truth.rows) {
            String key = t[truth.columns.get("file")];
            String[] p = pred.byFile.get(key);
            if (p == null) {
                p = pred.byName.get(Path.of(key).getFileName().toString());
            }
            if (p != null) {
                matchedPred.add(p);
                matchedTruth.add(t);
            }
        }
        if (matchedPred.isEmpty()) {
            throw new IOException("no prediction row matches a truth row on the 'file' column");
        }
        out.printf(Locale.ROOT, "%d of %d truth rows matched%n", matchedPred.size(), truth.rows.size());
        if (!aus.isEmpty()) {
            int n = matchedPred.size();
            byte[][] y = new byte[n][aus.size()];
            byte[][] d = new byte[n][aus.size()];
            for (int s = 0; s < n; s++) {
                for (int j = 0; j < aus.size(); j++) {
                    String t = matchedTruth.get(s)[truth.columns.get(aus.get(j))].trim();
                    y[s][j] = t.isEmpty() ? AuLabels.UNKNOWN : (byte) Integer.parseInt(t);
                    String p = matchedPred.get(s)[pred.columns.get(aus.get(j))].trim();
                    d[s][j] = (byte) (p.equals("1") ? 1 : 0);
                }
            }
            AuDetectionScores sc = AuDetectionScores.of(y, d, aus.size());
            out.println("AU      precision  recall     F1   positives/labelled");
            for (int j = 0; j < aus.size(); j++) {
                out.printf(Locale.ROOT, "%-6s  %9.3f  %6.3f  %5.3f   %d/%d%n", aus.get(j), sc.precision()[j], sc.recall()[j],
                    sc.f1()[j], sc.positives()[j], sc.labelled()[j]);
            }
            out.printf(Locale.ROOT, "average AU F1: %.3f%n", sc.averageF1());
        }
        if (pred.columns.containsKey("expression") && truth.columns.containsKey("expression")) {
            Expression[] all = Expression.values();
            int[] yt = new int[matchedPred.size()];
            int[] yp = new int[matchedPred.size()];
            boolean[] seen = new boolean[all.length];
            int unpredicted = 0;
            for (int s = 0; s < yt.length; s++) {
                String t = matchedTruth.get(s)[truth.columns.get("expression")].trim();
                String p = matchedPred.get(s)[pred.columns.get("expression")].trim();
                // A sample without a prediction is left out and counted, not scored as the first class.
                if (p.isEmpty()) {
                    unpredicted += t.isEmpty() ? 0 : 1;
                    yt[s] = -1;
                    continue;
                }
                yt[s] = t.isEmpty() ? -1 : Expression.parse(t).ordinal();
                yp[s] = Expression.parse(p).ordinal();
                if (yt[s] >= 0) {
                    seen[yt[s]] = true;
                    seen[yp[s]] = true;
                }
            }
            ExpressionScores es = ExpressionScores.of(yt, yp, all.length);
            out.printf(Locale.ROOT, "expression accuracy: %.3f%n", es.accuracy());
            if (unpredicted > 0) {
                out.println(unpredicted + " labelled sample(s) without an expression prediction were left out");
            }
            // Only the classes that occur, so 7-class data shows no empty contempt row.
            List<Integer> shown = new ArrayList<>();
            for (int i = 0; i < all.length; i++) {
                if (seen[i]) {
                    shown.add(i);
                }
            }
            out.println("confusion (rows = truth, columns = predicted): " + shown.stream().map(i -> all[i].label()).toList());
            for (int i : shown) {
                int[] row = new int[shown.size()];
                for (int k = 0; k < row.length; k++) {
                    row[k] = es.confusion()[i][shown.get(k)];
                }
                out.printf(Locale.ROOT, "  %-10s %s%n", all[i].label(), java.util.Arrays.toString(row));
            }
        }
        return 0;
    }

    /** A comma-separated file with a header, indexed by its 'file' column. */
    private static final class Table {
        final Map<String, Integer> columns = new LinkedHashMap<>();
        final List<String[]> rows = new ArrayList<>();
        final Map<String, String[]> byFile = new HashMap<>();
        final Map<String, String[]> byName = new HashMap<>();

        static Table read(Path csv) throws IOException, UsageException {
            Table t = new Table();
            try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                String header = r.readLine();
                if (header == null) {
                    throw new UsageException(csv + " is empty");
                }
                String[] h = header.split(",", -1);
                for (int i = 0; i < h.length; i++) {
                    t.columns.put(h[i].trim(), i);
                }
                Integer file = t.columns.get("file");
                if (file == null) {
                    throw new UsageException(csv + " has no 'file' column");
                }
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] f = line.split(",", -1);
                    if (f.length != h.length) {
                        throw new IOException(csv + ": a line has " + f.length + " fields, the header " + h.length);
                    }
                    t.rows.add(f);
                    t.byFile.put(f[file].trim(), f);
                    t.byName.put(Path.of(f[file].trim()).getFileName().toString(), f);
                }
            }
            return t;
        }
    }
}
