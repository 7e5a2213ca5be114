package org.malau.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.malau.runtime.NativeRuntime;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * {@link MultiTaskNetwork} on a DL4J {@link ComputationGraph}: conv blocks, a dense feature layer
 * {@code feat}, and two identity-activation dense heads {@code au} and {@code fe}.
 * <p>
 * The heads are plain dense layers, not DL4J output layers, because DL4J's losses cannot weigh
 * single examples (a fractional label mask also scales pre-activations). Instead the forward pass
 * keeps its inputs, the per-sample losses and their logit gradients are computed here in double,
 * multiplied by the sample weights, and handed to {@link ComputationGraph#backpropGradient}. DL4J's
 * own updater is {@link NoOp}: optimisers work on the flat theta outside the library.
 * <p>
 * Not thread-safe; one training or prediction at a time per instance.
 */
public final class Dl4jMultiTaskNetwork implements MultiTaskNetwork {
    private static final String INPUT = "in";
    private static final String FEATURES = "feat";
    private static final String AU = "au";
    private static final String FE = "fe";
    private static final double HEAD_INIT_STD = 0.01;

    private final NetworkConfig config;
    private final ReusableInputGraph graph;
    private final ExpressionCrossEntropy expressionLoss = new ExpressionCrossEntropy();
    private AuBinaryCrossEntropy auLoss = new AuBinaryCrossEntropy(null);
    /** The most recent backward pass, for {@link #backwardAgain}. */
    private LabelledBatch lastBatch;
    private SampleLosses lastLosses;
    private double[][] lastAuGrad;
    private double[][] lastFeGrad;
    private float[][] lastFeatures;
    /** Whether the graph still holds the layer inputs of {@link #lastBatch} at the current theta. */
    private boolean inputsKept;

    private Dl4jMultiTaskNetwork(NetworkConfig config, ReusableInputGraph graph) {
        this.config = config;
        this.graph = graph;
    }

    /**
     * Null when this engine can run networks of {@code config}'s architecture, else why not, naming the
     * engine that can. The {@value NetworkConfig#FACE_API} backbone is not built here: its summed dense
     * blocks, depthwise convolutions and TensorFlow's asymmetric padding would take a custom DL4J graph
     * and its own gradient plumbing, for an engine about ten times slower than LibTorch.
     */
    public static String unsupported(NetworkConfig config) {
        return config.isFaceApi() ? "the DL4J engine does not implement the " + NetworkConfig.FACE_API
            + " backbone (face-api.js's dense blocks on " + config.inputSize() + "x" + config.inputSize()
            + " RGB crops); only the " + TorchMultiTaskNetwork.ENGINE + " engine runs it" : null;
    }

    /** A freshly initialised network; the same seed gives the same theta. */
    public static Dl4jMultiTaskNetwork create(NetworkConfig config, long seed) {
        String unsupported = unsupported(config);
        if (unsupported != null) {
            throw new UnsupportedOperationException(unsupported);
        }
        NativeRuntime.ensureNd4j();
        ComputationGraphConfiguration.GraphBuilder b = new NeuralNetConfiguration.Builder()
            .seed(seed)
            .dataType(DataType.FLOAT)
            .updater(new NoOp())
            .weightInit(WeightInit.RELU)
            .convolutionMode(ConvolutionMode.Same)
            .graphBuilder()
            .addInputs(INPUT)
            .setInputTypes(InputType.convolutional(config.inputSize(), config.inputSize(), config.channels()));
        String previous = INPUT;
        int[] conv = config.convChannels();
        for (int i = 0; i < conv.length; i++) {
            String c = "conv" + (i + 1);
            String p = "pool" + (i + 1);
            b.addLayer(c, new ConvolutionLayer.Builder(3, 3).nOut(conv[i]).activation(Activation.RELU).build(), previous);
            b.addLayer(p, new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build(), c);
            previous = p;
        }
        b.addLayer(FEATURES, new DenseLayer.Builder().nOut(config.featureSize()).activation(Activation.RELU).build(), previous);
        // Heads start with near-zero logits, so both losses start at their chance values (ln 2, ln Q).
        // With the usual fan-in scale the random logits gave an expression loss far above ln Q, and
        // the cheapest way down was to shrink the shared features towards zero, which starved the AU
        // head for dozens of iterations (measured on the synthetic faces).
        b.addLayer(AU, new DenseLayer.Builder().nOut(config.auCount()).activation(Activation.IDENTITY)
            .weightInit(new NormalDistribution(0, HEAD_INIT_STD)).build(), FEATURES);
        b.addLayer(FE, new DenseLayer.Builder().nOut(config.expressionCount()).activation(Activation.IDENTITY)
            .weightInit(new NormalDistribution(0, HEAD_INIT_STD)).build(), FEATURES);
        b.setOutputs(AU, FE);
        ReusableInputGraph graph = new ReusableInputGraph(b.build());
        graph.init();
        return new Dl4jMultiTaskNetwork(config, graph);
    }

    /** A network with the given theta. */
    public static Dl4jMultiTaskNetwork of(NetworkParameters parameters) {
        Dl4jMultiTaskNetwork net = create(parameters.config(), 0);
        net.setNamedParameters(parameters);
        return net;
    }

    /** Reads the {@code network.bin} of a format-1 model file (DL4J's own zip of a graph). */
    public static Dl4jMultiTaskNetwork read(InputStream in, NetworkConfig config) throws IOException {
        NativeRuntime.ensureNd4j();
        ComputationGraph stored = ModelSerializer.restoreComputationGraph(in, false);
        if (stored.numParams() == 0 || stored.getConfiguration().getNetworkOutputs().size() != 2) {
            throw new IOException("the stored graph is not a MAL two-head network");
        }
        ReusableInputGraph graph = new ReusableInputGraph(stored.getConfiguration());
        graph.init(stored.params(), true);
        return new Dl4jMultiTaskNetwork(config, graph);
    }

    @Override
    public MultiTaskNetwork copy() {
        ReusableInputGraph g = new ReusableInputGraph(graph.getConfiguration().clone());
        g.init(graph.params(), true);
        Dl4jMultiTaskNetwork c = new Dl4jMultiTaskNetwork(config, g);
        c.auLoss = auLoss;
        return c;
    }

    public static final String ENGINE = "dl4j";
    /** The DL4J release on the class path, from its jar's Maven metadata. */
    public static final String LIBRARY_VERSION = libraryVersion();

    private static String libraryVersion() {
        try (InputStream in = ComputationGraph.class.getResourceAsStream(
            "/META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown version");
        } catch (IOException e) {
            return "unknown version";
        }
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
        return (int) graph.numParams();
    }

    @Override
    public NetOutput forward(ImageTensor images, boolean withFeatures) {
        dropKeptInputs();
        float[][] au;
        float[][] fe;
        float[][] features = null;
        if (withFeatures) {
            Map<String, INDArray> acts = graph.feedForward(new INDArray[] {toNd(images)}, false, true);
            au = rows(acts.get(AU));
            fe = rows(acts.get(FE));
            features = rows(acts.get(FEATURES));
        } else {
            INDArray[] out = graph.output(false, toNd(images));
            au = rows(out[0]);
            fe = rows(out[1]);
        }
        float[][] auP = new float[au.length][];
        float[][] feP = new float[fe.length][];
        for (int s = 0; s < au.length; s++) {
            auP[s] = new float[au[s].length];
            for (int j = 0; j < au[s].length; j++) {
                auP[s][j] = (float) AuBinaryCrossEntropy.sigmoid(au[s][j]);
            }
            double[] p = ExpressionCrossEntropy.softmax(fe[s]);
            feP[s] = new float[p.length];
            for (int q = 0; q < p.length; q++) {
                feP[s][q] = (float) p[q];
            }
        }
        return new NetOutput(au, auP, fe, feP, features);
    }

    @Override
    public SampleLosses losses(LabelledBatch batch) {
        dropKeptInputs();
        INDArray[] out = graph.output(false, toNd(batch.images()));
        return losses(batch, rows(out[0]), rows(out[1]), null, null);
    }

    private SampleLosses losses(LabelledBatch batch, float[][] au, float[][] fe, double[][] auGrad, double[][] feGrad) {
        int n = batch.size();
        double[] la = new double[n];
        double[] lf = new double[n];
        for (int s = 0; s < n; s++) {
            la[s] = auLoss.evaluate(au[s], batch.au()[s], auGrad == null ? null : auGrad[s]);
            lf[s] = expressionLoss.evaluate(fe[s], batch.expression()[s], feGrad == null ? null : feGrad[s]);
        }
        return new SampleLosses(la, lf);
    }

    @Override
    public WeightedGradient backward(LabelledBatch batch, SampleWeighting weighting) {
        dropKeptInputs();
        int n = batch.size();
        Map<String, INDArray> acts = graph.feedForward(new INDArray[] {toNd(batch.images())}, true, false);
        float[][] au = rows(acts.get(AU));
        float[][] fe = rows(acts.get(FE));
        lastFeatures = rows(acts.get(FEATURES));
        lastAuGrad = new double[n][config.auCount()];
        lastFeGrad = new double[n][config.expressionCount()];
        lastLosses = losses(batch, au, fe, lastAuGrad, lastFeGrad);
        lastBatch = batch;
        inputsKept = true;
        return backpropagate(weighting.weigh(lastFeatures, lastLosses));
    }

    @Override
    public WeightedGradient backwardAgain(SampleWeights weights) {
        if (lastBatch == null) {
            throw new IllegalStateException("backwardAgain needs a preceding backward pass");
        }
        if (!inputsKept) {
            return backward(lastBatch, weights);
        }
        return backpropagate(weights);
    }

    /** The AU logits' derivatives are the heads' output errors; the features are inside the graph (not supported). */
    @Override
    public float[] outputGradient(ImageTensor images, double[][] auLogits, double[][] features) {
        if (features != null) {
            throw new UnsupportedOperationException("the " + ENGINE + " engine cannot differentiate the backbone features;"
                + " use the " + TorchMultiTaskNetwork.ENGINE + " engine");
        }
        dropKeptInputs();
        int n = images.count();
        if (auLogits != null && auLogits.length != n) {
            throw new IllegalArgumentException("expected AU logit derivatives for " + n + " images, got " + auLogits.length);
        }
        graph.feedForward(new INDArray[] {toNd(images)}, true, false);
        inputsKept = true;
        float[] auEps = new float[n * config.auCount()];
        for (int s = 0; auLogits != null && s < n; s++) {
            if (auLogits[s].length != config.auCount()) {
                throw new IllegalArgumentException("expected " + config.auCount() + " AU logit derivatives per image, got "
                    + auLogits[s].length);
            }
            for (int j = 0; j < config.auCount(); j++) {
                auEps[s * config.auCount() + j] = (float) auLogits[s][j];
            }
        }
        graph.backpropKeepingInputs(Nd4j.create(auEps, new long[] {n, config.auCount()}),
            Nd4j.create(new float[n * config.expressionCount()], new long[] {n, config.expressionCount()}));
        float[] gradient = graph.getGradientsViewArray().dup().data().asFloat();
        dropKeptInputs();
        return gradient;
    }

    /** Weighted output errors of the kept forward pass, backpropagated; the layer inputs stay for another call. */
    private WeightedGradient backpropagate(SampleWeights w) {
        int n = lastBatch.size();
        float[] auEps = new float[n * config.auCount()];
        float[] feEps = new float[n * config.expressionCount()];
        double total = 0;
        for (int s = 0; s < n; s++) {
            total += w.au()[s] * lastLosses.au()[s] + w.expression()[s] * lastLosses.expression()[s];
            for (int j = 0; j < config.auCount(); j++) {
                auEps[s * config.auCount() + j] = (float) (w.au()[s] * lastAuGrad[s][j]);
            }
            for (int q = 0; q < config.expressionCount(); q++) {
                feEps[s * config.expressionCount() + q] = (float) (w.expression()[s] * lastFeGrad[s][q]);
            }
        }
        graph.backpropKeepingInputs(Nd4j.create(auEps, new long[] {n, config.auCount()}),
            Nd4j.create(feEps, new long[] {n, config.expressionCount()}));
        float[] gradient = graph.getGradientsViewArray().dup().data().asFloat();
        return new WeightedGradient(gradient, total, lastLosses, w, lastFeatures);
    }

    /** Any other pass or parameter change invalidates the kept layer inputs. */
    private void dropKeptInputs() {
        if (inputsKept) {
            graph.clearLayersStates();
            inputsKept = false;
        }
    }

    @Override
    public float[] parameters() {
        return graph.params().dup().data().asFloat();
    }

    @Override
    public void setParameters(float[] theta) {
        checkLength(theta);
        dropKeptInputs();
        graph.params().assign(Nd4j.create(theta, graph.params().shape()));
    }

    @Override
    public void addToParameters(float[] direction, double scale) {
        checkLength(direction);
        dropKeptInputs();
        INDArray d = Nd4j.create(direction, graph.params().shape());
        graph.params().addi(scale == 1 ? d : d.muli(scale));
    }

    private void checkLength(float[] v) {
        if (v.length != graph.numParams()) {
            throw new IllegalArgumentException("expected " + graph.numParams() + " parameters, got " + v.length);
        }
    }

    @Override
    public double[] auPositiveWeights() {
        return auLoss.positiveWeights();
    }

    @Override
    public void setAuPositiveWeights(double[] weights) {
        if (weights != null && weights.length != config.auCount()) {
            throw new IllegalArgumentException("expected " + config.auCount() + " positive weights, got " + weights.length);
        }
        auLoss = new AuBinaryCrossEntropy(weights);
    }

    /**
     * DL4J keeps a convolution's weights as [out, in, kh, kw], as the neutral layout does, but a
     * dense layer's as [in, out]: those are transposed on the way.
     */
    @Override
    public NetworkParameters namedParameters() {
        float[] v = new float[NetworkParameters.count(config)];
        for (NetworkParameters.Spec s : NetworkParameters.layout(config)) {
            INDArray p = param(s);
            INDArray neutral = p.rank() == 2 && s.shape().length == 2 ? p.transpose() : p;
            float[] f = neutral.dup('c').data().asFloat();
            if (f.length != s.size()) {
                throw new IllegalStateException("DL4J parameter " + s + " has " + f.length + " values");
            }
            System.arraycopy(f, 0, v, s.offset(), f.length);
        }
        return new NetworkParameters(config, v);
    }

    @Override
    public void setNamedParameters(NetworkParameters parameters) {
        if (!NetworkParameters.layout(parameters.config()).equals(NetworkParameters.layout(config))) {
            throw new IllegalArgumentException("parameters of a " + NetworkParameters.describe(parameters.config())
                + " network do not fit a " + NetworkParameters.describe(config) + " network");
        }
        dropKeptInputs();
        for (NetworkParameters.Spec s : NetworkParameters.layout(config)) {
            INDArray target = param(s);
            long[] shape = java.util.Arrays.stream(s.shape()).asLongStream().toArray();
            INDArray source = Nd4j.create(parameters.tensor(s.name()), shape, 'c');
            target.assign(target.rank() == 2 && shape.length == 2 ? source.transpose() : source.reshape(target.shape()));
        }
    }

    /** The DL4J view of one neutral tensor: layer {@code conv1}, {@code feat}, {@code au} or {@code fe}, W or b. */
    private INDArray param(NetworkParameters.Spec s) {
        String[] parts = s.name().split("\\.");
        return graph.getLayer(parts[0]).getParam(parts[1].equals("weight") ? "W" : "b");
    }

    private static INDArray toNd(ImageTensor t) {
        return Nd4j.create(t.data(), new long[] {t.count(), t.channels(), t.height(), t.width()});
    }

    private static float[][] rows(INDArray a) {
        int n = (int) a.size(0);
        int k = (int) a.size(1);
        float[] flat = a.dup().data().asFloat();
        float[][] r = new float[n][k];
        for (int s = 0; s < n; s++) {
            System.arraycopy(flat, s * k, r[s], 0, k);
        }
        return r;
    }
}
