package org.malau.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.malau.data.Corruption;
import org.malau.data.Expression;
import org.malau.eval.WeightSummary;
import org.malau.io.CsvOutput;

/**
 * The weight every AU and FE training sample received in the real steps, averaged per epoch
 * (NaN in an epoch where the sample was never drawn). MAL's weights are a result in their own
 * right: which expression samples and classes help AU detection, and whether corrupted samples
 * are recognised.
 */
public final class SampleWeightLog {
    /** One training sample's weights over the epochs. */
    public record Entry(String set, String id, String subject, String label, Corruption corruption, double[] perEpoch) {
    }

    private final List<Entry> entries;

    SampleWeightLog(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The expression samples' weights, summarised (every sample drawn at least once, whatever its corruption). */
    public WeightSummary expressionWeights() {
        return WeightSummary.of(entries.stream().filter(e -> e.set().equals("fe"))
            .map(e -> new WeightSummary.Sample(e.label(), e.corruption(), e.perEpoch())).toList());
    }

    /** Accumulates weights during training. */
    static final class Recorder {
        private final FaceDataset au;
        private final int[] auIndices;
        private final FaceDataset fe;
        private final int[] feIndices;
        private final List<double[]> auSums = new ArrayList<>();
        private final List<int[]> auCounts = new ArrayList<>();
        private final List<double[]> feSums = new ArrayList<>();
        private final List<int[]> feCounts = new ArrayList<>();
        private final int[] auPosition;
        private final int[] fePosition;

        Recorder(FaceDataset au, int[] auIndices, FaceDataset fe, int[] feIndices) {
            this.au = au;
            this.auIndices = auIndices;
            this.fe = fe;
            this.feIndices = feIndices;
            auPosition = position(au.size(), auIndices);
            fePosition = fe == null ? new int[0] : position(fe.size(), feIndices);
        }

        private static int[] position(int n, int[] indices) {
            int[] p = new int[n];
            java.util.Arrays.fill(p, -1);
            for (int k = 0; k < indices.length; k++) {
                p[indices[k]] = k;
            }
            return p;
        }

        void startEpoch() {
            auSums.add(new double[auIndices.length]);
            auCounts.add(new int[auIndices.length]);
            feSums.add(new double[feIndices.length]);
            feCounts.add(new int[feIndices.length]);
        }

        void record(int[] auBatch, double[] auWeights, int[] feBatch, double[] feWeights) {
            int e = auSums.size() - 1;
            for (int s = 0; s < auBatch.length; s++) {
                int k = auPosition[auBatch[s]];
                auSums.get(e)[k] += auWeights[s];
                auCounts.get(e)[k]++;
            }
            if (feBatch != null) {
                for (int s = 0; s < feBatch.length; s++) {
                    int k = fePosition[feBatch[s]];
                    feSums.get(e)[k] += feWeights[s];
                    feCounts.get(e)[k]++;
                }
            }
        }

        /** Mean weight of each FE sample in the current epoch (NaN when not drawn). */
        double[] currentExpressionMeans() {
            int e = feSums.size() - 1;
            double[] m = new double[feIndices.length];
            for (int k = 0; k < m.length; k++) {
                m[k] = feCounts.get(e)[k] == 0 ? Double.NaN : feSums.get(e)[k] / feCounts.get(e)[k];
            }
            return m;
        }

        int[] expressionIndices() {
            return feIndices;
        }

        SampleWeightLog build() {
            List<Entry> out = new ArrayList<>();
            for (int k = 0; k < auIndices.length; k++) {
                int i = auIndices[k];
                out.add(new Entry("au", au.id(i), au.subject(i), auLabel(au.au(i), au.auCodes()), au.corruption(i),
                    means(auSums, auCounts, k)));
            }
            for (int k = 0; k < feIndices.length; k++) {
                int i = feIndices[k];
                Expression x = fe.expression(i);
                out.add(new Entry("fe", fe.id(i), fe.subject(i), x == null ? "" : x.label(), fe.corruption(i),
                    means(feSums, feCounts, k)));
            }
            return new SampleWeightLog(out);
        }

        private static double[] means(List<double[]> sums, List<int[]> counts, int k) {
            double[] m = new double[sums.size()];
            for (int e = 0; e < m.length; e++) {
                m[e] = counts.get(e)[k] == 0 ? Double.NaN : sums.get(e)[k] / counts.get(e)[k];
            }
            return m;
        }

        private static String auLabel(byte[] y, int[] codes) {
            if (y == null) {
                return "";
            }
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < y.length; j++) {
                if (y[j] == 1) {
                    sb.append(sb.length() == 0 ? "" : "+").append(codes[j]);
                }
            }
            return sb.length() == 0 ? "none" : "AU" + sb;
        }
    }

    /** CSV: set, id, subject, label, corruption, w_epoch1, w_epoch2, ... (empty cell = not drawn). */
    public void writeCsv(Path file) throws IOException {
        int epochs = entries.isEmpty() ? 0 : entries.get(0).perEpoch().length;
        try (CsvOutput w = new CsvOutput(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            List<String> h = new ArrayList<>(List.of("set", "id", "subject", "label", "corruption"));
            for (int e = 1; e <= epochs; e++) {
                h.add("w_epoch" + e);
            }
            w.row(h);
            for (Entry x : entries) {
                List<String> row = new ArrayList<>(List.of(x.set(), x.id(), x.subject(), x.label(), x.corruption().label()));
                for (double v : x.perEpoch()) {
                    row.add(EpochRecord.f(v));
                }
                w.row(row);
            }
        }
    }
}
