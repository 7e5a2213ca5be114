package org.malau.face;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.malau.pretrained.FaceApiModels;
import org.malau.pretrained.FaceApiNetwork;

/**
 * The 68 iBUG landmarks of a detected face from face-api.js's pretrained landmark network
 * ({@link FaceApiNetwork}), in decoded-image pixels: the network sees a square crop of {@value #SIDE} times
 * the detector box's side around the box centre, turned upright when the detector found the face turned,
 * at its 112x112 input, and its 68 outputs are mapped back into the image.
 * <p>
 * The factor was measured on the 28 faces of ../shared/data/landmarks (Haar cascade boxes; worse-eye error
 * of the eye-contour centres against the hand-placed pupils, over the inter-ocular distance): side 0.9,
 * 1.0, 1.1 of the box gave medians 0.033, 0.032, 0.034 and 90th percentiles 0.046, 0.039, 0.046; moving the
 * square down by 5 % of the side 0.030 and 0.044; a second pass around the first pass's landmarks, its eyes
 * levelled, 0.034 to 0.040, i.e. no better, for twice the time. The network is not sensitive to the
 * framing within these bounds, so the plain box square stays.
 */
final class LandmarkLocator {
    /** Crop side relative to the detector box side. */
    static final double SIDE = 1.0;
    /** Eye contour points of the image-left and image-right eye (iBUG 36-41, 42-47). */
    static final int LEFT_EYE = 36;
    static final int RIGHT_EYE = 42;

    private final FaceApiNetwork net;

    /**
     * @param ownNetwork its own copy of the network rather than the JVM's shared one (see {@link FaceApiNetwork#ownCopy})
     * @throws IllegalStateException when the pretrained network cannot run here, saying why
     */
    LandmarkLocator(boolean ownNetwork) {
        net = ownNetwork ? FaceApiNetwork.ownCopy(FaceApiModels.Net.LANDMARKS_68) : FaceApiNetwork.get(FaceApiModels.Net.LANDMARKS_68);
    }

    /**
     * The 68 landmarks of the face in {@code box} of {@code bgr}.
     *
     * @param uprightRotation rotation (see {@link SimilarityTransform#rotation}) with which the detector found the
     *     face upright, 0 for upright faces
     */
    List<PixelPoint> locate(Mat bgr, FaceBox box, double uprightRotation) {
        int size = FaceApiNetwork.SIZE;
        PixelPoint middle = new PixelPoint(size / 2.0, size / 2.0);
        PixelPoint centre = new PixelPoint(box.x() + box.width() / 2, box.y() + box.height() / 2);
        double side = SIDE * Math.max(box.width(), box.height());
        SimilarityTransform t = SimilarityTransform.rotation(uprightRotation, centre, middle).thenScaleAbout(size / side, middle);
        byte[] crop = CropWarper.warp(bgr, t, size, false);
        float[] rgb = new float[3 * size * size];
        int plane = size * size;
        for (int i = 0; i < plane; i++) {
            rgb[i] = (crop[3 * i + 2] & 0xff) / 255f;
            rgb[plane + i] = (crop[3 * i + 1] & 0xff) / 255f;
            rgb[2 * plane + i] = (crop[3 * i] & 0xff) / 255f;
        }
        float[] out = net.landmarks(List.of(rgb))[0];
        SimilarityTransform back = t.inverse();
        List<PixelPoint> points = new ArrayList<>(68);
        for (int k = 0; k < 68; k++) {
            points.add(back.apply(new PixelPoint(out[2 * k] * size, out[2 * k + 1] * size)));
        }
        return points;
    }

    /** The eye centres: the means of the two eye contours. */
    static EyePair eyes(List<PixelPoint> points) {
        PixelPoint[] l = points.subList(LEFT_EYE, LEFT_EYE + 6).toArray(PixelPoint[]::new);
        PixelPoint[] r = points.subList(RIGHT_EYE, RIGHT_EYE + 6).toArray(PixelPoint[]::new);
        PixelPoint a = PixelPoint.mean(l);
        PixelPoint b = PixelPoint.mean(r);
        return a.x() <= b.x() ? new EyePair(a, b, false) : new EyePair(b, a, false);
    }

}
