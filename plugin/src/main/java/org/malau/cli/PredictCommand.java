package org.malau.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.malau.data.AuLabels;
import org.malau.face.ImageList;
import org.malau.io.CsvHeader;
import org.malau.io.CsvInput;
import org.malau.io.CsvOutput;
import org.malau.io.SafeOutputs;
import org.malau.model.FacePrediction;
import org.malau.model.FileOutcome;
import org.malau.model.MalModel;
import org.malau.model.ModelFile;
import org.malau.model.NetworkEngines;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./mal predict}: AU probabilities and decisions plus expression probabilities for crops. */
@Command(name = "predict", optionListHeading = "%n", separator = " ", sortOptions = false, synopsisHeading = "",
    customSynopsis = "usage: ./mal predict --model MODEL.zip --input CSV|DIR --out CSV [--batch N] [--engine NAME]%n",
    description = {
        "Input: a CSV with a 'file' column (paths relative to the CSV), or a folder searched recursively "
            + "for images (sorted by path). The crops should be aligned like the training crops; others are "
            + "simply resized. Output columns: file, AUxx_prob per AU, AUxx (0/1 with the model's tuned "
            + "thresholds), expression (most probable), p_<class> per expression class (the expression columns only "
            + "for models that trained an expression head, not for strategy au-only), status (OK or "
            + "UNREADABLE) and message: an image that cannot be read gets empty values and its reason, the "
            + "others are predicted. Exit code 0 when at least one image was predicted."})
public final class PredictCommand extends CliCommand {
    /** Faces decoded and predicted at a time, so that a 100k-image folder needs no 100k crops in memory. */
    private static final int CHUNK = 1024;

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "trained model (required)")
    Path modelFile;
    @Option(names = "--input", paramLabel = "PATH", required = true, description = "CSV or folder (required)")
    Path input;
    @Option(names = "--out", paramLabel = "FILE", required = true, description = "prediction CSV to write (required)")
    Path outFile;
    @Option(names = "--batch", paramLabel = "N", description = "faces per forward pass, 1-4096 (default 128)")
    int batch = 128;
    @Option(names = "--engine", paramLabel = "NAME", completionCandidates = TrainCommand.EngineNames.class,
        description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}); any engine runs a model trained with any")
    String engine = NetworkEngines.DEFAULT;

    @Override
    public String summary() {
        return "predict AUs and expressions of aligned face crops with a trained model";
    }

    @Override
    int call(PrintStream out, PrintStream err) throws Exception {
        between("--batch", batch, 1, 4096);
        if (!NetworkEngines.NAMES.contains(engine)) {
            throw new UsageException("--engine must be one of " + NetworkEngines.NAMES + ", was '" + engine + "'");
        }
        List<String> names = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(input)) {
            ImageList.Listing l = ImageList.scan(input);
            for (Path p : l.images()) {
                names.add(input.relativize(p).toString().replace('\\', '/'));
                files.add(p);
            }
            for (String s : l.skipped()) {
                err.println("warning: skipped " + s);
            }
        } else {
            readFileColumn(input, names, files);
        }
        if (files.isEmpty()) {
            throw new IOException("--input " + input + " lists no image");
        }
        try (SafeOutputs outputs = new SafeOutputs(List.of(modelFile, input))) {
            Path tmp = outputs.file(outFile, "--out");
            MalModel model = ModelFile.read(modelFile, engine, w -> err.println("warning: " + w));
            long t0 = System.nanoTime();
            int unreadable = write(model, names, files, tmp, err);
            if (unreadable == files.size()) {
                throw new IOException("none of the " + files.size() + " images could be read (see the messages above); "
                    + outFile + " was not written");
            }
            outputs.commit();
            double s = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "predicted %d faces in %.1f s (%.0f faces/s including decoding), wrote %s%n",
                files.size() - unreadable, s, (files.size() - unreadable) / Math.max(s, 1e-9), outFile);
            if (unreadable > 0) {
                err.printf(Locale.ROOT, "warning: %d of %d images could not be read (status UNREADABLE in %s)%n", unreadable,
                    files.size(), outFile);
            }
            return 0;
        }
    }

    /** Writes the table; returns how many images could not be read. */
    private int write(MalModel model, List<String> names, List<Path> files, Path tmp, PrintStream err) throws IOException {
        int[] codes = model.header().auCodes();
        List<String> classes = model.header().expressionClasses();
        int unreadable = 0;
        try (CsvOutput w = new CsvOutput(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
            List<String> h = new ArrayList<>(List.of("file"));
            for (int c : codes) {
                h.add(AuLabels.columnName(c) + "_prob");
            }
            for (int c : codes) {
                h.add(AuLabels.columnName(c));
            }
            boolean expressions = model.header().predictsExpressions();
            if (expressions) {
                h.add("expression");
                for (String c : classes) {
                    h.add("p_" + c);
                }
            }
            h.add("status");
            h.add("message");
            w.row(h);
            for (int from = 0; from < files.size(); from += CHUNK) {
                List<FileOutcome> outcomes = model.predictFiles(files.subList(from, Math.min(files.size(), from + CHUNK)), batch);
                for (int i = 0; i < outcomes.size(); i++) {
                    FileOutcome o = outcomes.get(i);
                    List<String> row = new ArrayList<>(h.size());
                    row.add(names.get(from + i));
                    if (o.prediction() == null) {
                        unreadable++;
                        err.println("  UNREADABLE " + o.problem());
                        while (row.size() < h.size() - 2) {
                            row.add("");
                        }
                        row.add("UNREADABLE");
                        row.add(o.problem());
                    } else {
                        FacePrediction f = o.prediction();
                        for (float v : f.auProbabilities()) {
                            row.add(String.format(Locale.ROOT, "%.4f", v));
                        }
                        for (byte v : f.auPresent()) {
                            row.add(Byte.toString(v));
                        }
                        if (expressions) {
                            row.add(classes.get(f.expression()));
                            for (float v : f.expressionProbabilities()) {
                                row.add(String.format(Locale.ROOT, "%.4f", v));
                            }
                        }
                        row.add("OK");
                        row.add("");
                    }
                    w.row(row);
                }
            }
        }
        return unreadable;
    }

    private static void readFileColumn(Path csv, List<String> names, List<Path> files) throws IOException {
        Path dir = csv.toAbsolutePath().getParent();
        try (CsvInput in = CsvInput.open(csv)) {
            CsvHeader header = in.header("a 'file' column");
            int col = header.index("file");
            if (col < 0) {
                throw in.error("no 'file' column in the header " + header.names() + "; expected the image paths in a column 'file'");
            }
            for (List<String> f = in.nextRow(header); f != null; f = in.nextRow(header)) {
                String name = f.get(col).trim();
                if (name.isEmpty()) {
                    throw in.error("the 'file' cell is empty; expected an image path");
                }
                names.add(name);
                files.add(dir.resolve(name));
            }
        }
    }
}
