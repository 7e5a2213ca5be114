package org.malau.train;

import java.util.Arrays;
import java.util.List;

import org.malau.data.AuLabels;

/**
 * What the meta split's AU predictions are judged by when MAL takes its meta-gradient: a function F of the
 * meta split's AU logits z (N faces x K AUs) and labels, with its derivatives dF/dz, so that v = grad_theta F
 * is the network's {@link org.malau.model.MultiTaskNetwork#outputGradient} of dF/dz.
 * <p>
 * Why more than the cross-entropy (issue 13; bench/RESULTS.md "Why the meta signal points the wrong way"):
 * with a few AU-labelled subjects the AU head becomes over-confident on unseen faces, and the meta split's
 * cross-entropy is then lowered by any step that shrinks the logits, which corrupted samples' steps do.
 * The objectives here judge the ranking of the faces per AU, as the tuned-threshold F1 does, not the
 * logits' scale:
 * <ul>
 * <li>{@link #BCE}: the mean AU cross-entropy, exactly the training loss (per face the mean over its known
 * AUs, positive weights on the positive term); MAL.md's meta loss;</li>
 * <li>{@link #CALIBRATED}: the same cross-entropy after the best per-AU affine recalibration a_k z + b_k of the
 * logits on the meta split (Platt scaling, fitted by Newton's method with a small ridge). By the envelope theorem
 * its gradient is the cross-entropy's at the fitted a, b, so a step that only rescales or shifts an AU's logits
 * does not change it (to first order);</li>
 * <li>{@link #TEMPERATURE}: as calibrated with one scale a for all AUs and no shift;</li>
 * <li>{@link #RANK}: a soft AUC per AU, the mean over (positive, negative) pairs of softplus(u_j - u_i) on the
 * logits standardised over the meta split (mean 0, sd 1 per AU), averaged over the AUs with both classes;</li>
 * <li>{@link #SOFT_F1}: 1 - the mean over AUs with a positive of the soft F1 2 sum p y / (sum p + sum y),
 * p = sigmoid(z).</li>
 * </ul>
 * Every objective is to be minimised; unknown labels take no part.
 */
public enum MetaObjective {
    BCE("bce"), CALIBRATED("calibrated"), TEMPERATURE("temperature"), RANK("rank"), SOFT_F1("soft-f1");

    /** Ridge on the recalibration (a, b) per AU, relative to the AU's weight; keeps a finite when an AU is separable. */
    static final double RIDGE = 1e-3;
    private static final int NEWTON_STEPS = 100;
    /** Starting scales tried before Newton's method: an over-confident head may need a far below 1. */
    private static final double[] START_SCALES = {4, 2, 1, 0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625, 0.0078125, 0.00390625};

    private final String id;

    MetaObjective(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Every id, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(MetaObjective::id).toList();
    }

    /** @throws IllegalArgumentException naming the valid choices */
    public static MetaObjective of(String id) {
        for (MetaObjective o : values()) {
            if (o.id.equals(id)) {
                return o;
            }
        }
        throw new IllegalArgumentException("meta loss must be one of " + ids() + ", was '" + id + "'");
    }

    /**
     * F and dF/dz.
     *
     * @param value the objective
     * @param gradient dF/dz, N x K, 0 where the label is unknown
     * @param scale per AU the fitted a_k (calibrated, temperature), else 1
     */
    public record Value(double value, double[][] gradient, double[] scale) {
    }

    /**
     * @param logits N x K AU logits of the meta split
     * @param labels N x K labels (0, 1 or {@link AuLabels#UNKNOWN}); a null row has no label
     * @param positiveWeights per AU factor on the positive term of the cross-entropies, or null for 1
     */
    public Value evaluate(float[][] logits, byte[][] labels, double[] positiveWeights) {
        int n = logits.length;
        int k = n == 0 ? 0 : logits[0].length;
        // c_sk: the weight of each known label in the mean cross-entropy, 1 / (N * known AUs of the face).
        double[][] c = new double[n][k];
        for (int s = 0; s < n; s++) {
            int known = 0;
            for (int j = 0; labels[s] != null && j < k; j++) {
                known += labels[s][j] == AuLabels.UNKNOWN ? 0 : 1;
            }
            for (int j = 0; known > 0 && j < k; j++) {
                c[s][j] = labels[s][j] == AuLabels.UNKNOWN ? 0 : 1.0 / (n * known);
            }
        }
        double[] pw = new double[k];
        for (int j = 0; j < k; j++) {
            pw[j] = positiveWeights == null ? 1 : positiveWeights[j];
        }
        return switch (this) {
            case BCE -> crossEntropy(logits, labels, c, pw, ones(k), new double[k]);
            case CALIBRATED -> calibrated(logits, labels, c, pw);
            case TEMPERATURE -> temperature(logits, labels, c, pw);
            case RANK -> rank(logits, labels);
            case SOFT_F1 -> softF1(logits, labels);
        };
    }

    private static double[] ones(int k) {
        double[] o = new double[k];
        Arrays.fill(o, 1);
        return o;
    }

    /** sum c_sk l(a_k z_sk + b_k, y_sk) and its derivatives by z at fixed a, b. */
    private static Value crossEntropy(float[][] z, byte[][] y, double[][] c, double[] pw, double[] a, double[] b) {
        int n = z.length;
        int k = a.length;
        double value = 0;
        double[][] g = new double[n][k];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < k; j++) {
                if (c[s][j] == 0) {
                    continue;
                }
                double u = a[j] * z[s][j] + b[j];
                boolean positive = y[s][j] == 1;
                value += c[s][j] * loss(u, positive, pw[j]);
                g[s][j] = c[s][j] * a[j] * slope(u, positive, pw[j]);
            }
        }
        return new Value(value, g, a.clone());
    }

    static double loss(double u, boolean positive, double pw) {
        return positive ? pw * softplus(-u) : softplus(u);
    }

    static double slope(double u, boolean positive, double pw) {
        return positive ? pw * (sigmoid(u) - 1) : sigmoid(u);
    }

    private static double curvature(double u, boolean positive, double pw) {
        double p = sigmoid(u);
        return (positive ? pw : 1) * p * (1 - p);
    }

    /** Per AU, (a, b) = argmin sum_s c_sk l(a z + b) + ridge (a^2 + b^2) / 2 (Newton with backtracking; convex). */
    private static Value calibrated(float[][] z, byte[][] y, double[][] c, double[] pw) {
        int n = z.length;
        int k = pw.length;
        double[] a = new double[k];
        double[] b = new double[k];
        double penalty = 0;
        for (int j = 0; j < k; j++) {
            double weight = 0;
            for (int s = 0; s < n; s++) {
                weight += c[s][j];
            }
            a[j] = 1;
            if (weight == 0) {
                continue;
            }
            double ridge = RIDGE * weight;
            final int col = j;
            java.util.function.BiFunction<Double, Double, Double> objective = (aa, bb) -> {
                double v = ridge * (aa * aa + bb * bb) / 2;
                for (int s = 0; s < n; s++) {
                    if (c[s][col] != 0) {
                        v += c[s][col] * loss(aa * z[s][col] + bb, y[s][col] == 1, pw[col]);
                    }
                }
                return v;
            };
            double current = objective.apply(a[j], b[j]);
            for (double start : START_SCALES) {
                double v = objective.apply(start, 0.0);
                if (v < current) {
                    current = v;
                    a[j] = start;
                }
            }
            for (int it = 0; it < NEWTON_STEPS; it++) {
                double ga = ridge * a[j];
                double gb = ridge * b[j];
                double haa = ridge;
                double hab = 0;
                double hbb = ridge;
                for (int s = 0; s < n; s++) {
                    if (c[s][j] == 0) {
                        continue;
                    }
                    double zz = z[s][j];
                    double u = a[j] * zz + b[j];
                    boolean positive = y[s][j] == 1;
                    double d1 = c[s][j] * slope(u, positive, pw[j]);
                    double d2 = c[s][j] * curvature(u, positive, pw[j]);
                    ga += d1 * zz;
                    gb += d1;
                    haa += d2 * zz * zz;
                    hab += d2 * zz;
                    hbb += d2;
                }
                double det = haa * hbb - hab * hab;
                if (!(det > 0)) {
                    break;
                }
                double da = (hbb * ga - hab * gb) / det;
                double db = (haa * gb - hab * ga) / det;
                double t = 1;
                double next = objective.apply(a[j] - da, b[j] - db);
                while (next > current && t > 1e-18) {
                    t /= 2;
                    next = objective.apply(a[j] - t * da, b[j] - t * db);
                }
                if (!(next <= current)) {
                    break;
                }
                a[j] -= t * da;
                b[j] -= t * db;
                boolean done = current - next < 1e-15 * Math.max(1e-12, weight);
                current = next;
                if (done) {
                    break;
                }
            }
            penalty += ridge * (a[j] * a[j] + b[j] * b[j]) / 2;
        }
        // The value includes the ridge, so that it is the minimum whose derivative the envelope theorem gives.
        Value v = crossEntropy(z, y, c, pw, a, b);
        return new Value(v.value() + penalty, v.gradient(), v.scale());
    }

    /** One scale a for all AUs, no shift: a = argmin sum c l(a z) + ridge a^2 / 2 (Newton with backtracking; convex). */
    private static Value temperature(float[][] z, byte[][] y, double[][] c, double[] pw) {
        int n = z.length;
        int k = pw.length;
        java.util.function.DoubleUnaryOperator objective = aa -> {
            double v = RIDGE * aa * aa / 2;
            for (int s = 0; s < n; s++) {
                for (int j = 0; j < k; j++) {
                    if (c[s][j] != 0) {
                        v += c[s][j] * loss(aa * z[s][j], y[s][j] == 1, pw[j]);
                    }
                }
            }
            return v;
        };
        double a = 1;
        double current = objective.applyAsDouble(a);
        for (double start : START_SCALES) {
            double v = objective.applyAsDouble(start);
            if (v < current) {
                current = v;
                a = start;
            }
        }
        for (int it = 0; it < NEWTON_STEPS; it++) {
            double g = RIDGE * a;
            double h = RIDGE;
            for (int s = 0; s < n; s++) {
                for (int j = 0; j < k; j++) {
                    if (c[s][j] != 0) {
                        double u = a * z[s][j];
                        g += c[s][j] * slope(u, y[s][j] == 1, pw[j]) * z[s][j];
                        h += c[s][j] * curvature(u, y[s][j] == 1, pw[j]) * z[s][j] * z[s][j];
                    }
                }
            }
            double step = g / h;
            double t = 1;
            double next = objective.applyAsDouble(a - step);
            while (next > current && t > 1e-18) {
                t /= 2;
                next = objective.applyAsDouble(a - t * step);
            }
            if (!(next <= current)) {
                break;
            }
            a -= t * step;
            boolean done = current - next < 1e-15;
            current = next;
            if (done) {
                break;
            }
        }
        double[] scale = new double[k];
        Arrays.fill(scale, a);
        Value v = crossEntropy(z, y, c, pw, scale, new double[k]);
        return new Value(v.value() + RIDGE * a * a / 2, v.gradient(), v.scale());
    }

    private static Value rank(float[][] z, byte[][] y) {
        int n = z.length;
        int k = n == 0 ? 0 : z[0].length;
        double[][] g = new double[n][k];
        double value = 0;
        int aus = 0;
        for (int j = 0; j < k; j++) {
            int[] known = new int[n];
            int count = 0;
            int positives = 0;
            for (int s = 0; s < n; s++) {
                if (y[s] != null && y[s][j] != AuLabels.UNKNOWN) {
                    known[count++] = s;
                    positives += y[s][j] == 1 ? 1 : 0;
                }
            }
            int negatives = count - positives;
            if (positives == 0 || negatives == 0) {
                continue;
            }
            aus++;
            double mean = 0;
            for (int i = 0; i < count; i++) {
                mean += z[known[i]][j];
            }
            mean /= count;
            double var = 0;
            for (int i = 0; i < count; i++) {
                double d = z[known[i]][j] - mean;
                var += d * d;
            }
            double sd = Math.max(1e-6, Math.sqrt(var / count));
            double[] u = new double[count];
            for (int i = 0; i < count; i++) {
                u[i] = (z[known[i]][j] - mean) / sd;
            }
            double[] du = new double[count];
            double pairs = (double) positives * negatives;
            double lk = 0;
            for (int p = 0; p < count; p++) {
                if (y[known[p]][j] != 1) {
                    continue;
                }
                for (int q = 0; q < count; q++) {
                    if (y[known[q]][j] == 1) {
                        continue;
                    }
                    double margin = u[p] - u[q];
                    lk += softplus(-margin) / pairs;
                    double d = -sigmoid(-margin) / pairs;
                    du[p] += d;
                    du[q] -= d;
                }
            }
            value += lk;
            // Through the standardisation: dL/dz_i = (du_i - mean(du) - u_i mean(du u)) / sd.
            double mdu = 0;
            double mduu = 0;
            for (int i = 0; i < count; i++) {
                mdu += du[i] / count;
                mduu += du[i] * u[i] / count;
            }
            for (int i = 0; i < count; i++) {
                g[known[i]][j] = (du[i] - mdu - u[i] * mduu) / sd;
            }
        }
        if (aus > 0) {
            value /= aus;
            for (double[] row : g) {
                for (int j = 0; j < k; j++) {
                    row[j] /= aus;
                }
            }
        }
        return new Value(value, g, ones(k));
    }

    private static Value softF1(float[][] z, byte[][] y) {
        int n = z.length;
        int k = n == 0 ? 0 : z[0].length;
        double[][] g = new double[n][k];
        double value = 0;
        int aus = 0;
        for (int j = 0; j < k; j++) {
            double tp = 0;
            double sumP = 0;
            double positives = 0;
            for (int s = 0; s < n; s++) {
                if (y[s] == null || y[s][j] == AuLabels.UNKNOWN) {
                    continue;
                }
                double p = sigmoid(z[s][j]);
                sumP += p;
                if (y[s][j] == 1) {
                    positives++;
                    tp += p;
                }
            }
            if (positives == 0) {
                continue;
            }
            aus++;
            double denominator = sumP + positives;
            value += 1 - 2 * tp / denominator;
            for (int s = 0; s < n; s++) {
                if (y[s] == null || y[s][j] == AuLabels.UNKNOWN) {
                    continue;
                }
                double p = sigmoid(z[s][j]);
                double dF1dp = (y[s][j] == 1 ? 2 / denominator : 0) - 2 * tp / (denominator * denominator);
                g[s][j] = -dF1dp * p * (1 - p);
            }
        }
        if (aus > 0) {
            value /= aus;
            for (double[] row : g) {
                for (int j = 0; j < k; j++) {
                    row[j] /= aus;
                }
            }
        }
        return new Value(value, g, ones(k));
    }

    static double softplus(double u) {
        return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
    }

    static double sigmoid(double u) {
        return u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
    }
}
