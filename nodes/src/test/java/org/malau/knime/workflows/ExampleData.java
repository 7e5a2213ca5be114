package org.malau.knime.workflows;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.malau.data.AuLabels;
import org.malau.data.Expression;
import org.malau.data.readers.Bp4dReader;
import org.malau.data.readers.RafDbReader;
import org.malau.data.synth.SynthConfig;
import org.malau.data.synth.SynthFace;
import org.malau.data.synth.SynthGenerator;
import org.malau.data.synth.SynthSet;
import org.malau.face.AlignOptions;
import org.malau.face.AlignedFace;
import org.malau.face.FaceAligner;
import org.malau.face.ImageAlignment;
import org.malau.face.Landmarks;
import org.malau.face.PixelPoint;
import org.malau.data.synth.PngEncoder;

/**
 * The data the example workflows ship in their {@code data/} folders: sample photos for workflow 2 (copied byte for
 * byte from {@code ../shared/data/faces}, public domain and CC0 only, with their attribution), and for workflow 3 a
 * tiny synthetic stand-in for BP4D and RAF-DB in those data sets' own folder layouts, so that the protocol runs
 * without a licensed copy. All of it is deterministic: the same code writes the same files.
 */
final class ExampleData {
    /** BP4D-style subject ids of the stand-in: three women, three men, as BP4D names its subjects. */
    static final List<String> BP4D_SUBJECTS = List.of("F001", "F002", "F003", "M001", "M002", "M003");

    static final List<String> BP4D_TASKS = List.of("T1", "T2");

    static final int FRAMES_PER_TASK = 6;

    static final int RAF_TRAIN = 70;

    static final int RAF_TEST = 14;

    /** Seed of the stand-in's synthetic faces. */
    static final long SEED = 20_261_128L;

    /** A sample photo: the file in {@code ../shared/data/faces} and what its attribution says. */
    record Photo(String file, String source, String author, String licence, String note) {
    }

    /** Chosen from the public-domain and CC0 photos of ../shared/data/faces (see its PROVENANCE.md). */
    static final List<Photo> PHOTOS = List.of(
        new Photo("cc0_lisa1.jpg", "debruine/webmorphR.stim@fa8b78fda2d659bb74ce62fcd99c4407551d2a77:inst/lisa/lisa1.jpg",
            "Lisa DeBruine (photo of the package author)", "CC0 1.0 (the package README: \"CC-0\")",
            "one face"),
        new Photo("cc0_codait_bryan.png",
            "hongweijia/MAX-Facial-Recognizer@5d708920e07b0f39ef00a152844ffe97ed791d1c:assets/Bryan.png "
                + "(unmodified fork of IBM/MAX-Facial-Recognizer)",
            "IBM CODAIT team", "CC0 (assets/README.md: \"from the CODAIT team and released under a CC0 License\")",
            "one face with glasses, small (115 x 115)"),
        new Photo("usgov_obama_small.jpg",
            "ageitgey/face_recognition@2e2dccea9dd0ce730c8d464d0f67c6eebb40c9d1:examples/obama_small.jpg",
            "Pete Souza, Official White House Photo (2012 official portrait)",
            "Public domain (work of a US federal employee, 17 U.S.C. 105)",
            "one face, low resolution; the White House asks that its photos not be used to suggest endorsement"),
        new Photo("usgov_obama2.jpg",
            "ageitgey/face_recognition@2e2dccea9dd0ce730c8d464d0f67c6eebb40c9d1:examples/obama2.jpg",
            "Pete Souza, Official White House Photo (joint session of Congress, 2009-09-09)",
            "Public domain (work of a US federal employee, 17 U.S.C. 105)",
            "one face, slightly turned; the White House asks that its photos not be used to suggest endorsement"));

    private ExampleData() {
    }

    /** Copies the sample photos into {@code dir} with an ATTRIBUTION.md. */
    static void samplePhotos(final Path sharedFaces, final Path dir) throws IOException {
        Files.createDirectories(dir);
        final StringBuilder b = new StringBuilder("# Sample photos\n\n")
            .append("Copied byte for byte from `../shared/data/faces` of the MAL nodes for KNIME project, which records ")
            .append("where each came from (`PROVENANCE.md`). Only public-domain and CC0 photos are used here.\n\n")
            .append("| file | source (repository@commit:path) | author | licence | note |\n|---|---|---|---|---|\n");
        for (final Photo p : PHOTOS) {
            Files.copy(sharedFaces.resolve(p.file()), dir.resolve(p.file()),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            b.append("| `").append(p.file()).append("` | ").append(p.source()).append(" | ").append(p.author())
                .append(" | ").append(p.licence()).append(" | ").append(p.note()).append(" |\n");
        }
        Files.writeString(dir.resolve("ATTRIBUTION.md"), b.toString(), StandardCharsets.UTF_8);
    }

    // ---- smiles --------------------------------------------------------------------------------------------------

    /** Side of the shipped smile photos: the 1350 px originals reduced 4 times (the face stays about 150 px wide). */
    static final int SMILE_REDUCTION = 4;

    /**
     * The 40 photos of {@code ../shared/data/smiles/labels.csv} (20 people of the Face Research Lab London Set, neutral
     * and smiling, CC BY 4.0), reduced {@value #SMILE_REDUCTION} times by averaging (the originals would add 18 MB to
     * every copy of the workflow), as {@code <person>_neutral.jpg} and {@code <person>_smiling.jpg}, with their labels
     * in the generic CSV layout the AU Data Set Reader reads ({@code file, subject, expression, AU12}) and the
     * attribution the licence asks for.
     */
    static void smiles(final Path sharedSmiles, final Path dir) throws IOException {
        Files.createDirectories(dir);
        final List<String> rows = Files.readAllLines(sharedSmiles.resolve("labels.csv"), StandardCharsets.UTF_8);
        final StringBuilder csv = new StringBuilder("file,subject,expression,AU12\n");
        for (final String row : rows.subList(1, rows.size())) {
            final String[] f = row.split(",");
            final String name = f[1] + (f[3].equals("1") ? "_smiling" : "_neutral") + ".jpg";
            final BufferedImage original = ImageIO.read(sharedSmiles.resolve(f[0]).toFile());
            writeJpeg(reduce(original, SMILE_REDUCTION), dir.resolve(name));
            csv.append(name).append(',').append(f[1]).append(',').append(f[2]).append(',').append(f[3]).append('\n');
        }
        Files.writeString(dir.resolve("labels.csv"), csv.toString(), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("ATTRIBUTION.md"), ""
            + "# Smile photos\n\n"
            + "40 photos of 20 people, each neutral (`_neutral`) and smiling (`_smiling`), from the **Face Research Lab London "
            + "Set**:\n\n"
            + "DeBruine, L., & Jones, B. (2017). *Face Research Lab London Set* (Version 5). figshare.\n"
            + "https://doi.org/10.6084/m9.figshare.5047666.v5\n\n"
            + "Licence: **CC BY 4.0** (https://creativecommons.org/licenses/by/4.0/). All individuals gave signed consent for "
            + "research use and for publication in original or altered form.\n\n"
            + "Changes: reduced from 1350 x 1350 to " + 1350 / SMILE_REDUCTION + " x " + 1350 / SMILE_REDUCTION
            + " pixels (averaging " + SMILE_REDUCTION + " x " + SMILE_REDUCTION + " pixels) and saved as JPEG at quality "
            + "0.9; renamed. Taken from the copies in `../shared/data` of the MAL nodes for KNIME project: the neutral "
            + "photos `inst/neutral_front/NNN_03.jpg` and the smiling ones `inst/smiling_front/NNN_08.jpg` of "
            + "debruine/webmorphR.stim@fa8b78fda2d659bb74ce62fcd99c4407551d2a77.\n\n"
            + "`labels.csv`: `file`, `subject` (the set's person number), `expression` (`neutral` or `happiness`, as the "
            + "set names its photos) and `AU12` (lip corner puller: 1 for the smiling photo, 0 for the neutral one; "
            + "derived from the set's \"smiling\" label, not coded by a certified FACS coder).\n",
            StandardCharsets.UTF_8);
    }

    /** {@code img} reduced {@code k} times, each pixel the mean of a k x k block (the remainder rows and columns dropped). */
    static BufferedImage reduce(final BufferedImage img, final int k) {
        final int w = img.getWidth() / k;
        final int h = img.getHeight() / k;
        final BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int dy = 0; dy < k; dy++) {
                    for (int dx = 0; dx < k; dx++) {
                        final int rgb = img.getRGB(x * k + dx, y * k + dy);
                        r += rgb >> 16 & 0xff;
                        g += rgb >> 8 & 0xff;
                        b += rgb & 0xff;
                    }
                }
                final int n = k * k;
                out.setRGB(x, y, (r + n / 2) / n << 16 | (g + n / 2) / n << 8 | (b + n / 2) / n);
            }
        }
        return out;
    }

    // ---- BP4D stand-in --------------------------------------------------------------------------------------------

    /**
     * Synthetic faces in BP4D's layout as {@link Bp4dReader} reads it: {@code AUCoding/AU_OCC/F001_T1.csv} (frame
     * number, then 0/1 per AU of the 12-AU protocol) and {@code BP4D-training/F001/T1/<frame>.jpg}. The frames are
     * already aligned 96 x 96 colour crops (public AU code trains on such crops), made with the engine's aligner from
     * the synthetic faces' eye positions.
     */
    static void bp4dTiny(final Path dir) throws IOException {
        final int perSubject = BP4D_TASKS.size() * FRAMES_PER_TASK;
        final SynthGenerator g = new SynthGenerator(SynthConfig.builder().seed(SEED).auSubjects(BP4D_SUBJECTS.size())
            .feSubjects(0).perSubject(perSubject).build());
        final int[] codes = Bp4dReader.DEFAULT_AU_CODES;
        final Path labels = dir.resolve(Bp4dReader.LABEL_DIR);
        Files.createDirectories(labels);
        try (FaceAligner aligner = new FaceAligner(AlignOptions.defaults().withSize(96).withGrey(false))) {
            for (int s = 0; s < BP4D_SUBJECTS.size(); s++) {
                final String subject = BP4D_SUBJECTS.get(s);
                for (int t = 0; t < BP4D_TASKS.size(); t++) {
                    final String task = BP4D_TASKS.get(t);
                    final StringBuilder csv = new StringBuilder("Frame");
                    for (final int c : codes) {
                        csv.append(',').append(c);
                    }
                    csv.append('\n');
                    for (int f = 0; f < FRAMES_PER_TASK; f++) {
                        final SynthFace face = g.face(SynthSet.AU, s * perSubject + t * FRAMES_PER_TASK + f);
                        // BP4D numbers frames from the start of each task video; these are sparse, as sampled frames are
                        final int frame = 100 + 37 * f;
                        csv.append(frame);
                        for (final int c : codes) {
                            csv.append(',').append(occurrence(face.au(), c));
                        }
                        csv.append('\n');
                        final Path img = dir.resolve("BP4D-training").resolve(subject).resolve(task).resolve(frame + ".jpg");
                        Files.createDirectories(img.getParent());
                        writeJpeg(crop(aligner, face, 96), img);
                    }
                    Files.writeString(labels.resolve(subject + "_" + task + ".csv"), csv.toString(),
                        StandardCharsets.US_ASCII);
                }
            }
        }
        Files.writeString(dir.resolve("README.txt"), ""
            + "NOT BP4D. Synthetic faces drawn by the MAL nodes for KNIME generator (seed " + SEED + "), laid out like\n"
            + "BP4D-Spontaneous so that the example workflow runs without a licensed copy:\n"
            + "  AUCoding/AU_OCC/<subject>_<task>.csv   frame number, then 0/1 for AUs " + join(codes) + "\n"
            + "  BP4D-training/<subject>/<task>/<frame>.jpg   96 x 96 aligned face crops\n"
            + BP4D_SUBJECTS.size() + " made-up people, " + BP4D_TASKS.size() + " tasks, " + FRAMES_PER_TASK
            + " frames each. Written by the example workflow generator (see workflows/README.md).\n",
            StandardCharsets.US_ASCII);
    }

    private static int occurrence(final AuLabels au, final int code) {
        for (int i = 0; i < au.size(); i++) {
            if (au.auCode(i) == code) {
                return au.occurrence(i) == 1 ? 1 : 0;
            }
        }
        throw new IllegalStateException("The synthetic faces have no AU " + code);
    }

    // ---- RAF-DB stand-in ------------------------------------------------------------------------------------------

    /**
     * Synthetic expression faces in RAF-DB's layout as {@link RafDbReader} reads it:
     * {@code EmoLabel/list_patition_label.txt} ({@code train_00001.jpg 5}, classes 1-7 as RAF-DB numbers them) and
     * {@code Image/aligned/train_00001_aligned.jpg} (100 x 100 aligned colour faces, as RAF-DB's aligned set). As in
     * the real data set, some labels are wrong: the generator's expression set has label noise and faces without a
     * usable face, and the files do not say which.
     */
    static void rafDbTiny(final Path dir) throws IOException {
        final int perSubject = 7;
        final int subjects = (RAF_TRAIN + RAF_TEST) / perSubject;
        final SynthGenerator g = new SynthGenerator(SynthConfig.builder().seed(SEED + 1).auSubjects(1)
            .feSubjects(subjects).perSubject(perSubject).build());
        final Path images = dir.resolve("Image/aligned");
        Files.createDirectories(images);
        Files.createDirectories(dir.resolve("EmoLabel"));
        final StringBuilder list = new StringBuilder();
        try (FaceAligner aligner = new FaceAligner(AlignOptions.defaults().withSize(100).withGrey(false))) {
            for (int i = 0; i < RAF_TRAIN + RAF_TEST; i++) {
                final SynthFace face = g.face(SynthSet.FE, i);
                final String stem = String.format(Locale.ROOT, "%s_%05d", i < RAF_TRAIN ? "train" : "test",
                    i < RAF_TRAIN ? i + 1 : i - RAF_TRAIN + 1);
                list.append(stem).append(".jpg ").append(rafClass(face.expression())).append('\n');
                writeJpeg(crop(aligner, face, 100), images.resolve(stem + "_aligned.jpg"));
            }
        }
        Files.writeString(dir.resolve(RafDbReader.LABEL_FILE), list.toString(), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("README.txt"), ""
            + "NOT RAF-DB. Synthetic expression faces drawn by the MAL nodes for KNIME generator (seed " + (SEED + 1)
            + "), laid out like\nRAF-DB (basic) so that the example workflow runs without a licensed copy:\n"
            + "  EmoLabel/list_patition_label.txt   \"train_00001.jpg 5\": classes 1-7 = surprise, fear, disgust,\n"
            + "                                     happiness, sadness, anger, neutral (RAF-DB's numbering)\n"
            + "  Image/aligned/<name>_aligned.jpg   100 x 100 aligned face crops\n"
            + RAF_TRAIN + " train and " + RAF_TEST + " test faces; about a fifth carry a wrong label or show no usable "
            + "face, on purpose.\nWritten by the example workflow generator (see workflows/README.md).\n",
            StandardCharsets.US_ASCII);
    }

    /** RAF-DB's class number (1-7) of an expression. */
    static int rafClass(final Expression e) {
        final Expression[] order = {Expression.SURPRISE, Expression.FEAR, Expression.DISGUST, Expression.HAPPINESS,
            Expression.SADNESS, Expression.ANGER, Expression.NEUTRAL};
        for (int k = 0; k < order.length; k++) {
            if (order[k] == e) {
                return k + 1;
            }
        }
        throw new IllegalArgumentException("RAF-DB has no class for " + e);
    }

    // ---- images ----------------------------------------------------------------------------------------------------

    /** The face aligned on its eye centres; a face without eyes (an "unrelated" sample) scaled whole. */
    private static BufferedImage crop(final FaceAligner aligner, final SynthFace face, final int size) {
        final float[] eyes = face.eyeCentres();
        if (eyes != null) {
            final Landmarks lm = Landmarks.ofEyes(new PixelPoint(eyes[0], eyes[1]), new PixelPoint(eyes[2], eyes[3]));
            final ImageAlignment a = aligner.alignWithLandmarks(PngEncoder.encode(face.image()), face.id(), List.of(lm));
            if (!a.faces().isEmpty()) {
                final AlignedFace f = a.faces().get(0);
                final BufferedImage img = new BufferedImage(f.size(), f.size(), BufferedImage.TYPE_3BYTE_BGR);
                // the aligner's colour crops are BGR, as this image type stores them
                System.arraycopy(f.pixels(), 0, ((DataBufferByte)img.getRaster().getDataBuffer()).getData(), 0,
                    f.pixels().length);
                return img;
            }
        }
        final BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        final java.awt.Graphics2D gr = img.createGraphics();
        gr.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
            java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        gr.drawImage(face.image(), 0, 0, size, size, null);
        gr.dispose();
        return img;
    }

    /** JPEG at quality 0.9 through the JDK's encoder (deterministic for a given JDK). */
    private static void writeJpeg(final BufferedImage img, final Path file) throws IOException {
        final Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        final ImageWriter w = writers.next();
        final ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(0.9f);
        try (OutputStream out = Files.newOutputStream(file); ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            w.setOutput(ios);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
    }

    private static String join(final int[] codes) {
        final List<String> s = new ArrayList<>();
        for (final int c : codes) {
            s.add(Integer.toString(c));
        }
        return String.join(", ", s);
    }
}
