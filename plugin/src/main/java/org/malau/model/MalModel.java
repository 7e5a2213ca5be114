package org.malau.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.malau.meta.MetaWeightNet;

/**
 * A trained AU detector: the network, the meta net when the strategy had one, and the header with
 * the model's interface and provenance. Immutable from the outside: the network is only used for
 * inference, and the meta net is a private copy. Prediction is synchronised because the network
 * is not thread-safe.
 */
public final class MalModel {
    private final ModelHeader header;
    private final MultiTaskNetwork network;
    private final MetaWeightNet metaNet;

    /**
     * @param network taken over; the caller must not train it further
     * @param metaNet copied, may be null
     */
    public MalModel(ModelHeader header, MultiTaskNetwork network, MetaWeightNet metaNet) {
        if (network.config().auCount() != header.auCodes().length) {
            throw new IllegalArgumentException("network and header disagree on the number of AUs");
        }
        this.header = header;
        this.network = network;
        this.metaNet = metaNet == null ? null : metaNet.copy();
    }

    public ModelHeader header() {
        return header;
    }

    /** Whether the model carries a meta net (strategy {@code mal}). */
    public boolean hasMetaNet() {
        return metaNet != null;
    }

    /** A copy of the meta net, or null. */
    public MetaWeightNet metaNet() {
        return metaNet == null ? null : metaNet.copy();
    }

    MultiTaskNetwork network() {
        return network;
    }

    /** A copy of the network's parameters in the engine-neutral layout (e.g. to start another network from). */
    public NetworkParameters parameters() {
        return network.namedParameters();
    }

    /** The engine the network runs on here (the header says which one trained it). */
    public String engine() {
        return network.engine();
    }

    /** The same model running on {@code engine}: its parameters are copied into that engine's network. */
    public MalModel onEngine(NetworkEngine engine) {
        if (engine.name().equals(network.engine())) {
            return this;
        }
        MultiTaskNetwork moved = engine.load(network.namedParameters());
        moved.setAuPositiveWeights(network.auPositiveWeights());
        return new MalModel(header, moved, metaNet);
    }

    /** The same model with other per-AU thresholds (the network is shared, read-only). */
    public MalModel withThresholds(double[] thresholds) {
        return new MalModel(header.withThresholds(thresholds), network, metaNet);
    }

    /**
     * Predicts raw crops (pixels in [0, 1], channels first, at the model's input size), normalising
     * them with the model's normalisation; batches of {@code batchSize}. Expressions only when the model
     * trained its expression head ({@link ModelHeader#predictsExpressions()}).
     */
    public synchronized List<FacePrediction> predict(List<float[]> rawCrops, int batchSize) {
        NetworkConfig c = header.network();
        int per = c.channels() * c.inputSize() * c.inputSize();
        double[] thr = header.thresholds();
        List<FacePrediction> out = new ArrayList<>(rawCrops.size());
        for (int from = 0; from < rawCrops.size(); from += batchSize) {
            int to = Math.min(rawCrops.size(), from + batchSize);
            float[] data = new float[(to - from) * per];
            for (int s = from; s < to; s++) {
                float[] px = rawCrops.get(s);
                if (px.length != per) {
                    throw new IllegalArgumentException("crop " + s + " has " + px.length + " values, the model expects "
                        + c.channels() + "x" + c.inputSize() + "x" + c.inputSize());
                }
                float[] copy = px.clone();
                header.normalisation().apply(copy);
                System.arraycopy(copy, 0, data, (s - from) * per, per);
            }
            NetOutput o = network.forward(new ImageTensor(to - from, c.channels(), c.inputSize(), c.inputSize(), data), false);
            for (int s = 0; s < to - from; s++) {
                float[] p = o.auProbabilities()[s];
                byte[] present = new byte[p.length];
                for (int j = 0; j < p.length; j++) {
                    present[j] = (byte) (p[j] >= thr[j] ? 1 : 0);
                }
                if (!header.predictsExpressions()) {
                    out.add(new FacePrediction(p, present, null, -1));
                    continue;
                }
                float[] q = o.expressionProbabilities()[s];
                int best = 0;
                for (int k = 1; k < q.length; k++) {
                    if (q[k] > q[best]) {
                        best = k;
                    }
                }
                out.add(new FacePrediction(p, present, q, best));
            }
        }
        return out;
    }

    /**
     * The meta net's weight for each raw crop as a sample of the AU task ({@code expressionTask}
     * false) or of the expression task, i.e. how much the trained MAL model would let it count.
     *
     * @throws IllegalStateException when the model has no meta net
     */
    public synchronized double[] sampleWeights(List<float[]> rawCrops, boolean expressionTask, int batchSize) {
        if (metaNet == null) {
            throw new IllegalStateException("a model trained with strategy " + header.strategy() + " has no meta net");
        }
        if (metaNet.inputs().loss() || metaNet.inputs().labelClasses() > 0 || metaNet.inputs().uncertainty()) {
            // Such a meta net weighs a sample by its label and loss too, which unlabelled crops do not have; the weights
            // used in training are in the training's weight log instead.
            throw new IllegalStateException("this model's meta net sees " + metaNet.inputs().spec() + ", which needs each"
                + " sample's expression label; weights of unlabelled crops exist only for a meta net on features");
        }
        NetworkConfig c = header.network();
        int per = c.channels() * c.inputSize() * c.inputSize();
        double[] out = new double[rawCrops.size()];
        for (int from = 0; from < rawCrops.size(); from += batchSize) {
            int to = Math.min(rawCrops.size(), from + batchSize);
            float[] data = new float[(to - from) * per];
            for (int s = from; s < to; s++) {
                float[] copy = rawCrops.get(s).clone();
                header.normalisation().apply(copy);
                System.arraycopy(copy, 0, data, (s - from) * per, per);
            }
            float[][] f = network.forward(new ImageTensor(to - from, c.channels(), c.inputSize(), c.inputSize(), data), true)
                .features();
            int[] task = new int[f.length];
            java.util.Arrays.fill(task, expressionTask ? 1 : 0);
            System.arraycopy(metaNet.weights(f, task), 0, out, from, f.length);
        }
        return out;
    }

    /**
     * Reads and predicts image files (aligned crops; others are resized to the input), in order; a
     * file that cannot be read gets its problem instead of a prediction. The next batch is decoded
     * on a background thread while the network works on the current one: decoding takes about a
     * fifth of the time LibTorch needs for the network, so done in turn it would add that much.
     */
    public List<FileOutcome> predictFiles(List<java.nio.file.Path> files, int batchSize) throws IOException {
        List<FileOutcome> out = new ArrayList<>(files.size());
        NetworkConfig c = header.network();
        java.util.concurrent.ExecutorService decoder = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mal-crop-decoder");
            t.setDaemon(true);
            return t;
        });
        try {
            java.util.concurrent.Future<Decoded> next = decoder.submit(() -> decode(files, 0, batchSize, c));
            for (int from = 0; from < files.size(); from += batchSize) {
                Decoded d = next.get();
                int following = from + batchSize;
                if (following < files.size()) {
                    next = decoder.submit(() -> decode(files, following, batchSize, c));
                }
                List<FacePrediction> p = predict(d.crops, batchSize);
                int k = 0;
                for (int s = 0; s < d.problems.length; s++) {
                    java.nio.file.Path f = files.get(from + s);
                    out.add(d.problems[s] != null ? new FileOutcome(f, null, d.problems[s]) : new FileOutcome(f, p.get(k++), null));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("prediction interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            decoder.shutdownNow();
        }
        return out;
    }

    /** The readable crops of a batch of files, and per file its problem or null. */
    private record Decoded(List<float[]> crops, String[] problems) {
    }

    private static Decoded decode(List<java.nio.file.Path> files, int from, int count, NetworkConfig c) {
        int to = Math.min(files.size(), from + count);
        List<float[]> crops = new ArrayList<>();
        String[] problems = new String[to - from];
        for (int s = from; s < to; s++) {
            try {
                crops.add(CropReader.read(files.get(s), c.inputSize(), c.channels()));
            } catch (IOException e) {
                problems[s - from] = e.getMessage();
            }
        }
        return new Decoded(crops, problems);
    }
}
