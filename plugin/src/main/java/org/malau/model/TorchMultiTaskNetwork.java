package org.malau.model;

import java.util.List;
import java.util.SplittableRandom;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.malau.data.AuLabels;
import org.malau.runtime.TorchRuntime;

/**
 * {@link MultiTaskNetwork} on LibTorch (through JavaCPP): the same architecture and initialisation
 * rules as {@link Dl4jMultiTaskNetwork} (3x3 "same" convolutions with ReLU and 2x2 max pooling, a
 * ReLU dense feature layer, two linear heads; He-normal weights, zero biases, heads N(0, 0.01)),
 * and, on this engine only, the {@value NetworkConfig#FACE_API} backbone ({@link FaceApiBackbone}),
 * written as plain tensor functions over the flat {@link NetworkParameters} layout, so that theta
 * here is exactly the engine-neutral vector and per-sample losses are ordinary autograd nodes.
 * <p>
 * Because LibTorch can differentiate a gradient again, {@link #directionalDerivatives} gives MAL's
 * v . grad l_s exactly. Native memory of temporaries is freed when each call returns (a JavaCPP
 * {@link PointerScope} per call); only theta and, between {@link #backward} and
 * {@link #backwardAgain}, that pass's autograd graph outlive a call.
 * <p>
 * Not thread-safe; one training or prediction at a time per instance.
 */
public final class TorchMultiTaskNetwork implements MultiTaskNetwork {
    /**
     * Faces per forward pass when predicting. A pass's activations outgrow the caches beyond this (at
     * 256 faces the first feature map is 38 MB): on 2 cores the default network predicts about 8,500
     * faces/s in passes of 64 or 128 and, in some runs, a quarter of that in passes of 256
     * (bench/RESULTS.md), so a caller's larger batch is fed through in passes of this size; the results
     * do not depend on it.
     */
    static final int INFERENCE_CHUNK = 64;

    public static final String ENGINE = "libtorch";
    private static final double HEAD_INIT_STD = 0.01;
    /** at::Reduction::None. */
    private static final long NO_REDUCTION = 0;

    private final NetworkConfig config;
    private final List<NetworkParameters.Spec> layout;
    private final int count;
    /** Leaf tensors of theta, one per {@link #layout} entry, kept beyond any call's scope. */
    private final Tensor[] theta;
    private double[] positiveWeights;
    /** The most recent backward pass, for {@link #backwardAgain} and {@link #directionalDerivatives}. */
    private Kept kept;
    /** The batch of the most recent backward pass, also after its graph was dropped. */
    private LabelledBatch lastBatch;

    /** Per-sample losses of one forward pass whose autograd graph is kept for more gradients. */
    private record Kept(LabelledBatch batch, Tensor au, Tensor expression, SampleLosses losses, float[][] features) {
        void release() {
            au.releaseReference();
            expression.releaseReference();
        }
    }

    private TorchMultiTaskNetwork(NetworkConfig config, float[] values, double[] positiveWeights) {
        TorchRuntime.ensureLoaded();
        this.config = config;
        this.layout = NetworkParameters.layout(config);
        this.count = NetworkParameters.count(config);
        this.positiveWeights = positiveWeights == null ? null : positiveWeights.clone();
        theta = new Tensor[layout.size()];
        try (PointerScope scope = new PointerScope()) {
            for (int i = 0; i < theta.length; i++) {
                NetworkParameters.Spec s = layout.get(i);
                Tensor t = torch.empty(longs(s.shape()));
                t.data_ptr_float().put(values, s.offset(), s.size());
                theta[i] = t.requires_grad_(true);
                theta[i].retainReference();
            }
        }
    }

    /** A freshly initialised network; the same seed gives the same theta on every machine. */
    public static TorchMultiTaskNetwork create(NetworkConfig config, long seed) {
        return new TorchMultiTaskNetwork(config, initialValues(config, seed), null);
    }

    /** A network with the given theta. */
    public static TorchMultiTaskNetwork of(NetworkParameters parameters) {
        return new TorchMultiTaskNetwork(parameters.config(), parameters.values(), null);
    }

    /**
     * He-normal weights (std sqrt(2 / fan-in), as DL4J's {@code WeightInit.RELU}) for convolutions
     * and the feature layer, zero biases, and N(0, 0.01) head weights so that both losses start at
     * their chance values (the reason is in {@link Dl4jMultiTaskNetwork#create}).
     */
    static float[] initialValues(NetworkConfig config, long seed) {
        float[] v = new float[NetworkParameters.count(config)];
        SplittableRandom r = new SplittableRandom(seed);
        for (NetworkParameters.Spec s : NetworkParameters.layout(config)) {
            if (s.name().endsWith(".bias")) {
                continue;
            }
            int[] shape = s.shape();
            int fanIn = s.size() / shape[0];
            boolean head = s.name().startsWith("au.") || s.name().startsWith("fe.");
            double std = head ? HEAD_INIT_STD : Math.sqrt(2.0 / fanIn);
            for (int i = 0; i < s.size(); i++) {
                v[s.offset() + i] = (float) (gaussian(r) * std);
            }
        }
        return v;
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double w = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * w);
    }

    @Override
    public String engine() {
        return ENGINE;
    }

    @Override
    public NetworkConfig config() {
        return config;
    }

    @Override
    public int parameterCount() {
        return count;
    }

    @Override
    public NetOutput forward(ImageTensor images, boolean withFeatures) {
        drop();
        if (images.count() <= INFERENCE_CHUNK) {
            return forwardChunk(images, withFeatures);
        }
        int n = images.count();
        float[][][] parts = new float[5][n][];
        for (int from = 0; from < n; from += INFERENCE_CHUNK) {
            int to = Math.min(n, from + INFERENCE_CHUNK);
            NetOutput o = forwardChunk(images.slice(from, to), withFeatures);
            float[][][] chunk = {o.auLogits(), o.auProbabilities(), o.expressionLogits(), o.expressionProbabilities(),
                o.features()};
            for (int k = 0; k < 5; k++) {
                if (chunk[k] != null) {
                    System.arraycopy(chunk[k], 0, parts[k], from, to - from);
                }
            }
        }
        return new NetOutput(parts[0], parts[1], parts[2], parts[3], withFeatures ? parts[4] : null);
    }

    private NetOutput forwardChunk(ImageTensor images, boolean withFeatures) {
        try (NoGradGuard noGrad = new NoGradGuard(); PointerScope scope = new PointerScope()) {
            Pass p = pass(images);
            float[][] au = rows(p.au);
            float[][] fe = rows(p.expression);
            float[][] auP = rows(torch.sigmoid(p.au));
            float[][] feP = rows(torch.softmax(p.expression, 1));
            return new NetOutput(au, auP, fe, feP, withFeatures ? rows(p.features) : null);
        }
    }

    @Override
    public SampleLosses losses(LabelledBatch batch) {
        drop();
        try (NoGradGuard noGrad = new NoGradGuard(); PointerScope scope = new PointerScope()) {
            Pass p = pass(batch.images());
            Tensor[] l = sampleLosses(p, batch);
            return new SampleLosses(doubles(l[0]), doubles(l[1]));
        }
    }

    @Override
    public WeightedGradient backward(LabelledBatch batch, SampleWeighting weighting) {
        drop();
        try (PointerScope scope = new PointerScope()) {
            Pass p = pass(batch.images());
            Tensor[] l = sampleLosses(p, batch);
            SampleLosses losses = new SampleLosses(doubles(l[0]), doubles(l[1]));
            float[][] features = rows(p.features);
            l[0].retainReference();
            l[1].retainReference();
            kept = new Kept(batch, l[0], l[1], losses, features);
            lastBatch = batch;
            return gradient(weighting.weigh(features, losses));
        }
    }

    @Override
    public WeightedGradient backwardAgain(SampleWeights weights) {
        if (lastBatch == null) {
            throw new IllegalStateException("backwardAgain needs a preceding backward pass");
        }
        if (kept == null) {
            return backward(lastBatch, weights);
        }
        try (PointerScope scope = new PointerScope()) {
            return gradient(weights);
        }
    }

    /** The weighted gradient from the kept graph, which stays for another call. */
    private WeightedGradient gradient(SampleWeights w) {
        int n = kept.batch.size();
        double total = 0;
        for (int s = 0; s < n; s++) {
            total += w.au()[s] * kept.losses.au()[s] + w.expression()[s] * kept.losses.expression()[s];
        }
        Tensor loss = kept.au.mul(vector(w.au())).sum().add(kept.expression.mul(vector(w.expression())).sum());
        TensorVector g = torch.grad(new TensorVector(loss), new TensorVector(theta), new TensorVector(),
            new BoolOptional(true), false, true);
        return new WeightedGradient(flatten(g), total, kept.losses, w, kept.features);
    }

    @Override
    public boolean exactDirectionalDerivatives() {
        return true;
    }

    /**
     * d_s = v . grad l_s for every sample, exactly: by forward-mode differentiation on the conv backbone, by double
     * backward on the face-api one.
     */
    @Override
    public SampleLosses directionalDerivatives(LabelledBatch batch, float[] v) {
        if (v.length != count) {
            throw new IllegalArgumentException("expected a direction of " + count + " values, got " + v.length);
        }
        return config.isFaceApi() ? byDoubleBackward(batch, v) : byForwardMode(batch, v);
    }

    /**
     * d_s by forward-mode differentiation of the conv network ({@link ConvNetTangents}): one pass of about three
     * forward passes' cost instead of a graph-building backward pass and a backward pass through it. Leaves a kept
     * backward pass usable (theta does not move).
     */
    SampleLosses byForwardMode(LabelledBatch batch, float[] v) {
        try (NoGradGuard noGrad = new NoGradGuard(); PointerScope scope = new PointerScope()) {
            Tensor[] direction = new Tensor[theta.length];
            for (int i = 0; i < theta.length; i++) {
                direction[i] = tensor(v, layout.get(i));
            }
            ConvNetTangents.Logits l = ConvNetTangents.along(input(batch.images()), theta, direction,
                config.convChannels().length);
            return lossDerivatives(batch, rows(l.au()), rows(l.auTangent()), rows(l.expression()),
                rows(l.expressionTangent()));
        }
    }

    /**
     * Per sample the derivative of its AU and expression losses ({@link #sampleLosses}) along a direction: dl/dz of
     * {@link AuBinaryCrossEntropy} and {@link ExpressionCrossEntropy} at the logits z, dotted with the logits'
     * derivatives dz along that direction.
     */
    private SampleLosses lossDerivatives(LabelledBatch batch, float[][] z, float[][] dz, float[][] e, float[][] de) {
        AuBinaryCrossEntropy auLoss = new AuBinaryCrossEntropy(positiveWeights);
        ExpressionCrossEntropy feLoss = new ExpressionCrossEntropy();
        int n = batch.size();
        double[] au = new double[n];
        double[] fe = new double[n];
        double[] auGradient = new double[config.auCount()];
        double[] feGradient = new double[config.expressionCount()];
        for (int s = 0; s < n; s++) {
            auLoss.evaluate(z[s], batch.au()[s], auGradient);
            feLoss.evaluate(e[s], batch.expression()[s], feGradient);
            au[s] = dot(auGradient, dz[s]);
            fe[s] = dot(feGradient, de[s]);
        }
        return new SampleLosses(au, fe);
    }

    private static double dot(double[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /**
     * d_s by double backward (any backbone): with per-sample factors e_s = 1, g(e) = grad_theta sum_s e_s l_s is
     * built with {@code create_graph}, and d(g . v)/d e_s = v . grad l_s. When the batch is the one of the kept
     * {@link #backward} pass at the same theta, that pass's forward graph is reused and stays usable for
     * {@link #backwardAgain}.
     */
    SampleLosses byDoubleBackward(LabelledBatch batch, float[] v) {
        boolean reuse = kept != null && kept.batch == batch;
        if (!reuse) {
            drop();
        }
        try (PointerScope scope = new PointerScope()) {
            Tensor au;
            Tensor fe;
            if (reuse) {
                au = kept.au;
                fe = kept.expression;
            } else {
                Tensor[] l = sampleLosses(pass(batch.images()), batch);
                au = l[0];
                fe = l[1];
            }
            int n = batch.size();
            Tensor ea = torch.ones(n).requires_grad_(true);
            Tensor ee = torch.ones(n).requires_grad_(true);
            Tensor loss = au.mul(ea).sum().add(fe.mul(ee).sum());
            TensorVector g = torch.grad(new TensorVector(loss), new TensorVector(theta), new TensorVector(),
                new BoolOptional(true), true, true);
            Tensor gv = null;
            for (int i = 0; i < theta.length; i++) {
                Tensor gi = g.get(i);
                if (!gi.defined()) {
                    continue;
                }
                Tensor term = gi.mul(tensor(v, layout.get(i))).sum();
                gv = gv == null ? term : gv.add(term);
            }
            if (gv == null) {
                return new SampleLosses(new double[n], new double[n]);
            }
            TensorVector d = torch.grad(new TensorVector(gv), new TensorVector(ea, ee), new TensorVector(),
                new BoolOptional(reuse), false, true);
            return new SampleLosses(d.get(0).defined() ? doubles(d.get(0)) : new double[n],
                d.get(1).defined() ? doubles(d.get(1)) : new double[n]);
        }
    }

    /**
     * Forward mode per direction on the conv backbone; on the face-api one a double backward whose first,
     * graph-building pass all directions share.
     */
    @Override
    public SampleLosses[] directionalDerivatives(LabelledBatch batch, float[][] directions) {
        for (float[] v : directions) {
            if (v.length != count) {
                throw new IllegalArgumentException("expected a direction of " + count + " values, got " + v.length);
            }
        }
        if (!config.isFaceApi()) {
            SampleLosses[] out = new SampleLosses[directions.length];
            for (int d = 0; d < directions.length; d++) {
                out[d] = byForwardMode(batch, directions[d]);
            }
            return out;
        }
        drop();
        try (PointerScope scope = new PointerScope()) {
            Tensor[] l = sampleLosses(pass(batch.images()), batch);
            int n = batch.size();
            Tensor ea = torch.ones(n).requires_grad_(true);
            Tensor ee = torch.ones(n).requires_grad_(true);
            Tensor loss = l[0].mul(ea).sum().add(l[1].mul(ee).sum());
            TensorVector g = torch.grad(new TensorVector(loss), new TensorVector(theta), new TensorVector(),
                new BoolOptional(true), true, true);
            SampleLosses[] out = new SampleLosses[directions.length];
            for (int d = 0; d < directions.length; d++) {
                Tensor gv = null;
                for (int i = 0; i < theta.length; i++) {
                    Tensor gi = g.get(i);
                    if (!gi.defined()) {
                        continue;
                    }
                    Tensor term = gi.mul(tensor(directions[d], layout.get(i))).sum();
                    gv = gv == null ? term : gv.add(term);
                }
                if (gv == null) {
                    out[d] = new SampleLosses(new double[n], new double[n]);
                    continue;
                }
                TensorVector r = torch.grad(new TensorVector(gv), new TensorVector(ea, ee), new TensorVector(),
                    new BoolOptional(true), false, true);
                out[d] = new SampleLosses(r.get(0).defined() ? doubles(r.get(0)) : new double[n],
                    r.get(1).defined() ? doubles(r.get(1)) : new double[n]);
            }
            return out;
        }
    }

    @Override
    public float[] outputGradient(ImageTensor images, double[][] auLogits, double[][] features) {
        drop();
        int n = images.count();
        try (PointerScope scope = new PointerScope()) {
            Pass p = pass(images);
            Tensor f = null;
            if (auLogits != null) {
                f = p.au.mul(matrix(flat(auLogits, n, config.auCount(), "AU logits"), n, config.auCount())).sum();
            }
            if (features != null) {
                int k = (int) p.features.size(1);
                Tensor t = p.features.mul(matrix(flat(features, n, k, "features"), n, k)).sum();
                f = f == null ? t : f.add(t);
            }
            if (f == null) {
                return new float[count];
            }
            TensorVector g = torch.grad(new TensorVector(f), new TensorVector(theta), new TensorVector(),
                new BoolOptional(false), false, true);
            return flatten(g);
        }
    }

    private static float[] flat(double[][] rows, int n, int k, String what) {
        if (rows.length != n) {
            throw new IllegalArgumentException("expected " + what + " derivatives for " + n + " images, got " + rows.length);
        }
        float[] out = new float[n * k];
        for (int s = 0; s < n; s++) {
            if (rows[s].length != k) {
                throw new IllegalArgumentException("expected " + k + " " + what + " derivatives per image, got " + rows[s].length);
            }
            for (int j = 0; j < k; j++) {
                out[s * k + j] = (float) rows[s][j];
            }
        }
        return out;
    }

    /** The activations of one forward pass that the losses and outputs need. */
    private record Pass(Tensor features, Tensor au, Tensor expression) {
    }

    private Pass pass(ImageTensor images) {
        Tensor x = input(images);
        if (config.isFaceApi()) {
            int blocks = config.convChannels().length;
            int p = FaceApiBackbone.tensorCount(blocks);
            Tensor features = FaceApiBackbone.features(x, theta, 0, blocks);
            return new Pass(features, torch.linear(features, theta[p], new TensorOptional(theta[p + 1])),
                torch.linear(features, theta[p + 2], new TensorOptional(theta[p + 3])));
        }
        int convs = config.convChannels().length;
        long[] one = {1, 1};
        long[] two = {2, 2};
        for (int i = 0; i < convs; i++) {
            // Channels-last because LibTorch's CPU max pooling is vectorised only in that layout: in the default
            // layout the three poolings took three quarters of a forward pass (bench/RESULTS.md). The first
            // convolution's output needs the explicit conversion: with one input channel both layouts look alike
            // and LibTorch keeps the default; later ones take the layout from their input.
            x = torch.conv2d(x, theta[2 * i], new TensorOptional(theta[2 * i + 1]), one, one, one, 1)
                .contiguous(torch.MemoryFormat.ChannelsLast);
            x = torch.max_pool2d(torch.relu(x), two, two, new long[] {0, 0}, one, true);
        }
        int p = 2 * convs;
        // flatten works on the logical (channel, row, column) order whatever the layout, as the DL4J network.
        Tensor features = torch.relu(torch.linear(x.flatten(1, -1), theta[p], new TensorOptional(theta[p + 1])));
        Tensor au = torch.linear(features, theta[p + 2], new TensorOptional(theta[p + 3]));
        Tensor fe = torch.linear(features, theta[p + 4], new TensorOptional(theta[p + 5]));
        return new Pass(features, au, fe);
    }

    private Tensor input(ImageTensor images) {
        if (images.channels() != config.channels() || images.height() != config.inputSize()
            || images.width() != config.inputSize()) {
            throw new IllegalArgumentException("the network takes " + config.inputSize() + "x" + config.inputSize() + "x"
                + config.channels() + " images, got " + images.height() + "x" + images.width() + "x" + images.channels());
        }
        Tensor x = torch.empty(images.count(), images.channels(), images.height(), images.width());
        x.data_ptr_float().put(images.data());
        return x;
    }

    /**
     * Per-sample losses as in {@link AuBinaryCrossEntropy} and {@link ExpressionCrossEntropy}: the AU
     * loss is the mean of the (positive-weighted) binary cross-entropies over a sample's known AUs,
     * 0 without any; the expression loss is the softmax cross-entropy, 0 without a label.
     */
    private Tensor[] sampleLosses(Pass p, LabelledBatch batch) {
        int n = batch.size();
        int j = config.auCount();
        float[] y = new float[n * j];
        float[] mask = new float[n * j];
        float[] perKnown = new float[n];
        long[] label = new long[n];
        for (int s = 0; s < n; s++) {
            byte[] a = batch.au()[s];
            int known = 0;
            for (int k = 0; a != null && k < j; k++) {
                if (a[k] != AuLabels.UNKNOWN) {
                    known++;
                    mask[s * j + k] = 1;
                    y[s * j + k] = a[k];
                }
            }
            perKnown[s] = known == 0 ? 0 : 1f / known;
            label[s] = batch.expression()[s] >= 0 ? batch.expression()[s] : -1;
        }
        TensorOptional pw = positiveWeights == null ? new TensorOptional() : new TensorOptional(vector(positiveWeights));
        Tensor bce = torch.binary_cross_entropy_with_logits(p.au, matrix(y, n, j), new TensorOptional(), pw, NO_REDUCTION);
        Tensor au = bce.mul(matrix(mask, n, j)).sum(new long[] {1}, false, new ScalarTypeOptional()).mul(vector(perKnown));
        Tensor target = torch.empty(new long[] {n}, new TensorOptions(torch.ScalarType.Long), null);
        target.data_ptr_long().put(label);
        Tensor fe = torch.cross_entropy_loss(p.expression, target, new TensorOptional(), NO_REDUCTION, -1, 0.0);
        return new Tensor[] {au, fe};
    }

    /** Forgets the kept graph; every other pass or parameter change makes it stale. */
    private void drop() {
        if (kept != null) {
            kept.release();
            kept = null;
        }
    }

    @Override
    public MultiTaskNetwork copy() {
        return new TorchMultiTaskNetwork(config, parameters(), positiveWeights);
    }

    @Override
    public float[] parameters() {
        float[] v = new float[count];
        for (int i = 0; i < theta.length; i++) {
            NetworkParameters.Spec s = layout.get(i);
            theta[i].data_ptr_float().get(v, s.offset(), s.size());
        }
        return v;
    }

    @Override
    public void setParameters(float[] values) {
        checkLength(values);
        drop();
        for (int i = 0; i < theta.length; i++) {
            NetworkParameters.Spec s = layout.get(i);
            theta[i].data_ptr_float().put(values, s.offset(), s.size());
        }
    }

    @Override
    public void addToParameters(float[] direction, double scale) {
        checkLength(direction);
        float[] v = parameters();
        for (int i = 0; i < v.length; i++) {
            v[i] += (float) (scale * direction[i]);
        }
        setParameters(v);
    }

    @Override
    public NetworkParameters namedParameters() {
        return new NetworkParameters(config, parameters());
    }

    @Override
    public void setNamedParameters(NetworkParameters parameters) {
        if (!NetworkParameters.layout(parameters.config()).equals(layout)) {
            throw new IllegalArgumentException("parameters of a " + NetworkParameters.describe(parameters.config())
                + " network do not fit a " + NetworkParameters.describe(config) + " network");
        }
        setParameters(parameters.values());
    }

    private void checkLength(float[] v) {
        if (v.length != count) {
            throw new IllegalArgumentException("expected " + count + " parameters, got " + v.length);
        }
    }

    @Override
    public double[] auPositiveWeights() {
        return positiveWeights == null ? null : positiveWeights.clone();
    }

    @Override
    public void setAuPositiveWeights(double[] weights) {
        if (weights != null && weights.length != config.auCount()) {
            throw new IllegalArgumentException("expected " + config.auCount() + " positive weights, got " + weights.length);
        }
        drop();
        positiveWeights = weights == null ? null : weights.clone();
    }

    private float[] flatten(TensorVector grads) {
        float[] out = new float[count];
        for (int i = 0; i < theta.length; i++) {
            Tensor g = grads.get(i);
            if (g.defined()) {
                NetworkParameters.Spec s = layout.get(i);
                g.contiguous().data_ptr_float().get(out, s.offset(), s.size());
            }
        }
        return out;
    }

    private static Tensor tensor(float[] flat, NetworkParameters.Spec s) {
        Tensor t = torch.empty(longs(s.shape()));
        t.data_ptr_float().put(flat, s.offset(), s.size());
        return t;
    }

    private static Tensor vector(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return vector(f);
    }

    private static Tensor vector(float[] values) {
        Tensor t = torch.empty(values.length);
        t.data_ptr_float().put(values);
        return t;
    }

    private static Tensor matrix(float[] values, int rows, int cols) {
        Tensor t = torch.empty(rows, cols);
        t.data_ptr_float().put(values);
        return t;
    }

    private static float[][] rows(Tensor t) {
        Tensor c = t.contiguous();
        int n = (int) c.size(0);
        int k = (int) c.size(1);
        float[] flat = new float[n * k];
        c.data_ptr_float().get(flat);
        float[][] r = new float[n][k];
        for (int s = 0; s < n; s++) {
            System.arraycopy(flat, s * k, r[s], 0, k);
        }
        return r;
    }

    private static double[] doubles(Tensor t) {
        Tensor c = t.contiguous();
        float[] f = new float[(int) c.numel()];
        c.data_ptr_float().get(f);
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static long[] longs(int[] shape) {
        long[] l = new long[shape.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = shape[i];
        }
        return l;
    }
}
