package org.malau.data;

import java.nio.file.Path;

/**
 * One labelled face as every source yields it: the synthetic generator and each data set reader.
 *
 * @param id unique sample id within its set (file name stem or data set key)
 * @param subject subject id; subject-independent splits group by it ("" when unknown)
 * @param image where the pixels are: a file, or raw grey pixels (FER2013)
 * @param au AU labels, or null for an expression-only sample
 * @param expression expression label, or null when unknown or not annotated
 * @param corruption ground truth about label quality ({@link Corruption#UNKNOWN} for real data)
 * @param landmarks landmark x,y pairs in image pixels in the layout named by the source, or null
 */
public record FaceRecord(String id, String subject, ImageSource image, AuLabels au, Expression expression,
    Corruption corruption, float[] landmarks) {

    public FaceRecord {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a face record needs an id");
        }
        if (image == null) {
            throw new IllegalArgumentException("face record " + id + " has no image");
        }
        subject = subject == null ? "" : subject;
        corruption = corruption == null ? Corruption.UNKNOWN : corruption;
    }

    /** Where a face's pixels come from. */
    public sealed interface ImageSource permits ImageFile, GreyPixels {
    }

    /** An encoded image file (PNG, JPEG, ...). */
    public record ImageFile(Path path) implements ImageSource {
    }

    /** Raw 8-bit grey pixels, row-major, as FER2013 stores them. */
    public record GreyPixels(int width, int height, byte[] pixels) implements ImageSource {
        public GreyPixels {
            if (pixels.length != width * height) {
                throw new IllegalArgumentException(
                    "expected " + width + "x" + height + " = " + width * height + " pixels, got " + pixels.length);
            }
        }
    }
}
