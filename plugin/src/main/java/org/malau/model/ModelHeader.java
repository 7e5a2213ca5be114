package org.malau.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Provenance and interface of a trained model, stored as JSON in the model file: what goes in
 * (input size, channels, normalisation), what comes out (AU codes, expression classes,
 * per-AU thresholds), and how it was made (strategy, settings, seed, data sizes, and from issue 18 on the engine and
 * its version, the start time and a digest of each table, {@link Provenance}).
 *
 * @param formatVersion model file format version
 * @param engine network engine the model was trained with, e.g. {@code libtorch} or {@code dl4j}
 * @param network shape of the network
 * @param auCodes FACS numbers of the AU outputs, in output order
 * @param expressionClasses expression labels of the FE outputs, in output order
 * @param normalisation input normalisation
 * @param provenance engine, version, start time and data digests; null for models written before they were
 *     recorded (the field {@code alignmentTemplate} those files have was always empty and is no longer read)
 * @param strategy training strategy name
 * @param settings strategy and training settings (numbers, strings, booleans)
 * @param seed master seed of the training run
 * @param auTrainSize AU samples trained on (without the meta split)
 * @param expressionTrainSize FE samples trained on
 * @param metaSplitSize AU samples in the meta split
 * @param thresholds per-AU decision thresholds tuned on the meta split
 * @param auPositiveWeights per-AU positive weights of the AU loss, or null
 */
public record ModelHeader(int formatVersion, String engine, NetworkConfig network, int[] auCodes,
    List<String> expressionClasses, Normalisation normalisation, Provenance provenance, String strategy,
    Map<String, Object> settings, long seed, int auTrainSize, int expressionTrainSize, int metaSplitSize,
    double[] thresholds, double[] auPositiveWeights) {

    /**
     * The model file format this code writes and the newest it reads. 1: DL4J's own network file,
     * key {@code backend}; 2: engine-neutral named parameter tensors, key {@code engine}; 3: the network's
     * {@code backbone} (absent before: {@value NetworkConfig#CONV}) and the {@code face-api} normalisation,
     * which earlier versions cannot run and therefore must refuse as newer.
     */
    public static final int FORMAT_VERSION = 3;

    public ModelHeader {
        if (auCodes.length != network.auCount() || expressionClasses.size() != network.expressionCount()
            || thresholds.length != auCodes.length) {
            throw new IllegalArgumentException("header sizes disagree: " + auCodes.length + " AU codes, "
                + network.auCount() + " AU outputs, " + thresholds.length + " thresholds, " + expressionClasses.size()
                + " classes for " + network.expressionCount() + " outputs");
        }
        auCodes = auCodes.clone();
        thresholds = thresholds.clone();
        auPositiveWeights = auPositiveWeights == null ? null : auPositiveWeights.clone();
        expressionClasses = List.copyOf(expressionClasses);
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    @Override
    public int[] auCodes() {
        return auCodes.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    @Override
    public double[] auPositiveWeights() {
        return auPositiveWeights == null ? null : auPositiveWeights.clone();
    }

    /**
     * Whether the model predicts expressions: its strategy trained the expression head. An {@code au-only} model
     * has one too (the network always has both heads), but its weights are random or left from the initialisation,
     * so its outputs mean nothing and are not given out.
     */
    public boolean predictsExpressions() {
        // a strategy of a later version: its expression head was trained unless it says otherwise
        return org.malau.train.Strategy.find(strategy).map(org.malau.train.Strategy::usesExpressionTask).orElse(true);
    }

    /** A copy with other thresholds. */
    public ModelHeader withThresholds(double[] t) {
        return new ModelHeader(formatVersion, engine, network, auCodes, expressionClasses, normalisation,
            provenance, strategy, settings, seed, auTrainSize, expressionTrainSize, metaSplitSize, t, auPositiveWeights);
    }

    /** The header as a JSON-ready tree; {@code checksums} maps entry names to SHA-256 hex. */
    Map<String, Object> toTree(Map<String, String> checksums) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "mal-au-model");
        m.put("formatVersion", formatVersion);
        m.put("engine", engine);
        m.put("auCodes", toList(auCodes));
        m.put("auNames", java.util.Arrays.stream(auCodes).mapToObj(org.malau.data.AuLabels::columnName).toList());
        m.put("expressionClasses", expressionClasses);
        Map<String, Object> net = new LinkedHashMap<>();
        net.put("inputSize", network.inputSize());
        net.put("channels", network.channels());
        net.put("convChannels", toList(network.convChannels()));
        net.put("featureSize", network.featureSize());
        net.put("backbone", network.backbone());
        m.put("network", net);
        Map<String, Object> norm = new LinkedHashMap<>();
        norm.put("mode", normalisation.mode());
        norm.put("mean", normalisation.mean());
        norm.put("std", normalisation.std());
        m.put("normalisation", norm);
        m.put("strategy", strategy);
        m.put("settings", settings);
        m.put("seed", seed);
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("auTrain", auTrainSize);
        sizes.put("expressionTrain", expressionTrainSize);
        sizes.put("metaSplit", metaSplitSize);
        m.put("dataSizes", sizes);
        m.put("thresholds", toList(thresholds));
        m.put("auPositiveWeights", auPositiveWeights == null ? null : toList(auPositiveWeights));
        if (provenance != null) {
            m.put("provenance", provenance.toTree());
        }
        m.put("checksums", checksums);
        return m;
    }

    /** Rebuilds a header from {@link #toTree}; ClassCastException or NullPointerException mean a malformed tree. */
    @SuppressWarnings("unchecked")
    static ModelHeader fromTree(Map<String, Object> m) {
        Map<String, Object> net = (Map<String, Object>) m.get("network");
        int[] codes = ints((List<Object>) m.get("auCodes"));
        List<String> classes = (List<String>) m.get("expressionClasses");
        NetworkConfig config = new NetworkConfig(num(net.get("inputSize")).intValue(), num(net.get("channels")).intValue(),
            ints((List<Object>) net.get("convChannels")), num(net.get("featureSize")).intValue(), codes.length, classes.size(),
            (String) net.getOrDefault("backbone", NetworkConfig.CONV));
        Map<String, Object> norm = (Map<String, Object>) m.get("normalisation");
        Map<String, Object> sizes = (Map<String, Object>) m.get("dataSizes");
        List<Object> pw = (List<Object>) m.get("auPositiveWeights");
        return new ModelHeader(num(m.get("formatVersion")).intValue(), (String) (m.containsKey("engine") ? m.get("engine") : m.get("backend")), config, codes, classes,
            new Normalisation((String) norm.get("mode"), num(norm.get("mean")).doubleValue(), num(norm.get("std")).doubleValue()),
            Provenance.fromTree((Map<String, Object>) m.get("provenance")), (String) m.get("strategy"), (Map<String, Object>) m.get("settings"),
            num(m.get("seed")).longValue(), num(sizes.get("auTrain")).intValue(), num(sizes.get("expressionTrain")).intValue(),
            num(sizes.get("metaSplit")).intValue(), doubles((List<Object>) m.get("thresholds")), pw == null ? null : doubles(pw));
    }

    private static Number num(Object o) {
        return (Number) o;
    }

    private static List<Object> toList(int[] a) {
        List<Object> l = new ArrayList<>();
        for (int v : a) {
            l.add(v);
        }
        return l;
    }

    private static List<Object> toList(double[] a) {
        List<Object> l = new ArrayList<>();
        for (double v : a) {
            l.add(v);
        }
        return l;
    }

    private static int[] ints(List<Object> l) {
        return l.stream().mapToInt(o -> ((Number) o).intValue()).toArray();
    }

    private static double[] doubles(List<Object> l) {
        return l.stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
    }
}
