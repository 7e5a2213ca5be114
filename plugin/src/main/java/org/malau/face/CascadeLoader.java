package org.malau.face;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_objdetect;
import org.bytedeco.opencv.opencv_core.FileStorage;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * Loads the Haar/LBP cascades that ship inside the OpenCV platform jar. They are looked up as class
 * resources of the OpenCV classes (never by file path or working directory), so the lookup follows
 * whatever class loader holds the jar: a flat class path or an OSGi bundle class path.
 */
public final class CascadeLoader {
    private CascadeLoader() {
    }

    /** Frontal face detector, Haar features. */
    public static final String FRONTAL_FACE_ALT2 = "haarcascades/haarcascade_frontalface_alt2.xml";
    /** Frontal face detector, Haar features (OpenCV's default model). */
    public static final String FRONTAL_FACE_DEFAULT = "haarcascades/haarcascade_frontalface_default.xml";
    /** Frontal face detector, LBP features (faster, coarser). */
    public static final String FRONTAL_FACE_LBP = "lbpcascades/lbpcascade_frontalface_improved.xml";
    /** Open-eye detector. */
    public static final String EYE = "haarcascades/haarcascade_eye.xml";
    /** Eye detector trained to tolerate glasses. */
    public static final String EYE_GLASSES = "haarcascades/haarcascade_eye_tree_eyeglasses.xml";

    /**
     * Loads the cascade {@code relative} (e.g. {@link #EYE}). Primary route: {@link Loader#cacheResource}
     * extracts it to JavaCPP's cache. If that fails (unusual resource URL schemes), the XML is read
     * from the resource stream and parsed in memory, which needs no file at all.
     *
     * @throws IllegalStateException if the cascade is not in the jar or does not parse
     */
    public static CascadeClassifier load(String relative) {
        String resource = resourceName(relative);
        Loader.load(opencv_objdetect.class);
        String cacheError;
        try {
            File file = Loader.cacheResource(opencv_objdetect.class, resource);
            if (file != null) {
                CascadeClassifier c = new CascadeClassifier(file.getAbsolutePath());
                if (!c.empty()) {
                    return c;
                }
                c.close();
                cacheError = "cached copy " + file + " did not load";
            } else {
                cacheError = "resource not found by Loader.cacheResource";
            }
        } catch (IOException | RuntimeException e) {
            cacheError = e.toString();
        }
        return loadInMemory(resource, cacheError);
    }

    /** Reads the cascade XML through the resource stream and parses it in memory, with no file at all. */
    static CascadeClassifier loadInMemory(String resource, String earlierError) {
        Loader.load(opencv_objdetect.class);
        try (InputStream in = opencv_objdetect.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("cascade " + resource + " not found in the OpenCV jar (" + earlierError + ")");
            }
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            CascadeClassifier c = new CascadeClassifier();
            try (FileStorage fs = new FileStorage(xml, FileStorage.READ | FileStorage.MEMORY)) {
                if (!c.read(fs.getFirstTopLevelNode()) || c.empty()) {
                    c.close();
                    throw new IllegalStateException("cascade " + resource + " did not parse (" + earlierError + ")");
                }
            }
            return c;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read cascade " + resource + ": " + e.getMessage(), e);
        }
    }

    /** The class-resource name of {@code relative} inside the platform jar. */
    static String resourceName(String relative) {
        return "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/" + relative;
    }
}
