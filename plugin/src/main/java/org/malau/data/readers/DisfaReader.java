package org.malau.data.readers;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.malau.data.AuLabels;
import org.malau.data.Corruption;
import org.malau.data.FaceRecord;

/**
 * Reads DISFA AU intensities from the layout it is distributed in:
 *
 * <pre>
 * &lt;root&gt;/ActionUnit_Labels/SN001/SN001_au1.txt   one file per subject and AU, lines "frame,intensity"
 * &lt;root&gt;/Images/SN001/1.jpg                      frames the user extracted from the videos
 * </pre>
 *
 * Intensities are 0-5 (FACS A-E as 1-5); occurrence is intensity &gt;= 2 as in the usual protocol
 * ({@link AuLabels#fromIntensities}). The label layout is the one ME-GraphAU's
 * {@code tool/DISFA_image_label_process.py} (github.com/CVI-SZU/ME-GraphAU) reads
 * ({@code ActionUnit_Labels/<subject>/<subject>_au<N>.txt}, split at ','), with the 8-AU protocol
 * list. DISFA ships videos, not frames, so the image layout is whatever the extraction produced:
 * {@code ffmpeg -i LeftVideoSN001_comp.avi %d.png} (as in mluqmanhakim/personality-recognition's
 * {@code convert_video_to_frame.py}) numbers frames from 1 like the label files; ME-GraphAU stores
 * {@code img/SN001/0.png}, numbered from 0 by line. Hence two placeholders: {@code {frame}} (the number in the label file) and
 * {@code {index}} (0-based position among the subject's frames), plus {@code {subject}}.
 *
 * <p>Options read: {@link ReaderOptions#auCodes()} (default {@link #AU_CODES}; {@link #PROTOCOL_8_AUS}
 * for the 8-AU protocol), {@link ReaderOptions#imagePattern()} (default: the first of
 * {@link #DEFAULT_IMAGE_PATTERNS} that matches, per subject), {@link ReaderOptions#missingImages()}.
 *
 * <p>Records: id {@code SN001_1}, subject {@code SN001}. A frame that is missing from one AU's file
 * (SN010's files differ in length by one in public copies) gets that AU as unknown, noted in the
 * report, never 0.
 */
public final class DisfaReader implements DatasetReader {
    /** The 12 AUs DISFA labels. */
    public static final int[] AU_CODES = {1, 2, 4, 5, 6, 9, 12, 15, 17, 20, 25, 26};
    /** The 8 AUs of the common evaluation protocol (JAA-Net, ME-GraphAU). */
    public static final int[] PROTOCOL_8_AUS = {1, 2, 4, 6, 9, 12, 25, 26};
    public static final String LABEL_DIR = "ActionUnit_Labels";
    /** Tried in order when no pattern is set: 1-based frames as ffmpeg writes them, then ME-GraphAU's 0-based layout. */
    public static final List<String> DEFAULT_IMAGE_PATTERNS = List.of(
        "Images/{subject}/{frame}.jpg",
        "Images/{subject}/{frame}.png",
        "img/{subject}/{index}.png");

    static final Set<String> PLACEHOLDERS = Set.of("subject", "frame", "index");
    private static final int MAX_INTENSITY = 5;

    @Override
    public RecordStream open(Path root, ReaderOptions options) {
        int[] codes = options.auCodes() == null ? AU_CODES : options.auCodes();
        AuCodes.check(codes, AU_CODES, "DISFA");
        List<ImagePattern> patterns = ImagePatterns.of(options.imagePattern(), DEFAULT_IMAGE_PATTERNS, PLACEHOLDERS);
        Path labelDir = root.resolve(LABEL_DIR);
        if (!Files.isDirectory(labelDir)) {
            throw DatasetFormatException.inFile(labelDir,
                "folder not found; expected the DISFA layout <root>/ActionUnit_Labels/SN001/SN001_au1.txt");
        }
        List<Path> subjects = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(labelDir, Files::isDirectory)) {
            dir.forEach(subjects::add);
        } catch (IOException e) {
            throw DatasetFormatException.io(labelDir, e);
        }
        if (subjects.isEmpty()) {
            throw DatasetFormatException.inFile(labelDir, "no subject folders such as SN001");
        }
        subjects.sort(null);
        return new Records(root, subjects.iterator(), codes.clone(), patterns, options.missingImages());
    }

    private static final class Records extends RecordStream {
        private final Iterator<Path> subjects;
        private final int[] codes;
        private final ImageLocator images;
        private String subject;
        private Iterator<Map.Entry<Integer, Frame>> frames;
        private int index;

        /** One frame's intensities and where its first label sits, for error messages. */
        private record Frame(float[] intensity, Path file, int line) {
        }

        Records(Path root, Iterator<Path> subjects, int[] codes, List<ImagePattern> patterns, MissingImagePolicy policy) {
            this.subjects = subjects;
            this.codes = codes;
            this.images = new ImageLocator(root, patterns, policy, report());
        }

        @Override
        FaceRecord computeNext() throws IOException {
            while (true) {
                if (frames == null || !frames.hasNext()) {
                    if (!subjects.hasNext()) {
                        return null;
                    }
                    loadSubject(subjects.next());
                    continue;
                }
                Map.Entry<Integer, Frame> e = frames.next();
                int frame = e.getKey();
                int position = index++;
                Path image = images.locate(subject, Map.of("subject", subject, "frame", frame, "index", position),
                    e.getValue().file(), e.getValue().line());
                if (image != null) {
                    return new FaceRecord(subject + "_" + frame, subject, new FaceRecord.ImageFile(image),
                        AuLabels.fromIntensities(codes, e.getValue().intensity()), null, Corruption.UNKNOWN, null);
                }
            }
        }

        /** Reads all AU files of one subject: about 5k frames x 12 AUs, small enough to hold. */
        private void loadSubject(Path dir) throws IOException {
            subject = dir.getFileName().toString();
            TreeMap<Integer, Frame> bySubject = new TreeMap<>();
            for (int a = 0; a < codes.length; a++) {
                Path file = dir.resolve(subject + "_au" + codes[a] + ".txt");
                if (!Files.isRegularFile(file)) {
                    throw DatasetFormatException.inFile(file, "AU " + codes[a] + " label file not found for subject " + subject);
                }
                readAu(file, a, bySubject);
            }
            int incomplete = 0;
            for (Frame f : bySubject.values()) {
                for (float v : f.intensity()) {
                    if (Float.isNaN(v)) {
                        incomplete++;
                        break;
                    }
                }
            }
            if (incomplete > 0) {
                report().note(subject + ": " + incomplete + " frame(s) are missing from some AU label files; those AUs are unknown there");
            }
            frames = bySubject.entrySet().iterator();
            index = 0;
        }

        private void readAu(Path file, int a, TreeMap<Integer, Frame> bySubject) throws IOException {
            Set<Integer> seen = new HashSet<>();
            try (CsvReader csv = CsvReader.open(file)) {
                for (List<String> row = csv.next(); row != null; row = csv.next()) {
                    int line = csv.recordLine();
                    if (row.size() != 2) {
                        throw DatasetFormatException.atLine(file, line, "expected 'frame,intensity', found " + row.size() + " field(s)");
                    }
                    int frame = Fields.parseInt(row.get(0), file, line, "frame number");
                    int intensity = Fields.parseInt(row.get(1), file, line, "intensity");
                    if (frame < 0) {
                        throw DatasetFormatException.atLine(file, line, "frame number " + frame + " is negative");
                    }
                    if (intensity < 0 || intensity > MAX_INTENSITY) {
                        throw DatasetFormatException.atLine(file, line, "intensity " + intensity + " is out of range; expected 0-5");
                    }
                    if (!seen.add(frame)) {
                        throw DatasetFormatException.atLine(file, line, "frame " + frame + " appears twice");
                    }
                    Frame f = bySubject.computeIfAbsent(frame, k -> {
                        float[] nan = new float[codes.length];
                        Arrays.fill(nan, Float.NaN);
                        return new Frame(nan, file, line);
                    });
                    f.intensity()[a] = intensity;
                }
            }
        }

        @Override
        void release() {
            frames = null;
        }
    }
}
