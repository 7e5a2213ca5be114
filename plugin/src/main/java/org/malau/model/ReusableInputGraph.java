package org.malau.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link ComputationGraph} whose backward pass can leave the layers' stored inputs in place, so
 * that a second backward pass with other output errors (MAL's real step with the meta net's new
 * weights) can reuse the first pass's forward activations instead of running the forward pass again.
 * DL4J's public {@link #backpropGradient} always clears them.
 */
final class ReusableInputGraph extends ComputationGraph {
    private static final long serialVersionUID = 1L;

    ReusableInputGraph(ComputationGraphConfiguration configuration) {
        super(configuration);
    }

    /** Backward pass from external output errors, keeping the layer inputs for another one. */
    Gradient backpropKeepingInputs(INDArray... epsilons) {
        calcBackpropGradients(false, false, epsilons);
        return gradient();
    }
}
