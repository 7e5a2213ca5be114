package org.malau.meta;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * The meta net psi of MAL: a one-hidden-layer MLP that maps a sample's detached backbone features
 * plus a task indicator (0 = AU sample, 1 = expression sample) to a weight in (0, 1).
 * <p>
 * It has a few thousand parameters, so it is plain Java: forward, backward and its optimiser take
 * microseconds, no native library is involved, and it works unchanged with any network backend.
 * Inputs are standardised per sample (zero mean, unit variance over the feature vector) so that
 * the growing scale of the backbone's ReLU features during training does not saturate the
 * hidden layer; the task indicator is appended afterwards. The output bias starts at 0, so every
 * sample starts at weight 0.5.
 * <p>
 * Optional further inputs ({@link MetaInputs}: the sample's loss, its expression label) follow the
 * task indicator.
 * <p>
 * Parameters are one flat vector: W1 (hidden x in), b1 (hidden), w2 (hidden), b2, where in = F + 1 +
 * the optional inputs.
 */
public final class MetaWeightNet {
    /** Format 1 had no optional inputs; format 2 records them; format 3 adds the uncertainty inputs. */
    private static final int FORMAT = 3;

    private final int featureSize;
    private final int hiddenSize;
    private final MetaInputs inputs;
    private final double[] psi;

    private MetaWeightNet(int featureSize, int hiddenSize, MetaInputs inputs, double[] psi) {
        this.featureSize = featureSize;
        this.hiddenSize = hiddenSize;
        this.inputs = inputs;
        this.psi = psi;
    }

    /** A new net on features and task only (MAL.md's psi), with small seeded random first-layer weights. */
    public static MetaWeightNet create(int featureSize, int hiddenSize, long seed) {
        return create(featureSize, hiddenSize, MetaInputs.FEATURES, seed);
    }

    /** A new net that also sees {@code inputs}, with small seeded random first-layer weights. */
    public static MetaWeightNet create(int featureSize, int hiddenSize, MetaInputs inputs, long seed) {
        if (featureSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("meta net needs at least one feature and one hidden unit");
        }
        int in = featureSize + 1 + inputs.extra();
        double[] p = new double[parameterCount(in, hiddenSize)];
        SplittableRandom r = new SplittableRandom(seed);
        double s1 = Math.sqrt(2.0 / in);
        for (int i = 0; i < hiddenSize * in; i++) {
            p[i] = gaussian(r) * s1;
        }
        int w2 = hiddenSize * in + hiddenSize;
        double s2 = Math.sqrt(1.0 / hiddenSize);
        for (int h = 0; h < hiddenSize; h++) {
            p[w2 + h] = gaussian(r) * s2 * 0.1;
        }
        return new MetaWeightNet(featureSize, hiddenSize, inputs, p);
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    private static int parameterCount(int in, int hiddenSize) {
        return hiddenSize * in + hiddenSize + hiddenSize + 1;
    }

    private int inputSize() {
        return featureSize + 1 + inputs.extra();
    }

    public int featureSize() {
        return featureSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    /** What the net sees besides features and task. */
    public MetaInputs inputs() {
        return inputs;
    }

    public int parameterCount() {
        return psi.length;
    }

    /** A copy of psi. */
    public double[] parameters() {
        return psi.clone();
    }

    /** Replaces psi by a copy of {@code values}, e.g. a saved state of the same net. */
    public void setParameters(double[] values) {
        if (values.length != psi.length) {
            throw new IllegalArgumentException("expected " + psi.length + " meta parameters, got " + values.length);
        }
        System.arraycopy(values, 0, psi, 0, psi.length);
    }

    /** psi += scale * direction. */
    public void addToParameters(double[] direction, double scale) {
        if (direction.length != psi.length) {
            throw new IllegalArgumentException("expected " + psi.length + " meta parameters, got " + direction.length);
        }
        for (int i = 0; i < psi.length; i++) {
            psi[i] += scale * direction[i];
        }
    }

    /** A deep copy, for the immutable trained model. */
    public MetaWeightNet copy() {
        return new MetaWeightNet(featureSize, hiddenSize, inputs, psi.clone());
    }

    /** Weight of each sample, for a net on features and task only. */
    public double[] weights(float[][] features, int[] task) {
        return forward(features, task).weights();
    }

    /** Weight of each sample; see {@link #forward(float[][], int[], double[], int[])}. */
    public double[] weights(float[][] features, int[] task, double[] loss, int[] label) {
        return forward(features, task, loss, label).weights();
    }

    /** Forward pass of a net on features and task only. */
    public Pass forward(float[][] features, int[] task) {
        return forward(features, task, null, null);
    }

    /**
     * Forward pass keeping what the backward pass needs.
     *
     * @param loss per sample its current loss; needed when {@link MetaInputs#loss()}, else ignored
     * @param label per sample its expression class index (negative = none); needed when the net sees
     *     labels, else ignored; only expression samples (task 1) get a one-hot label
     */
    public Pass forward(float[][] features, int[] task, double[] loss, int[] label) {
        return forward(features, task, loss, label, null);
    }

    /**
     * Forward pass keeping what the backward pass needs.
     *
     * @param uncertainty per sample its {@value MetaInputs#UNCERTAINTY_INPUTS} standardised uncertainty inputs (see
     *     {@link MetaInputs}); needed when the net sees them, else ignored
     */
    public Pass forward(float[][] features, int[] task, double[] loss, int[] label, double[][] uncertainty) {
        int n = features.length;
        if (inputs.uncertainty() && (uncertainty == null || uncertainty.length != n)) {
            throw new IllegalArgumentException("this meta net needs the uncertainty inputs of each of the " + n + " samples");
        }
        if (inputs.loss() && (loss == null || loss.length != n)) {
            throw new IllegalArgumentException("this meta net needs the loss of each of the " + n + " samples");
        }
        if (inputs.labelClasses() > 0 && (label == null || label.length != n)) {
            throw new IllegalArgumentException("this meta net needs the expression label of each of the " + n + " samples");
        }
        int in = inputSize();
        double[][] x = new double[n][];
        double[][] h = new double[n][hiddenSize];
        double[] w = new double[n];
        int b1 = hiddenSize * in;
        int w2 = b1 + hiddenSize;
        int b2 = w2 + hiddenSize;
        for (int s = 0; s < n; s++) {
            if (features[s].length != featureSize) {
                throw new IllegalArgumentException("meta net expects " + featureSize + " features, got " + features[s].length);
            }
            x[s] = input(features[s], task[s], loss == null ? 0 : loss[s], label == null ? -1 : label[s],
                uncertainty == null ? null : uncertainty[s]);
            double z = psi[b2];
            for (int k = 0; k < hiddenSize; k++) {
                double a = psi[b1 + k];
                int row = k * in;
                for (int i = 0; i < in; i++) {
                    a += psi[row + i] * x[s][i];
                }
                h[s][k] = a > 0 ? a : 0;
                z += psi[w2 + k] * h[s][k];
            }
            w[s] = 1 / (1 + Math.exp(-z));
        }
        return new Pass(x, h, w);
    }

    private double[] input(float[] f, int task, double loss, int label, double[] uncertainty) {
        double mean = 0;
        for (float v : f) {
            mean += v;
        }
        mean /= f.length;
        double var = 0;
        for (float v : f) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / f.length + 1e-6);
        double[] x = new double[inputSize()];
        for (int i = 0; i < featureSize; i++) {
            x[i] = (f[i] - mean) / sd;
        }
        x[featureSize] = task;
        int next = featureSize + 1;
        if (inputs.loss()) {
            // log(1 + l) keeps the rare huge loss of a badly wrong sample from saturating the hidden layer.
            x[next++] = Math.log1p(Math.max(0, loss));
        }
        if (task == 1 && label >= 0 && label < inputs.labelClasses()) {
            x[next + label] = 1;
        }
        next += inputs.labelClasses();
        if (inputs.uncertainty()) {
            for (int k = 0; k < MetaInputs.UNCERTAINTY_INPUTS; k++) {
                x[next + k] = uncertainty[k];
            }
        }
        return x;
    }

    /**
     * d(objective)/d(psi) given d(objective)/d(w_s) for every sample of {@code pass}.
     */
    public double[] gradient(Pass pass, double[] dObjectiveDWeight) {
        int in = inputSize();
        int b1 = hiddenSize * in;
        int w2 = b1 + hiddenSize;
        int b2 = w2 + hiddenSize;
        double[] g = new double[psi.length];
        for (int s = 0; s < pass.weights.length; s++) {
            double w = pass.weights[s];
            double dz = dObjectiveDWeight[s] * w * (1 - w);
            if (dz == 0) {
                continue;
            }
            g[b2] += dz;
            for (int k = 0; k < hiddenSize; k++) {
                g[w2 + k] += dz * pass.hidden[s][k];
                if (pass.hidden[s][k] > 0) {
                    double da = dz * psi[w2 + k];
                    g[b1 + k] += da;
                    int row = k * in;
                    for (int i = 0; i < in; i++) {
                        g[row + i] += da * pass.inputs[s][i];
                    }
                }
            }
        }
        return g;
    }

    /** Writes the net in a small binary layout (format version, sizes, optional inputs, psi). */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        out.writeInt(featureSize);
        out.writeInt(hiddenSize);
        out.writeBoolean(inputs.loss());
        out.writeInt(inputs.labelClasses());
        out.writeBoolean(inputs.uncertainty());
        for (double v : psi) {
            out.writeDouble(v);
        }
    }

    /** Reads a net written by {@link #write}. */
    public static MetaWeightNet read(DataInputStream in) throws IOException {
        int format = in.readInt();
        if (format < 1 || format > FORMAT) {
            throw new IOException("meta net format " + format + " is not supported (expected 1 to " + FORMAT + ")");
        }
        int f = in.readInt();
        int h = in.readInt();
        if (f < 1 || h < 1 || f > 1 << 16 || h > 1 << 16) {
            throw new IOException("meta net sizes " + f + "/" + h + " are implausible");
        }
        MetaInputs inputs = MetaInputs.FEATURES;
        if (format >= 2) {
            boolean loss = in.readBoolean();
            int labels = in.readInt();
            if (labels < 0 || labels > 1 << 10) {
                throw new IOException("meta net label classes " + labels + " are implausible");
            }
            inputs = new MetaInputs(loss, labels, format >= 3 && in.readBoolean());
        }
        double[] p = new double[parameterCount(f + 1 + inputs.extra(), h)];
        for (int i = 0; i < p.length; i++) {
            p[i] = in.readDouble();
        }
        return new MetaWeightNet(f, h, inputs, p);
    }

    /** Intermediate values of one forward pass. */
    public static final class Pass {
        private final double[][] inputs;
        private final double[][] hidden;
        private final double[] weights;

        Pass(double[][] inputs, double[][] hidden, double[] weights) {
            this.inputs = inputs;
            this.hidden = hidden;
            this.weights = weights;
        }

        /** The weight of each sample, in (0, 1). */
        public double[] weights() {
            return weights.clone();
        }
    }
}
