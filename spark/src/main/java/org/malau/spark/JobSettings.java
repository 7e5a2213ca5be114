package org.malau.spark;

import java.io.Serializable;
import java.nio.file.Path;

import org.malau.face.AlignOptions;
import org.malau.face.EyeMethod;
import org.malau.face.FaceSelection;

/**
 * What every task needs to know besides the model, sent with the job's closure. A plain serialisable record
 * (the engine's {@link AlignOptions} holds an {@code Optional}, which Java serialisation refuses); equal settings
 * share one pool of aligners in an executor.
 *
 * @param alignAndPredict true for {@code align+predict}, false for {@code predict} (crops)
 * @param size crop side, as {@code ./mal align --size}
 * @param allFaces every face ({@code --faces all}) or the largest only
 * @param grey grey crops
 * @param eyes the eye method's id ({@code landmarks68} or {@code cascade})
 * @param maxPixels decode budget
 * @param dnnModel path of an OpenCV face detector model present on every executor, or null for the cascades
 * @param batch faces per forward pass
 * @param torchThreads LibTorch intra-op threads per task, 0 = the task's {@code spark.task.cpus}
 */
record JobSettings(boolean alignAndPredict, int size, boolean allFaces, boolean grey, String eyes, long maxPixels,
    String dnnModel, int batch, int torchThreads) implements Serializable {

    /** The engine's alignment options for these settings, built where the aligner runs. */
    AlignOptions alignOptions() {
        AlignOptions o = AlignOptions.defaults().withSize(size).withGrey(grey)
            .withSelection(allFaces ? FaceSelection.ALL : FaceSelection.LARGEST).withMaxPixels(maxPixels)
            .withEyes(EyeMethod.of(eyes));
        return dnnModel == null ? o : o.withDnnModel(Path.of(dnnModel));
    }
}
