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
     * them with the model's normalisation; batches of {@code batchSize}.
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

    /** Reads and predicts image files (aligned crops; others are resized to the input). */
    public List<FacePrediction> predictFiles(List<java.nio.file.Path> files, int batchSize) throws IOException {
        List<FacePrediction> out = new ArrayList<>(files.size());
        NetworkConfig c = header.network();
        for (int from = 0; from < files.size(); from += batchSize) {
            List<float[]> crops = new ArrayList<>();
            for (int s = from; s < Math.min(files.size(), from + batchSize); s++) {
                crops.add(CropReader.read(files.get(s), c.inputSize(), c.channels()));
            }
            out.addAll(predict(crops, batchSize));
        }
        return out;
    }
}
