package org.malau.face;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings of a {@link FaceAligner}. Immutable; change a setting with the {@code with...} methods,
 * e.g. {@code AlignOptions.defaults().withSize(160).withGrey(true)}.
 *
 * @param size            crop side in pixels (the {@link EyeTemplate} scales with it)
 * @param grey            single-channel crops instead of BGR
 * @param selection       largest face or all faces
 * @param faceCascade     cascade resource for the detector route, see {@link CascadeLoader}
 * @param dnnModel        an OpenCV {@code FaceDetectorYN} model file; when present it replaces the cascades
 * @param detectMaxSide   upper bound on the longer side of the image used for detection
 * @param minFaceFraction smallest face side relative to the shorter image side
 * @param minNeighbours   cascade neighbours needed to accept a face
 * @param refinePupils    refine cascade eye boxes to pupil centres (gradient method)
 * @param maxPixels       decoding budget, see {@link ImageDecoder}
 * @param eyes            how the detector route finds the eyes of a face without detector landmarks
 */
public record AlignOptions(int size, boolean grey, FaceSelection selection, String faceCascade, Optional<Path> dnnModel,
    int detectMaxSide, double minFaceFraction, int minNeighbours, boolean refinePupils, long maxPixels, EyeMethod eyes) {

    /** Validates every setting. */
    public AlignOptions {
        new EyeTemplate(size);
        if (detectMaxSide < 64) {
            throw new IllegalArgumentException("detectMaxSide must be >= 64, got " + detectMaxSide);
        }
        if (!(minFaceFraction > 0 && minFaceFraction < 1)) {
            throw new IllegalArgumentException("minFaceFraction must be in (0, 1), got " + minFaceFraction);
        }
        if (minNeighbours < 1) {
            throw new IllegalArgumentException("minNeighbours must be >= 1");
        }
        if (selection == null || faceCascade == null || dnnModel == null || eyes == null) {
            throw new IllegalArgumentException("selection, faceCascade, dnnModel and eyes must not be null");
        }
    }

    /** Options without the eye method, which then is the default one. */
    public AlignOptions(int size, boolean grey, FaceSelection selection, String faceCascade, Optional<Path> dnnModel,
        int detectMaxSide, double minFaceFraction, int minNeighbours, boolean refinePupils, long maxPixels) {
        this(size, grey, selection, faceCascade, dnnModel, detectMaxSide, minFaceFraction, minNeighbours, refinePupils,
            maxPixels, EyeMethod.LANDMARKS_68);
    }

    /**
     * 112 px colour crops of the largest face; Haar alt2 detector for faces >= 10 % of the shorter side; eyes from
     * the 68-point landmark network (cascade pupils refined when the cascades are chosen).
     */
    public static AlignOptions defaults() {
        return new AlignOptions(112, false, FaceSelection.LARGEST, CascadeLoader.FRONTAL_FACE_ALT2, Optional.empty(),
            1024, 0.1, 4, true, ImageDecoder.DEFAULT_MAX_PIXELS, EyeMethod.LANDMARKS_68);
    }

    /** Same options with another eye method. */
    public AlignOptions withEyes(EyeMethod m) {
        return new AlignOptions(size, grey, selection, faceCascade, dnnModel, detectMaxSide, minFaceFraction,
            minNeighbours, refinePupils, maxPixels, m);
    }

    /** Same options with another crop size. */
    public AlignOptions withSize(int px) {
        return new AlignOptions(px, grey, selection, faceCascade, dnnModel, detectMaxSide, minFaceFraction, minNeighbours,
            refinePupils, maxPixels, eyes);
    }

    /** Same options with grey or colour crops. */
    public AlignOptions withGrey(boolean g) {
        return new AlignOptions(size, g, selection, faceCascade, dnnModel, detectMaxSide, minFaceFraction, minNeighbours,
            refinePupils, maxPixels, eyes);
    }

    /** Same options with another face selection. */
    public AlignOptions withSelection(FaceSelection s) {
        return new AlignOptions(size, grey, s, faceCascade, dnnModel, detectMaxSide, minFaceFraction, minNeighbours,
            refinePupils, maxPixels, eyes);
    }

    /** Same options with another face cascade resource. */
    public AlignOptions withFaceCascade(String resource) {
        return new AlignOptions(size, grey, selection, resource, dnnModel, detectMaxSide, minFaceFraction, minNeighbours,
            refinePupils, maxPixels, eyes);
    }

    /** Same options using a DNN face detector model file instead of cascades. */
    public AlignOptions withDnnModel(Path model) {
        return new AlignOptions(size, grey, selection, faceCascade, Optional.of(model), detectMaxSide, minFaceFraction,
            minNeighbours, refinePupils, maxPixels, eyes);
    }

    /** Same options with another detection image size. */
    public AlignOptions withDetectMaxSide(int px) {
        return new AlignOptions(size, grey, selection, faceCascade, dnnModel, px, minFaceFraction, minNeighbours,
            refinePupils, maxPixels, eyes);
    }

    /** Same options with another minimum face fraction. */
    public AlignOptions withMinFaceFraction(double f) {
        return new AlignOptions(size, grey, selection, faceCascade, dnnModel, detectMaxSide, f, minNeighbours,
            refinePupils, maxPixels, eyes);
    }

    /** Same options with another cascade neighbour count. */
    public AlignOptions withMinNeighbours(int n) {
        return new AlignOptions(size, grey, selection, faceCascade, dnnModel, detectMaxSide, minFaceFraction, n,
            refinePupils, maxPixels, eyes);
    }

    /** Same options with pupil refinement on or off. */
    public AlignOptions withRefinePupils(boolean r) {
        return new AlignOptions(size, grey, selection, faceCascade, dnnModel, detectMaxSide, minFaceFraction,
            minNeighbours, r, maxPixels, eyes);
    }

    /** Same options with another decoding budget. */
    public AlignOptions withMaxPixels(long px) {
        return new AlignOptions(size, grey, selection, faceCascade, dnnModel, detectMaxSide, minFaceFraction,
            minNeighbours, refinePupils, px, eyes);
    }
}
