package org.malau.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.malau.data.Corruption;

/**
 * What a set of per-sample training weights says: how well a sample's weight tells clean from corrupted samples (ROC
 * AUC), the mean weights of the clean and corrupted samples, per kind of corruption and per class, and the mean weight
 * per epoch. The one place these figures are computed, for the trainer's per-epoch AUC, the demo's report and
 * results, and the Sample Weight Viewer node.
 * <p>
 * A sample has a weight per epoch, NaN in the epochs it was not drawn in. Two weights stand for a whole sample
 * ({@link Weight}): the one it was trained with on average (its mean over the epochs it was drawn in), and the one of
 * the last epoch it was drawn in. Samples never drawn are left out.
 */
public final class WeightSummary {
    /** Which of a sample's weights stands for it. */
    public enum Weight {
        /** Its mean over the epochs in which it was drawn: the weight it was trained with on average. */
        USED,
        /** Its weight in the last epoch in which it was drawn. */
        LAST
    }

    /** Which samples a figure is over. */
    public enum Group {
        /** Every sample, whether its corruption is known or not. */
        ALL(c -> true),
        /** The samples known to be clean. */
        CLEAN(c -> c == Corruption.NONE),
        /** The samples known to be corrupted, of any kind. */
        CORRUPTED(c -> c != Corruption.NONE && c != Corruption.UNKNOWN);

        private final Predicate<Corruption> test;

        Group(Predicate<Corruption> test) {
            this.test = test;
        }

        boolean contains(Corruption c) {
            return test.test(c);
        }
    }

    /**
     * One sample.
     *
     * @param label its class as training saw it (may be empty)
     * @param corruption what is known of its corruption
     * @param perEpoch its weight per epoch, NaN where it was not drawn
     */
    public record Sample(String label, Corruption corruption, double[] perEpoch) {
        /** @return its mean weight over the epochs in which it was drawn, NaN when never */
        public double used() {
            return WeightSummary.used(perEpoch);
        }

        /** @return its weight in the last epoch in which it was drawn, NaN when never */
        public double last() {
            return lastDrawn(perEpoch);
        }

        double weight(Weight w) {
            return w == Weight.USED ? used() : last();
        }
    }

    /**
     * Per class the mean weights and counts of its clean, corrupted and all samples (NaN means where a group is empty).
     */
    public record ClassWeights(double clean, double corrupted, double all, int cleanCount, int corruptedCount,
        int allCount) {
    }

    private final List<Sample> samples;
    private final int epochs;

    private WeightSummary(List<Sample> samples, int epochs) {
        this.samples = List.copyOf(samples);
        this.epochs = epochs;
    }

    /** The samples drawn at least once; epochs as many as the longest sample has. */
    public static WeightSummary of(List<Sample> samples) {
        return of(samples, samples.stream().mapToInt(s -> s.perEpoch().length).max().orElse(0));
    }

    /** The samples drawn at least once, over {@code epochs} epochs. */
    public static WeightSummary of(List<Sample> samples, int epochs) {
        return new WeightSummary(samples.stream().filter(s -> !Double.isNaN(s.used())).toList(), epochs);
    }

    /** The weight a sample was trained with on average: the mean over the epochs in which it was drawn. */
    public static double used(double[] perEpoch) {
        double sum = 0;
        int n = 0;
        for (double w : perEpoch) {
            if (!Double.isNaN(w)) {
                sum += w;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** A sample not drawn in the last epoch has NaN there; its latest weight is the one it last got. */
    public static double lastDrawn(double[] perEpoch) {
        for (int k = perEpoch.length - 1; k >= 0; k--) {
            if (!Double.isNaN(perEpoch[k])) {
                return perEpoch[k];
            }
        }
        return Double.NaN;
    }

    /** The samples whose corruption is known (clean or a kind of corruption). */
    public WeightSummary known() {
        return new WeightSummary(samples.stream().filter(s -> s.corruption() != Corruption.UNKNOWN).toList(), epochs);
    }

    /** @return the samples, in the order given */
    public List<Sample> samples() {
        return samples;
    }

    /** @return the number of epochs the per-epoch figures cover */
    public int epochs() {
        return epochs;
    }

    /** Whether no sample was ever drawn. */
    public boolean isEmpty() {
        return samples.isEmpty();
    }

    /** The weights of the samples of {@code g}, in the order given. */
    public double[] weights(Weight w, Group g) {
        return samples.stream().filter(s -> g.contains(s.corruption())).mapToDouble(s -> s.weight(w)).toArray();
    }

    /** The weights of the samples with corruption {@code kind}, in the order given. */
    public double[] weights(Weight w, Corruption kind) {
        return samples.stream().filter(s -> s.corruption() == kind).mapToDouble(s -> s.weight(w)).toArray();
    }

    /** Whether the weights differ between samples; fixed-weight strategies give every sample the same. */
    public boolean varies(Weight w) {
        double[] all = weights(w, Group.ALL);
        double lo = Arrays.stream(all).min().orElse(0);
        double hi = Arrays.stream(all).max().orElse(0);
        return hi - lo > 1e-9 * Math.max(1, Math.abs(hi));
    }

    /** ROC AUC of the weight as a score for "clean", clean against all corrupted samples; NaN without both. */
    public double auc(Weight w) {
        return auc(w, Group.CORRUPTED::contains);
    }

    /** ROC AUC of the weight as a score for "clean", clean against the samples corrupted as {@code kind} only. */
    public double auc(Weight w, Corruption kind) {
        return auc(w, c -> c == kind);
    }

    private double auc(Weight w, Predicate<Corruption> negative) {
        List<Sample> kept = samples.stream().filter(s -> s.corruption() == Corruption.NONE || negative.test(s.corruption()))
            .toList();
        double[] score = new double[kept.size()];
        boolean[] clean = new boolean[kept.size()];
        for (int i = 0; i < score.length; i++) {
            score[i] = kept.get(i).weight(w);
            clean[i] = kept.get(i).corruption() == Corruption.NONE;
        }
        return RocAuc.of(score, clean);
    }

    /** Mean weight of the samples of {@code g}; NaN when there is none. */
    public double mean(Weight w, Group g) {
        return mean(weights(w, g));
    }

    /** Mean weight of the samples corrupted as {@code kind}; NaN when there is none. */
    public double mean(Weight w, Corruption kind) {
        return mean(weights(w, kind));
    }

    /** The kinds of corruption present, in {@link Corruption}'s order. */
    public List<Corruption> corruptionKinds() {
        return Arrays.stream(Corruption.values()).filter(c -> Group.CORRUPTED.contains(c))
            .filter(c -> samples.stream().anyMatch(s -> s.corruption() == c)).toList();
    }

    /** Per class (in order of first appearance) the mean weights of its clean, corrupted and all samples. */
    public Map<String, ClassWeights> perClass(Weight w) {
        Map<String, List<Sample>> byClass = new LinkedHashMap<>();
        for (Sample s : samples) {
            byClass.computeIfAbsent(s.label(), k -> new ArrayList<>()).add(s);
        }
        Map<String, ClassWeights> out = new LinkedHashMap<>();
        byClass.forEach((label, list) -> {
            WeightSummary c = new WeightSummary(list, epochs);
            out.put(label, new ClassWeights(c.mean(w, Group.CLEAN), c.mean(w, Group.CORRUPTED), c.mean(w, Group.ALL),
                c.weights(w, Group.CLEAN).length, c.weights(w, Group.CORRUPTED).length, list.size()));
        });
        return out;
    }

    /** Per epoch (index = epoch - 1) the {mean, standard deviation, count} of the weights of the samples of {@code g} drawn in it. */
    public double[][] trajectory(Group g) {
        return trajectory(s -> g.contains(s.corruption()));
    }

    /** Per epoch the {mean, standard deviation, count} of the weights of the samples corrupted as {@code kind} drawn in it. */
    public double[][] trajectory(Corruption kind) {
        return trajectory(s -> s.corruption() == kind);
    }

    private double[][] trajectory(Predicate<Sample> in) {
        double[] sum = new double[epochs];
        double[] sq = new double[epochs];
        int[] n = new int[epochs];
        for (Sample s : samples) {
            if (!in.test(s)) {
                continue;
            }
            for (int e = 0; e < Math.min(epochs, s.perEpoch().length); e++) {
                double v = s.perEpoch()[e];
                if (!Double.isNaN(v)) {
                    sum[e] += v;
                    sq[e] += v * v;
                    n[e]++;
                }
            }
        }
        double[][] t = new double[epochs][];
        for (int e = 0; e < epochs; e++) {
            double m = n[e] == 0 ? Double.NaN : sum[e] / n[e];
            t[e] = new double[] {m, n[e] == 0 ? Double.NaN : Math.sqrt(Math.max(0, sq[e] / n[e] - m * m)), n[e]};
        }
        return t;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }
}
