package org.malau.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.malau.data.AuLabels;
import org.malau.data.Expression;
import org.malau.eval.AuDetectionScores;
import org.malau.eval.ExpressionScores;
import org.malau.io.CsvFormatException;
import org.malau.io.CsvHeader;
import org.malau.io.CsvInput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./mal score}: compares a prediction CSV with ground truth. */
@Command(name = "score", optionListHeading = "%n", separator = " ", sortOptions = false, synopsisHeading = "",
    customSynopsis = "usage: ./mal score --pred CSV --truth CSV%n",
    description = {
        "Rows are matched on the 'file' column by the full relative path (as written by ./mal predict "
            + "from the same CSV or folder); a path listed twice in one file is refused. AU columns (AU01, AU1, au_1, AU01_c) "
            + "of an AU present in both files are scored on the positive class: truth 0, 1 or empty (unknown, left "
            + "out), prediction 0 or 1; any other value is refused with its column and line. Prediction rows "
            + "whose status is not OK are left out and counted. 'expression' gives accuracy and the confusion "
            + "matrix when both files have it. AUs in only one of the files are named."})
public final class ScoreCommand extends CliCommand {
    @Option(names = "--pred", paramLabel = "FILE", required = true, description = "predictions from ./mal predict (required)")
    Path predFile;
    @Option(names = "--truth", paramLabel = "FILE", required = true, description = "labels in the ./mal synth layout (required)")
    Path truthFile;

    @Override
    public String summary() {
        return "score AU predictions (F1 per AU) and expressions (accuracy) against ground truth";
    }

    @Override
    int call(PrintStream out, PrintStream err) throws Exception {
        Table pred = Table.read(predFile);
        Table truth = Table.read(truthFile);
        // AU columns are matched by AU number (AuLabels' naming rule), so truth au_1 meets prediction AU01
        Map<Integer, String> truthAus = truth.auColumns();
        Map<Integer, String> predAus = pred.auColumns();
        List<String[]> aus = new ArrayList<>();
        List<String> truthOnly = new ArrayList<>();
        for (Map.Entry<Integer, String> t : truthAus.entrySet()) {
            String p = predAus.get(t.getKey());
            if (p != null) {
                aus.add(new String[]{t.getValue(), p});
            } else {
                truthOnly.add(t.getValue());
            }
        }
        List<String> predOnly = new ArrayList<>();
        for (Map.Entry<Integer, String> p : predAus.entrySet()) {
            if (!truthAus.containsKey(p.getKey())) {
                predOnly.add(p.getValue());
            }
        }
        if (!truthOnly.isEmpty()) {
            err.println("warning: truth AUs without a prediction column, not scored: " + String.join(", ", truthOnly));
        }
        if (!predOnly.isEmpty()) {
            err.println("warning: predicted AUs without a truth column, not scored: " + String.join(", ", predOnly));
        }
        int status = pred.header.index("status");
        List<Row> matchedPred = new ArrayList<>();
        List<Row> matchedTruth = new ArrayList<>();
        int notPredicted = 0;
        for (Row t : truth.rows) {
            Row p = pred.byFile.get(t.key);
            if (p == null) {
                continue;
            }
            if (status >= 0 && !p.fields.get(status).trim().equals("OK")) {
                notPredicted++;
                continue;
            }
            matchedPred.add(p);
            matchedTruth.add(t);
        }
        if (matchedPred.isEmpty()) {
            throw new IOException("no prediction row matches a truth row on the full 'file' path (e.g. truth '"
                + (truth.rows.isEmpty() ? "" : truth.rows.get(0).key) + "', prediction '" + (pred.rows.isEmpty() ? "" : pred.rows.get(0).key)
                + "'); predict from the truth CSV itself, or from the folder the truth paths are relative to");
        }
        out.printf(Locale.ROOT, "%d of %d truth rows matched%n", matchedPred.size(), truth.rows.size());
        if (notPredicted > 0) {
            err.println("warning: " + notPredicted + " matched row(s) without a prediction (status not OK) were left out");
        }
        int unmatchedPred = pred.rows.size() - matchedPred.size() - notPredicted;
        if (unmatchedPred > 0) {
            err.println("warning: " + unmatchedPred + " prediction row(s) have no truth row");
        }
        if (!aus.isEmpty()) {
            scoreAus(aus, pred, truth, matchedPred, matchedTruth, out, err);
        }
        if (pred.header.index("expression") >= 0 && truth.header.index("expression") >= 0) {
            scoreExpressions(pred, truth, matchedPred, matchedTruth, out);
        }
        return 0;
    }

    /** @param aus per scored AU its truth and its prediction column name, in the truth file's column order */
    private static void scoreAus(List<String[]> aus, Table pred, Table truth, List<Row> matchedPred, List<Row> matchedTruth,
        PrintStream out, PrintStream err) throws IOException {
        int n = matchedPred.size();
        byte[][] y = new byte[n][aus.size()];
        byte[][] d = new byte[n][aus.size()];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < aus.size(); j++) {
                y[s][j] = truth.label(matchedTruth.get(s), aus.get(j)[0], true);
                d[s][j] = pred.label(matchedPred.get(s), aus.get(j)[1], false);
            }
        }
        AuDetectionScores sc = AuDetectionScores.of(y, d, aus.size());
        out.println("AU      precision  recall     F1   positives/labelled");
        List<String> unscorable = new ArrayList<>();
        for (int j = 0; j < aus.size(); j++) {
            out.printf(Locale.ROOT, "%-6s  %9.3f  %6.3f  %5.3f   %d/%d%n", aus.get(j)[0], sc.precision()[j], sc.recall()[j],
                sc.f1()[j], sc.positives()[j], sc.labelled()[j]);
            if (Double.isNaN(sc.f1()[j])) {
                unscorable.add(aus.get(j)[0]);
            }
        }
        out.printf(Locale.ROOT, "average AU F1: %.3f%n", sc.averageF1());
        if (!unscorable.isEmpty()) {
            err.println("warning: AUs without a true or predicted positive (F1 undefined, left out of the average): "
                + String.join(", ", unscorable));
        }
    }

    private static void scoreExpressions(Table pred, Table truth, List<Row> matchedPred, List<Row> matchedTruth, PrintStream out)
        throws IOException {
        Expression[] all = Expression.values();
        int[] yt = new int[matchedPred.size()];
        int[] yp = new int[matchedPred.size()];
        boolean[] seen = new boolean[all.length];
        int unpredicted = 0;
        for (int s = 0; s < yt.length; s++) {
            String t = matchedTruth.get(s).fields.get(truth.header.index("expression")).trim();
            String p = matchedPred.get(s).fields.get(pred.header.index("expression")).trim();
            // A sample without a prediction is left out and counted, not scored as the first class.
            if (p.isEmpty()) {
                unpredicted += t.isEmpty() ? 0 : 1;
                yt[s] = -1;
                continue;
            }
            yt[s] = t.isEmpty() ? -1 : truth.expression(matchedTruth.get(s), t).ordinal();
            yp[s] = pred.expression(matchedPred.get(s), p).ordinal();
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

    /** One data line with the line it starts on and its normalised path. */
    private record Row(List<String> fields, int line, String key) {
    }

    /** A table with a header, indexed by the full relative path in its 'file' column. */
    private static final class Table {
        final Path file;
        final CsvHeader header;
        final List<Row> rows = new ArrayList<>();
        final Map<String, Row> byFile = new HashMap<>();

        private Table(Path file, CsvHeader header) {
            this.file = file;
            this.header = header;
        }

        static Table read(Path csv) throws IOException {
            try (CsvInput in = CsvInput.open(csv)) {
                Table t = new Table(csv, in.header("a 'file' column"));
                int file = t.header.index("file");
                if (file < 0) {
                    throw in.error("no 'file' column in the header " + t.header.names() + "; expected the image paths in a column 'file'");
                }
                for (List<String> f = in.nextRow(t.header); f != null; f = in.nextRow(t.header)) {
                    String key = key(f.get(file));
                    Row r = new Row(f, in.recordLine(), key);
                    Row before = t.byFile.putIfAbsent(key, r);
                    if (before != null) {
                        throw in.error("'" + f.get(file).trim() + "' is listed twice (also on line " + before.line
                            + "); expected each file once");
                    }
                    t.rows.add(r);
                }
                return t;
            }
        }

        /** The path as written, with '/' separators and without a leading './', so that both tools' spellings meet. */
        private static String key(String path) {
            String k = path.trim().replace('\\', '/');
            while (k.startsWith("./")) {
                k = k.substring(2);
            }
            return k;
        }

        /** @return the AU columns by AU number, in header order; a second column of one AU is refused */
        Map<Integer, String> auColumns() throws CsvFormatException {
            Map<Integer, String> byCode = new LinkedHashMap<>();
            for (String c : header.names()) {
                int code = AuLabels.parseColumnName(c);
                String before = code < 0 ? null : byCode.putIfAbsent(code, c);
                if (before != null) {
                    throw new CsvFormatException(file.toString(), 1, "columns '" + before + "' and '" + c
                        + "' are the same AU; expected each AU once");
                }
            }
            return byCode;
        }

        /** An AU cell: 0 or 1, and for truth also empty (unknown); anything else names the cell. */
        byte label(Row r, String column, boolean emptyAllowed) throws CsvFormatException {
            String v = r.fields.get(header.index(column)).trim();
            if (v.equals("0") || v.equals("1")) {
                return (byte) (v.charAt(0) - '0');
            }
            if (v.isEmpty() && emptyAllowed) {
                return AuLabels.UNKNOWN;
            }
            throw new CsvFormatException(file.toString(), r.line, "column '" + column + "': '" + v + "' is no AU "
                + (emptyAllowed ? "label; expected 0, 1 or empty (unknown)" : "decision; expected 0 or 1"));
        }

        Expression expression(Row r, String v) throws CsvFormatException {
            try {
                return Expression.parse(v);
            } catch (IllegalArgumentException e) {
                throw new CsvFormatException(file.toString(), r.line, "column 'expression': " + e.getMessage());
            }
        }
    }
}
