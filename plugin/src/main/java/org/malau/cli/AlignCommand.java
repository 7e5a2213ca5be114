package org.malau.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
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
import org.malau.face.ImageList;
import org.malau.face.LandmarkCsv;
import org.malau.face.Landmarks;
import org.malau.face.ParallelBatch;
import org.malau.face.EyeMethod;
import org.malau.pretrained.FaceApiNetwork;

/** {@code ./mal align}: aligned face crops and {@code alignment.csv} for a folder or list of images. */
public final class AlignCommand implements Command {
    @Override
    public String name() {
        return "align";
    }

    @Override
    public String summary() {
        return "detect faces and eyes, write aligned face crops";
    }

    @Override
    public String usage() {
        return String.join("\n",
            "usage: ./mal align --input DIR|CSV --out DIR [options]",
            "  --input DIR|CSV     a folder (searched recursively for image files) or a CSV whose",
            "                      image/file/path column lists images (relative to the CSV)",
            "  --out DIR           output folder for crops (PNG) and alignment.csv; created if missing",
            "  --size PX           crop side in pixels (default 112; ArcFace eye template scaled to it)",
            "  --mode largest|all  align the largest face only or every face (default largest)",
            "  --landmarks CSV     use given eye centres or .tem/.pts landmark files instead of detection",
            "                      for the images the CSV lists (columns: image, eye_imgleft_x, eye_imgleft_y,",
            "                      eye_imgright_x, eye_imgright_y, or image, landmarks)",
            "  --grey | --colour   crop colour mode (default --colour)",
            "  --model FILE        OpenCV FaceDetectorYN model (e.g. YuNet .onnx) instead of Haar cascades",
            "  --eyes METHOD       how detected faces' eyes are found: landmarks68 (face-api.js's pretrained",
            "                      68-point network, eye centres from the eye contours) or cascade (OpenCV's eye",
            "                      cascades and pupil refinement) (default landmarks68)",
            "  --landmarks68       also write the 68 landmarks (lm00_x ... lm67_y, source pixels) to alignment.csv",
            "  --max-pixels N      decode budget; larger JPEGs are decoded reduced, others refused (default 50000000)",
            "  --threads N         images aligned in parallel (default: number of cores)",
            "Exit code 0 when the batch ran (bad images are reported in alignment.csv), 2 on usage errors,",
            "1 when the input or output cannot be used.");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Path input = null;
        Path outDir = null;
        Path landmarks = null;
        AlignOptions options = AlignOptions.defaults();
        boolean with68 = false;
        int threads = Runtime.getRuntime().availableProcessors();
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--input" -> input = Paths.get(value(args, ++i, a));
                    case "--out" -> outDir = Paths.get(value(args, ++i, a));
                    case "--landmarks" -> landmarks = Paths.get(value(args, ++i, a));
                    case "--size" -> options = options.withSize(Integer.parseInt(value(args, ++i, a)));
                    case "--mode" -> options = options.withSelection(mode(value(args, ++i, a)));
                    case "--grey", "--gray" -> options = options.withGrey(true);
                    case "--colour", "--color" -> options = options.withGrey(false);
                    case "--model" -> options = options.withDnnModel(Paths.get(value(args, ++i, a)));
                    case "--eyes" -> options = options.withEyes(EyeMethod.of(value(args, ++i, a)));
                    case "--landmarks68" -> with68 = true;
                    case "--max-pixels" -> options = options.withMaxPixels(Long.parseLong(value(args, ++i, a)));
                    case "--threads" -> threads = positive(Integer.parseInt(value(args, ++i, a)), a);
                    case "-h", "--help" -> {
                        out.println(usage());
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (input == null || outDir == null) {
                throw new IllegalArgumentException("--input and --out are required");
            }
        } catch (IllegalArgumentException e) {
            err.println("align: " + e.getMessage());
            err.println(usage());
            return 2;
        }
        if (options.eyes() == EyeMethod.LANDMARKS_68 && FaceApiNetwork.unavailableReason() != null) {
            err.println("align: warning: eyes are located by the cascades: the 68-point landmark network cannot run here ("
                + FaceApiNetwork.unavailableReason() + ")");
            options = options.withEyes(EyeMethod.CASCADE);
        }
        if (with68 && options.eyes() != EyeMethod.LANDMARKS_68) {
            err.println("align: --landmarks68 writes empty landmark columns: the landmarks come from --eyes landmarks68");
        }
        List<Path> images;
        Map<Path, List<Landmarks>> given = new HashMap<>();
        try {
            images = ImageList.of(input);
            if (landmarks != null) {
                given = LandmarkCsv.read(landmarks);
            }
            Files.createDirectories(outDir);
        } catch (IOException e) {
            err.println("align: " + e.getMessage());
            return 1;
        }
        List<BatchItem> items = new ArrayList<>();
        Set<Path> unmatched = new LinkedHashSet<>(given.keySet());
        for (Path p : images) {
            Path key = p.toAbsolutePath().normalize();
            unmatched.remove(key);
            items.add(new BatchItem(p, given.getOrDefault(key, List.of())));
        }
        if (!unmatched.isEmpty()) {
            err.println("align: " + unmatched.size() + " image(s) in " + landmarks + " are not in the input, e.g. "
                + unmatched.iterator().next());
        }
        Path root = Files.isDirectory(input) ? input : input.toAbsolutePath().getParent();
        Set<String> usedNames = new LinkedHashSet<>();
        BatchResult result;
        try (Writer w = Files.newBufferedWriter(outDir.resolve("alignment.csv"), StandardCharsets.UTF_8);
             AlignmentCsv table = new AlignmentCsv(w, with68)) {
            final Path outFolder = outDir;
            result = ParallelBatch.run(options, items, threads, a -> write(a, root, outFolder, table, usedNames));
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Model or cascade problems: the detector could not be built, so no image can be aligned.
            err.println("align: " + e.getMessage());
            return 1;
        }
        out.println("align: " + result);
        for (AlignStatus s : AlignStatus.values()) {
            out.printf(Locale.ROOT, "  %-15s %d%n", s, result.count(s));
        }
        for (String p : result.problems()) {
            err.println("  " + p);
        }
        out.println("wrote " + outDir.resolve("alignment.csv"));
        return 0;
    }

    private static void write(ImageAlignment a, Path root, Path outDir, AlignmentCsv table, Set<String> used) {
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
                Files.write(outDir.resolve(name), f.png());
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

    private static int positive(int v, String option) {
        if (v < 1) {
            throw new IllegalArgumentException(option + " must be >= 1, got " + v);
        }
        return v;
    }

    private static FaceSelection mode(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "largest" -> FaceSelection.LARGEST;
            case "all" -> FaceSelection.ALL;
            default -> throw new IllegalArgumentException("--mode must be largest or all, got " + v);
        };
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
