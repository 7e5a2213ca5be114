package org.malau.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.malau.face.AlignOptions;
import org.malau.face.AlignStatus;
import org.malau.face.AlignedFace;
import org.malau.face.AlignmentCsv;
import org.malau.face.BatchItem;
import org.malau.face.BatchResult;
import org.malau.face.FaceSelection;
import org.malau.face.ImageAlignment;
import org.malau.face.ImageDecoder;
import org.malau.face.ImageList;
import org.malau.face.LandmarkCsv;
import org.malau.face.Landmarks;
import org.malau.face.ParallelBatch;
import org.malau.face.EyeMethod;
import org.malau.pretrained.FaceApiNetwork;
import org.malau.io.SafeOutputs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./mal align}: aligned face crops and {@code alignment.csv} for a folder or list of images. */
@Command(name = "align", optionListHeading = "%n", separator = " ", sortOptions = false, synopsisHeading = "",
    customSynopsis = "usage: ./mal align --input DIR|CSV --out DIR [options]%n",
    description = {
        "Exit code 0 when the batch ran (bad images are reported in alignment.csv), 2 on usage errors, 1 "
            + "when the input or output cannot be used. Crops and alignment.csv are written beside their "
            + "targets and moved into place when the batch has run; the output folder must not be the input "
            + "folder or inside it."})
public final class AlignCommand extends CliCommand {
    @Option(names = "--input", paramLabel = "DIR|CSV", required = true, description = "a folder (searched recursively for image"
        + " files) or a CSV whose image/file/path column lists images (relative to the CSV)")
    Path input;
    @Option(names = "--out", paramLabel = "DIR", required = true, description = "output folder for crops (PNG) and alignment.csv;"
        + " created if missing")
    Path outDir;
    @Option(names = "--size", paramLabel = "PX", description = "crop side in pixels, 16-2048 (default 112; ArcFace eye template scaled to it)")
    int size = AlignOptions.defaults().size();
    @Option(names = "--mode", paramLabel = "largest|all", description = "align the largest face only or every face (default largest)")
    String mode = "largest";
    @Option(names = "--landmarks", paramLabel = "CSV", description = "use given eye centres or .tem/.pts landmark files instead of"
        + " detection for the images the CSV lists (columns: image, eye_imgleft_x, eye_imgleft_y, eye_imgright_x, eye_imgright_y,"
        + " or image, landmarks)")
    Path landmarks;
    @Option(names = {"--grey", "--gray"}, description = "grey crops")
    boolean grey;
    @Option(names = {"--colour", "--color"}, description = "colour crops (the default)")
    boolean colour;
    @Option(names = "--model", paramLabel = "FILE", description = "OpenCV FaceDetectorYN model (e.g. YuNet .onnx) instead of Haar cascades")
    Path model;
    @Option(names = "--eyes", paramLabel = "METHOD", description = "how detected faces' eyes are found: landmarks68 (face-api.js's"
        + " pretrained 68-point network, eye centres from the eye contours) or cascade (OpenCV's eye cascades and pupil"
        + " refinement) (default landmarks68)")
    String eyes = AlignOptions.defaults().eyes().id();
    @Option(names = "--landmarks68", description = "also write the 68 landmarks (lm00_x ... lm67_y, source pixels) to alignment.csv")
    boolean landmarks68;
    @Option(names = "--max-pixels", paramLabel = "N", description = "decode budget; larger JPEGs are decoded reduced, others refused"
        + " (default ${DEFAULT-VALUE})")
    long maxPixels = ImageDecoder.DEFAULT_MAX_PIXELS;
    @Option(names = "--threads", paramLabel = "N", description = "images aligned in parallel, at most the processors (default: all of them)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public String summary() {
        return "detect faces and eyes, write aligned face crops";
    }

    @Override
    int call(PrintStream out, PrintStream err) throws Exception {
        check(!(grey && colour), "--grey", "together with --colour", "given alone");
        AlignOptions options;
        try {
            options = AlignOptions.defaults().withSize(between("--size", size, 16, 2048)).withSelection(mode(mode)).withGrey(grey)
                .withMaxPixels(maxPixels(maxPixels)).withEyes(EyeMethod.of(eyes));
            if (model != null) {
                options = options.withDnnModel(model);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (options.eyes() == EyeMethod.LANDMARKS_68 && FaceApiNetwork.unavailableReason() != null) {
            err.println("align: warning: eyes are located by the cascades: the 68-point landmark network cannot run here ("
                + FaceApiNetwork.unavailableReason() + ")");
            options = options.withEyes(EyeMethod.CASCADE);
        }
        if (landmarks68 && options.eyes() != EyeMethod.LANDMARKS_68) {
            err.println("align: --landmarks68 writes empty landmark columns: the landmarks come from --eyes landmarks68");
        }
        final AlignOptions aligned = options;
        int nThreads = threads("--threads", threads, false);
        // The inputs are listed and read first (quick), so that a run that cannot start creates no output folder.
        ImageList.Listing listing = ImageList.scan(input);
        Map<Path, List<Landmarks>> given = landmarks == null ? new HashMap<>() : LandmarkCsv.read(landmarks);
        try (SafeOutputs outputs = new SafeOutputs(Arrays.asList(input, landmarks, model))) {
            Path outFolder = outputs.folder(outDir, "--out");
            Path table = outputs.file(outFolder.resolve("alignment.csv"), "--out");
            List<BatchItem> items = new ArrayList<>();
            Set<Path> unmatched = new LinkedHashSet<>(given.keySet());
            for (Path p : listing.images()) {
                Path key = p.toAbsolutePath().normalize();
                unmatched.remove(key);
                items.add(new BatchItem(p, given.getOrDefault(key, List.of())));
            }
            if (!unmatched.isEmpty()) {
                err.println("align: " + unmatched.size() + " image(s) in " + landmarks + " are not in the input, e.g. "
                    + unmatched.iterator().next());
            }
            for (String s : listing.skipped()) {
                err.println("align: skipped " + s);
            }
            Path root = Files.isDirectory(input) ? input : input.toAbsolutePath().getParent();
            Set<String> usedNames = new LinkedHashSet<>();
            BatchResult result;
            try (Writer w = Files.newBufferedWriter(table, StandardCharsets.UTF_8); AlignmentCsv csv = new AlignmentCsv(w, landmarks68)) {
                result = ParallelBatch.run(aligned, items, nThreads, a -> write(a, root, outFolder, csv, usedNames, outputs));
            } catch (IllegalArgumentException | IllegalStateException e) {
                // Model or cascade problems: the detector could not be built, so no image can be aligned.
                throw new IOException(e.getMessage(), e);
            }
            outputs.commit();
            out.println("align: " + result);
            for (AlignStatus s : AlignStatus.values()) {
                out.printf(Locale.ROOT, "  %-15s %d%n", s, result.count(s));
            }
            if (!listing.skipped().isEmpty()) {
                out.printf(Locale.ROOT, "  %-15s %d%n", "SKIPPED", listing.skipped().size());
            }
            for (String p : result.problems()) {
                err.println("  " + p);
            }
            out.println("wrote " + outFolder.resolve("alignment.csv"));
            return 0;
        }
    }

    private static long maxPixels(long v) throws UsageException {
        check(v >= 1 && v <= 2_000_000_000L, "--max-pixels", v, "between 1 and 2000000000");
        return v;
    }

    private static void write(ImageAlignment a, Path root, Path outDir, AlignmentCsv table, Set<String> used, SafeOutputs outputs) {
        try {
            if (a.faces().isEmpty()) {
                table.noFace(a);
                return;
            }
            String stem = cropStem(root, Paths.get(a.source()));
            for (AlignedFace f : a.faces()) {
                String name = stem + "_" + f.faceIndex() + ".png";
                for (int k = 2; !used.add(name); k++) {
                    name = stem + "~" + k + "_" + f.faceIndex() + ".png";
                }
                Files.write(outputs.file(outDir.resolve(name), "--out"), f.png());
                table.face(a, f, name);
            }
        } catch (IOException e) {
            // The CSV or a crop could not be written: no later image can succeed either.
            throw new java.io.UncheckedIOException("cannot write output for " + a.source() + ": " + e.getMessage(), e);
        }
    }

    /** A flat, file-system-safe name from the image's path below the input root. */
    private static String cropStem(Path root, Path image) {
        Path rel;
        try {
            rel = root.toAbsolutePath().normalize().relativize(image.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            rel = image.getFileName();
        }
        String s = rel.toString().replace('\\', '/');
        int dot = s.lastIndexOf('.');
        if (dot > s.lastIndexOf('/')) {
            s = s.substring(0, dot);
        }
        return s.replace("../", "").replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static FaceSelection mode(String v) throws UsageException {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "largest" -> FaceSelection.LARGEST;
            case "all" -> FaceSelection.ALL;
            default -> throw new UsageException("--mode must be largest or all, got " + v);
        };
    }
}
