package org.malau.face;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Aligns faces in images: the main entry point of this package.
 *
 * <p>Two routes: {@link #align(Path)} detects faces and eyes itself (cascades, or a DNN model if
 * {@link AlignOptions#dnnModel()} is set; the eyes of a face from the 68-point landmark network or the eye
 * cascades, {@link AlignOptions#eyes()}); {@link #alignWithLandmarks(Path, List)} takes eye centres
 * or landmark sets from the caller and only fits and warps. Either way each face is warped with the
 * similarity transform that best maps its points onto the {@link EyeTemplate}. No method throws for
 * a bad image: it becomes an {@link ImageAlignment} with status {@code UNREADABLE} and a message
 * naming the file.
 *
 * <p>An instance owns native detectors (created on first detector use) and is not thread-safe;
 * use one per thread and {@link #close()} it.
 */
public final class FaceAligner implements AutoCloseable {
    /** YuNet confidence cut-off: a little below OpenCV's sample value of 0.9 so blurred or turned faces survive. */
    private static final float DNN_SCORE_THRESHOLD = 0.8f;

    private final AlignOptions options;
    private final boolean ownNetwork;
    private final EyeTemplate template;
    private final ImageDecoder decoder;
    private FaceDetector detector;
    private EyeLocator eyes;
    private LandmarkLocator landmarks;
    private String warning;

    /** An aligner with {@code options}; detectors load lazily so the landmark route never touches them. */
    public FaceAligner(AlignOptions options) {
        this(options, false);
    }

    /**
     * As {@link #FaceAligner(AlignOptions)}; with {@code ownNetwork} the aligner runs its own copy of the 68-point
     * landmark network instead of sharing the JVM's one, whose calls are serialised. For hosts that run aligners side
     * by side with one LibTorch thread each (a Spark executor's task slots); {@code ./mal align}'s threads share
     * the one network, which uses all cores for each call.
     */
    public FaceAligner(AlignOptions options, boolean ownNetwork) {
        this.options = options;
        this.ownNetwork = ownNetwork;
        this.template = new EyeTemplate(options.size());
        this.decoder = new ImageDecoder(options.maxPixels());
    }

    /** The options this aligner uses. */
    public AlignOptions options() {
        return options;
    }

    /** The template crops are aligned to. */
    public EyeTemplate template() {
        return template;
    }

    /**
     * Loads the detector now instead of on first use, so a bad model path fails early.
     *
     * @throws IllegalArgumentException naming the model file if it is missing or invalid
     */
    public void prepareDetector() {
        if (detector == null) {
            if (options.dnnModel().isPresent()) {
                detector = new YuNetFaceDetector(options.dnnModel().get(), DNN_SCORE_THRESHOLD, options.detectMaxSide());
            } else {
                detector = new CascadeFaceDetector(options.faceCascade(), options.detectMaxSide(),
                    options.minFaceFraction(), options.minNeighbours(), options.selection());
                eyes = new EyeLocator(options.refinePupils());
                if (options.eyes() == EyeMethod.LANDMARKS_68) {
                    try {
                        landmarks = new LandmarkLocator(ownNetwork);
                    } catch (IllegalStateException e) {
                        warning = "eyes located by the cascades instead of the 68-point landmark network: " + e.getMessage();
                    }
                }
            }
        }
    }

    /**
     * Null, or why the detector route runs otherwise than its options ask (the 68-point network could not run
     * here and the eye cascades stood in); known once the detector is prepared.
     */
    public String warning() {
        return warning;
    }

    /** Detector route on a file. */
    public ImageAlignment align(Path image) {
        try (DecodedImage img = decoder.decode(image)) {
            return alignDecoded(img, image.toString());
        } catch (UnreadableImageException e) {
            return ImageAlignment.unreadable(image.toString(), e.getMessage());
        }
    }

    /** Detector route on encoded bytes (PNG, JPEG, BMP, ...); {@code name} labels the result. */
    public ImageAlignment align(byte[] encoded, String name) {
        try (DecodedImage img = decoder.decode(encoded, name)) {
            return alignDecoded(img, name);
        } catch (UnreadableImageException e) {
            return ImageAlignment.unreadable(name, e.getMessage());
        }
    }

    /**
     * Landmark route on a file: one face per entry of {@code faces}, in source-image pixels.
     *
     * @throws IllegalArgumentException if a face's landmark points coincide (no transform exists)
     */
    public ImageAlignment alignWithLandmarks(Path image, List<Landmarks> faces) {
        try (DecodedImage img = decoder.decode(image)) {
            return alignDecoded(img, image.toString(), faces);
        } catch (UnreadableImageException e) {
            return ImageAlignment.unreadable(image.toString(), e.getMessage());
        }
    }

    /** Landmark route on encoded bytes. */
    public ImageAlignment alignWithLandmarks(byte[] encoded, String name, List<Landmarks> faces) {
        try (DecodedImage img = decoder.decode(encoded, name)) {
            return alignDecoded(img, name, faces);
        } catch (UnreadableImageException e) {
            return ImageAlignment.unreadable(name, e.getMessage());
        }
    }

    /** Decodes {@code image} for callers that align the same pixels repeatedly (benchmarks, several landmark sets). */
    public DecodedImage decode(Path image) throws UnreadableImageException {
        return decoder.decode(image);
    }

    /** Detector route on already decoded pixels. */
    public ImageAlignment alignDecoded(DecodedImage img, String name) {
        prepareDetector();
        int k = img.sourceScale();
        List<AlignedFace> out = new ArrayList<>();
        try (Mat grey = new Mat()) {
            cvtColor(img.bgr(), grey, COLOR_BGR2GRAY);
            for (FaceCandidate c : detector.detect(img.bgr(), grey)) {
                Landmarks lm;
                AlignStatus status;
                List<PixelPoint> points68 = null;
                if (!c.landmarks().isEmpty()) {
                    lm = Landmarks.of(c.landmarks());
                    status = AlignStatus.OK;
                } else if (landmarks != null) {
                    // Faces of the rotated fallback passes are confirmed by the eye cascades, as on the cascade route:
                    // those passes find more false faces, and the landmark network gives points on anything.
                    if (c.uprightRotation() != 0 && eyes.locate(grey, c.box(), c.uprightRotation()).estimated()) {
                        continue;
                    }
                    points68 = landmarks.locate(img.bgr(), c.box(), c.uprightRotation());
                    EyePair e = LandmarkLocator.eyes(points68);
                    lm = Landmarks.ofEyes(e.left(), e.right());
                    status = AlignStatus.OK;
                } else {
                    EyePair e = eyes.locate(grey, c.box(), c.uprightRotation());
                    if (e.estimated() && c.uprightRotation() != 0) {
                        // Rotated passes are a fallback with extra chances of false faces; keep only faces
                        // whose eyes confirm them.
                        continue;
                    }
                    lm = Landmarks.ofEyes(e.left(), e.right());
                    status = e.estimated() ? AlignStatus.EYES_ESTIMATED : AlignStatus.OK;
                }
                out.add(warp(img, out.size(), status, c.box(), lm, points68));
                if (options.selection() == FaceSelection.LARGEST) {
                    break;
                }
            }
        }
        return ImageAlignment.of(name, img.width() * k, img.height() * k, out, img.warning());
    }

    /** Landmark route on already decoded pixels; landmarks are in source-image pixels. */
    public ImageAlignment alignDecoded(DecodedImage img, String name, List<Landmarks> faces) {
        int k = img.sourceScale();
        List<AlignedFace> out = new ArrayList<>();
        for (Landmarks lm : faces) {
            Landmarks local = k == 1 ? lm : lm.shrunk(k);
            out.add(warp(img, out.size(), AlignStatus.OK, null, local, null));
        }
        return ImageAlignment.of(name, img.width() * k, img.height() * k, out, img.warning());
    }

    /**
     * Runs the detector route (or the landmark route for items with landmarks) over {@code items},
     * handing each result to {@code sink} as soon as it exists. One bad image never stops the batch.
     *
     * @throws IllegalArgumentException naming the model file if the DNN detector cannot be loaded
     */
    public BatchResult alignBatch(List<BatchItem> items, Consumer<ImageAlignment> sink) {
        if (items.stream().anyMatch(i -> i.landmarks().isEmpty())) {
            // A bad model path is the caller's error, not the images': fail before the first image.
            prepareDetector();
        }
        BatchResult result = new BatchResult();
        for (BatchItem item : items) {
            ImageAlignment a = alignOne(item);
            result.add(a);
            sink.accept(a);
        }
        return result;
    }

    /** One batch item by its route; never throws, so one bad image cannot stop a batch. */
    ImageAlignment alignOne(BatchItem item) {
        try {
            return item.landmarks().isEmpty() ? align(item.image()) : alignWithLandmarks(item.image(), item.landmarks());
        } catch (RuntimeException e) {
            // The message says what is wrong (e.g. eyes that coincide); a class name would not.
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            return ImageAlignment.unreadable(item.image().toString(), item.image() + ": " + why);
        }
    }

    private AlignedFace warp(DecodedImage img, int index, AlignStatus status, FaceBox box, Landmarks lm,
        List<PixelPoint> points68) {
        int k = img.sourceScale();
        List<PixelPoint> dst = new ArrayList<>();
        List<PixelPoint> all = template.fivePoints();
        for (int i : lm.templateIndices()) {
            dst.add(all.get(i));
        }
        SimilarityTransform t = SimilarityTransform.fit(lm.points(), dst);
        byte[] pixels = CropWarper.warp(img.bgr(), t, template.size(), options.grey());
        FaceBox b = box != null ? box : cropFootprint(t);
        EyePair e = lm.eyes();
        EyePair source = new EyePair(new PixelPoint(e.left().x() * k, e.left().y() * k),
            new PixelPoint(e.right().x() * k, e.right().y() * k), status == AlignStatus.EYES_ESTIMATED);
        // The transform's rotation undoes the head's roll relative to the template's own (slightly tilted)
        // eye line; adding that tilt back makes roll the plain angle of the eye line in the photo.
        double templateTilt = new EyePair(template.leftEye(), template.rightEye(), false).rollDegrees();
        List<PixelPoint> source68 = points68 == null ? null
            : points68.stream().map(p -> new PixelPoint(p.x() * k, p.y() * k)).toList();
        return new AlignedFace(index, status, b.scaled(k), source, templateTilt - t.rotationDegrees(), t.scale() / k,
            template.size(), options.grey() ? 1 : 3, pixels, k == 1 ? t : t.afterScaling(1.0 / k), source68);
    }

    /** Bounding box, in decoded pixels, of the source area that the crop shows. */
    private FaceBox cropFootprint(SimilarityTransform t) {
        SimilarityTransform inv = t.inverse();
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        int s = template.size();
        for (int[] c : new int[][] {{0, 0}, {s, 0}, {0, s}, {s, s}}) {
            PixelPoint p = inv.apply(new PixelPoint(c[0], c[1]));
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        return new FaceBox(minX, minY, maxX - minX, maxY - minY);
    }

    @Override
    public void close() {
        if (detector != null) {
            detector.close();
            detector = null;
        }
        if (eyes != null) {
            eyes.close();
            eyes = null;
        }
    }
}
