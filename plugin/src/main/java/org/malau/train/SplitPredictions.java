package org.malau.train;

import java.io.IOException;
import java.util.Arrays;

import org.malau.model.LabelledBatch;
import org.malau.model.MultiTaskNetwork;
import org.malau.model.NetOutput;

/**
 * Inference-mode predictions of the network for a list of samples, with their AU labels, used to
 * score the meta split each epoch and to tune thresholds.
 *
 * @param auProbabilities per sample and AU
 * @param auTruth per sample the AU labels (null rows for samples without)
 * @param expressionPredicted per sample the arg-max class
 * @param expressionTruth per sample the class index or -1
 */
record SplitPredictions(float[][] auProbabilities, byte[][] auTruth, int[] expressionPredicted, int[] expressionTruth) {
    static SplitPredictions of(MultiTaskNetwork net, BatchAssembler assembler, FaceDataset data, int[] indices, int batch,
        CancellationCheck cancel) throws IOException, TrainingCancelledException {
        int n = indices.length;
        float[][] p = new float[n][];
        byte[][] truth = new byte[n][];
        int[] pred = new int[n];
        for (int from = 0; from < n; from += batch) {
            if (cancel.cancelRequested()) {
                throw new TrainingCancelledException("training cancelled while scoring the meta split");
            }
            int to = Math.min(n, from + batch);
            int[] idx = Arrays.copyOfRange(indices, from, to);
            LabelledBatch b = assembler.assemble(data, idx, BatchAssembler.Task.AU, false, 0);
            NetOutput o = net.forward(b.images(), false);
            for (int s = 0; s < idx.length; s++) {
                p[from + s] = o.auProbabilities()[s];
                truth[from + s] = b.au()[s];
                float[] q = o.expressionProbabilities()[s];
                int best = 0;
                for (int k = 1; k < q.length; k++) {
                    if (q[k] > q[best]) {
                        best = k;
                    }
                }
                pred[from + s] = best;
            }
        }
        return new SplitPredictions(p, truth, pred, assembler.expressionIndices(data, indices));
    }

    /**
     * The mean binary cross-entropy over the known AU labels (probabilities clipped to [1e-7, 1 - 1e-7]), the
     * meta split's AU loss without positive weights; NaN without any known label.
     */
    double meanAuLoss() {
        double sum = 0;
        int n = 0;
        for (int s = 0; s < auTruth.length; s++) {
            if (auTruth[s] == null) {
                continue;
            }
            for (int j = 0; j < auTruth[s].length; j++) {
                byte y = auTruth[s][j];
                if (y == org.malau.data.AuLabels.UNKNOWN) {
                    continue;
                }
                double q = Math.min(1 - 1e-7, Math.max(1e-7, auProbabilities[s][j]));
                sum -= y == 1 ? Math.log(q) : Math.log(1 - q);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
