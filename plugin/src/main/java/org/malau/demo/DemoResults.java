package org.malau.demo;

import java.util.List;

import org.malau.data.Expression;

/**
 * Everything a demo run produced, in the order the strategies ran.
 *
 * @param settings what was run
 * @param auCodes FACS numbers of the AUs, in the order of every per-AU array
 * @param expressionClasses the models' expression classes, in output order
 * @param auTrainFaces AU-labelled training faces (the meta split included)
 * @param feFaces expression-labelled training faces
 * @param feCorrupted of these, the ones with label noise or without a usable face
 * @param testFaces the held-out AU faces as the network saw them
 * @param strategies one result per strategy
 * @param dataSeconds wall time of generating and aligning the data
 */
public record DemoResults(DemoSettings settings, int[] auCodes, List<String> expressionClasses, int auTrainFaces, int feFaces,
    int feCorrupted, List<TestFace> testFaces, List<StrategyResult> strategies, double dataSeconds) {

    /**
     * A held-out face.
     *
     * @param id face id, e.g. {@code au_s0031_012}
     * @param crop aligned grey crop, row-major, values 0..1
     * @param size side of the crop
     * @param au true AU occurrence (1/0) in {@link DemoResults#auCodes()} order
     * @param expression the expression the face was drawn with
     */
    public record TestFace(String id, float[] crop, int size, byte[] au, Expression expression) {
    }

    /** The result of {@code strategy}, or null when it was not run. */
    public StrategyResult strategy(String strategy) {
        return strategies.stream().filter(s -> s.strategy().equals(strategy)).findFirst().orElse(null);
    }

    /**
     * Per AU the F1 of the trivial detector that calls every AU present on every held-out face:
     * 2P / (P + N) for P positives among N labelled faces (NaN without positives). The floor a
     * trained detector has to beat.
     */
    public double[] everyAuPresentF1() {
        double[] f1 = new double[auCodes.length];
        for (int j = 0; j < auCodes.length; j++) {
            int positives = 0;
            int labelled = 0;
            for (TestFace f : testFaces) {
                if (f.au() != null && (f.au()[j] == 0 || f.au()[j] == 1)) {
                    labelled++;
                    positives += f.au()[j];
                }
            }
            f1[j] = positives == 0 ? Double.NaN : 2.0 * positives / (positives + labelled);
        }
        return f1;
    }

    /** Mean of {@link #everyAuPresentF1()} over the AUs where it is defined. */
    public double everyAuPresentAverageF1() {
        return java.util.Arrays.stream(everyAuPresentF1()).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    /** Total training wall time over the strategies. */
    public double trainSeconds() {
        return strategies.stream().mapToDouble(StrategyResult::trainSeconds).sum();
    }
}
