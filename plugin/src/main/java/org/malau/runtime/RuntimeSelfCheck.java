package org.malau.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Exercises the native stack end to end: a few DL4J training steps of a tiny CNN and an OpenCV
 * Haar face detection with the cascade shipped in the OpenCV jar. Used by {@code ./mal selfcheck}
 * and by the OSGi integration test, where native loading usually breaks first.
 */
public final class RuntimeSelfCheck {
    /**
     * The frontal-face cascade inside the OpenCV jar, relative to the platform's share folder. alt2
     * rather than default: on the project's real photos default gave false faces in clutter.
     */
    static final String FRONTAL_FACE_CASCADE = "share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml";

    private RuntimeSelfCheck() {
    }

    /**
     * Trains a tiny convolutional network on a separable toy problem (bright left half vs bright
     * right half of an 8x8 image) and returns the loss after each step.
     */
    public static double[] trainTinyNetwork(int steps, long seed) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, was " + steps);
        }
        NativeRuntime.ensureNd4j();
        return NativeRuntime.withEngineClassLoader(() -> {
            Nd4j.getRandom().setSeed(seed);
            MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(0.01))
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 1))
                .build();
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            int n = 32;
            INDArray x = Nd4j.zeros(DataType.FLOAT, n, 1, 8, 8);
            INDArray y = Nd4j.zeros(DataType.FLOAT, n, 2);
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            for (int i = 0; i < n; i++) {
                int cls = i % 2;
                for (int r = 0; r < 8; r++) {
                    for (int c = 0; c < 8; c++) {
                        boolean bright = (c < 4) == (cls == 0);
                        x.putScalar(new long[] {i, 0, r, c}, (bright ? 0.8 : 0.2) + 0.1 * (random.nextDouble() - 0.5));
                    }
                }
                y.putScalar(i, cls, 1.0);
            }
            double[] losses = new double[steps];
            for (int s = 0; s < steps; s++) {
                net.fit(x, y);
                losses[s] = net.score();
            }
            return losses;
        });
    }

    /**
     * Trains the project's own multi-task network on {@code engine} for {@code steps} Adam steps on a
     * separable toy problem (AU j switches on a bright quadrant j of a 16x16 image; the expression
     * class shifts the lower half's brightness) and returns the mean AU loss before each step and
     * after the last; then predicts the training images once, so that inference runs too.
     *
     * @throws IllegalStateException with the reason when the engine cannot load here
     */
    public static double[] trainNetwork(String engine, int steps, long seed) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, was " + steps);
        }
        org.malau.model.NetworkEngine e = org.malau.model.NetworkEngines.byName(engine);
        String why = e.unavailableReason();
        if (why != null) {
            throw new IllegalStateException(e.name() + " is not available: " + why);
        }
        int size = 16;
        int n = 32;
        org.malau.model.MultiTaskNetwork net = e.create(new org.malau.model.NetworkConfig(size, 1, new int[] {4, 8}, 16, 4, 3),
            seed);
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        float[] px = new float[n * size * size];
        byte[][] au = new byte[n][4];
        int[] fe = new int[n];
        for (int s = 0; s < n; s++) {
            fe[s] = random.nextInt(3);
            for (int j = 0; j < 4; j++) {
                au[s][j] = (byte) random.nextInt(2);
            }
            for (int i = 0; i < size * size; i++) {
                int row = i / size;
                int quadrant = (row / 8) * 2 + (i % size) / 8;
                px[s * size * size + i] = (float) (0.2 * (random.nextDouble() - 0.5) + (row >= 8 ? 0.3 * (fe[s] - 1) : 0)
                    + au[s][quadrant]);
            }
        }
        org.malau.model.LabelledBatch batch = new org.malau.model.LabelledBatch(
            new org.malau.model.ImageTensor(n, 1, size, size, px), au, fe);
        org.malau.train.StrategyContext context = new org.malau.train.StrategyContext(net,
            new org.malau.train.Adam(net.parameterCount()));
        context.setLearningRate(0.01);
        org.malau.train.TrainingStrategy mtl = new org.malau.train.FixedMultiTaskStrategy(1);
        double[] losses = new double[steps + 1];
        for (int i = 0; i < steps; i++) {
            losses[i] = mtl.iterate(context, new org.malau.train.IterationBatches(batch, batch, null)).auLoss();
        }
        losses[steps] = java.util.Arrays.stream(net.losses(batch).au()).average().orElse(Double.NaN);
        float[][] p = net.forward(batch.images(), false).auProbabilities();
        if (p.length != n || !Float.isFinite(p[0][0])) {
            throw new IllegalStateException(e.name() + " predicted no finite probabilities");
        }
        return losses;
    }

    /**
     * Detects frontal faces with OpenCV's Haar cascade {@code frontalface_alt2}.
     *
     * @return face boxes as {x, y, width, height} in image pixels
     * @throws IOException if the image cannot be read
     */
    public static List<int[]> detectFaces(Path image) throws IOException {
        if (!Files.isReadable(image)) {
            throw new IOException("cannot read image file " + image);
        }
        NativeRuntime.ensureOpenCv();
        CascadeClassifier cascade = loadFrontalFaceCascade();
        Mat grey = new Mat();
        // Through the engine's decoder: its pixel budget refuses a huge image from its header instead of exhausting memory.
        try (org.malau.face.DecodedImage decoded = new org.malau.face.ImageDecoder().decode(image)) {
            opencv_imgproc.cvtColor(decoded.bgr(), grey, opencv_imgproc.COLOR_BGR2GRAY);
        } catch (org.malau.face.UnreadableImageException e) {
            throw new IOException(e.getMessage(), e);
        }
        opencv_imgproc.equalizeHist(grey, grey);
        int minSide = Math.max(24, Math.min(grey.cols(), grey.rows()) / 10);
        RectVector faces = new RectVector();
        cascade.detectMultiScale(grey, faces, 1.1, 5, 0, new Size(minSide, minSide), new Size());
        List<int[]> boxes = new ArrayList<>();
        for (long i = 0; i < faces.size(); i++) {
            Rect r = faces.get(i);
            boxes.add(new int[] {r.x(), r.y(), r.width(), r.height()});
        }
        return boxes;
    }

    private static CascadeClassifier loadFrontalFaceCascade() throws IOException {
        String resource = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/" + FRONTAL_FACE_CASCADE;
        File file = NativeRuntime.withEngineClassLoader(() -> Loader.cacheResource(RuntimeSelfCheck.class, resource));
        if (file == null) {
            throw new IOException("Haar cascade " + resource + " not found in the OpenCV jar for platform " + Loader.getPlatform());
        }
        CascadeClassifier cascade = new CascadeClassifier(file.getAbsolutePath());
        if (cascade.empty()) {
            throw new IOException("OpenCV could not load the Haar cascade " + file);
        }
        return cascade;
    }
}
