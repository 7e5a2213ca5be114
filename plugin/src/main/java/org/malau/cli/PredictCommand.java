package org.malau.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.malau.data.AuLabels;
import org.malau.model.FacePrediction;
import org.malau.model.MalModel;
import org.malau.model.ModelFile;
import org.malau.model.NetworkEngines;

/** {@code ./mal predict}: AU probabilities and decisions plus expression probabilities for crops. */
public final class PredictCommand implements Command {
    @Override
    public String name() {
        return "predict";
    }

    @Override
    public String summary() {
        return "predict AUs and expressions of aligned face crops with a trained model";
    }

    @Override
    public String usage() {
        return String.join("\n",
            "usage: ./mal predict --model MODEL.zip --input CSV|DIR --out CSV [--batch N] [--engine NAME]",
            "",
            "Input: a CSV with a 'file' column (paths relative to the CSV), or a folder of .png/.jpg",
            "files (sorted by name). The crops should be aligned like the training crops; others are",
            "simply resized. Output columns: file, AUxx_prob per AU, AUxx (0/1 with the model's tuned",
            "thresholds), expression (most probable), p_<class> per expression class; the expression",
            "columns only for models that trained an expression head (not for strategy au-only).",
            "",
            "  --model FILE    trained model (required)",
            "  --input PATH    CSV or folder (required)",
            "  --out FILE      prediction CSV to write (required)",
            "  --batch N       faces per forward pass (default 128)",
            "  --engine NAME   " + String.join(" or ", NetworkEngines.NAMES) + " (default " + NetworkEngines.DEFAULT
                + "); any engine runs a model trained with any");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Map<String, String> o = TrainCommand.parse(args, Set.of());
        Path modelFile = Path.of(TrainCommand.required(o, "--model"));
        Path input = Path.of(TrainCommand.required(o, "--input"));
        Path outFile = Path.of(TrainCommand.required(o, "--out"));
        int batch;
        try {
            batch = Integer.parseInt(o.getOrDefault("--batch", "128"));
        } catch (NumberFormatException e) {
            throw new UsageException("--batch expects an integer");
        }
        if (batch < 1) {
            throw new UsageException("--batch must be >= 1");
        }
        List<String> names = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(input)) {
            try (Stream<Path> s = Files.list(input)) {
                s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g)")).sorted()
                    .forEach(p -> {
                        names.add(p.getFileName().toString());
                        files.add(p);
                    });
            }
        } else if (Files.isRegularFile(input)) {
            readFileColumn(input, names, files);
        } else {
            throw new UsageException("--input " + input + " is neither a CSV file nor a folder");
        }
        String engine = o.getOrDefault("--engine", NetworkEngines.DEFAULT);
        if (!NetworkEngines.NAMES.contains(engine)) {
            throw new UsageException("--engine must be one of " + NetworkEngines.NAMES + ", was '" + engine + "'");
        }
        MalModel model = ModelFile.read(modelFile, engine, w -> err.println("warning: " + w));
        long t0 = System.nanoTime();
        try (BufferedWriter w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
            int[] codes = model.header().auCodes();
            List<String> classes = model.header().expressionClasses();
            StringBuilder h = new StringBuilder("file");
            for (int c : codes) {
                h.append(',').append(AuLabels.columnName(c)).append("_prob");
            }
            for (int c : codes) {
                h.append(',').append(AuLabels.columnName(c));
            }
            boolean expressions = model.header().predictsExpressions();
            if (expressions) {
                h.append(",expression");
                for (String c : classes) {
                    h.append(",p_").append(c);
                }
            }
            w.write(h.toString());
            w.newLine();
            for (int from = 0; from < files.size(); from += 1024) {
                int to = Math.min(files.size(), from + 1024);
                List<FacePrediction> p = model.predictFiles(files.subList(from, to), batch);
                for (int i = 0; i < p.size(); i++) {
                    FacePrediction f = p.get(i);
                    StringBuilder sb = new StringBuilder(names.get(from + i));
                    for (float v : f.auProbabilities()) {
                        sb.append(',').append(String.format(Locale.ROOT, "%.4f", v));
                    }
                    for (byte v : f.auPresent()) {
                        sb.append(',').append(v);
                    }
                    if (expressions) {
                        sb.append(',').append(classes.get(f.expression()));
                        for (float v : f.expressionProbabilities()) {
                            sb.append(',').append(String.format(Locale.ROOT, "%.4f", v));
                        }
                    }
                    w.write(sb.toString());
                    w.newLine();
                }
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "predicted %d faces in %.1f s (%.0f faces/s including decoding), wrote %s%n", files.size(), s,
            files.size() / Math.max(s, 1e-9), outFile);
        return 0;
    }

    private static void readFileColumn(Path csv, List<String> names, List<Path> files) throws IOException, UsageException {
        Path dir = csv.toAbsolutePath().getParent();
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new UsageException(csv + " is empty");
            }
            int col = java.util.Arrays.asList(header.split(",", -1)).indexOf("file");
            if (col < 0) {
                throw new UsageException(csv + " has no 'file' column");
            }
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String f = line.split(",", -1)[col].trim();
                names.add(f);
                files.add(dir.resolve(f));
            }
        }
    }
}
