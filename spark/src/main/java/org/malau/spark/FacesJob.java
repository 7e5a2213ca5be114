package org.malau.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.trim;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.util.SerializableConfiguration;
import org.malau.face.AlignOptions;
import org.malau.face.EyeMethod;
import org.malau.face.ImageDecoder;
import org.malau.face.ImageList;
import org.malau.model.ModelFile;
import org.malau.model.ModelHeader;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The engine as one Spark job: {@code align+predict} (photos or video frames in, one row per face out) or
 * {@code predict} (already aligned crops in). The driver only checks (model, input columns, output folder) and
 * plans; executors align and predict. Output: Parquet, see {@link FaceRows}. README "Running on Apache Spark"
 * has the spark-submit lines.
 */
@Command(name = "org.malau.spark.FacesJob", separator = " ", sortOptions = false, usageHelpAutoWidth = true,
    description = {"Aligns faces and predicts their AUs and expressions on Apache Spark. Output: Parquet, one row per"
        + " face (and one per image without a face: status NO_FACE or UNREADABLE with its message)."})
public final class FacesJob implements Callable<Map<String, Long>> {
    /** Modes. */
    static final String ALIGN_PREDICT = "align+predict";
    static final String PREDICT = "predict";

    @Option(names = "--mode", required = true, paramLabel = "align+predict|predict",
        description = "align+predict: images in, faces found and predicted; predict: aligned crops in (required)")
    String mode;
    @Option(names = "--input", required = true, paramLabel = "PATH|URI", description = "a folder (searched recursively for"
        + " images by their file ending), or a CSV or Parquet table with a column of image paths or URIs (relative"
        + " ones below the table's folder) (required)")
    String input;
    @Option(names = "--input-format", paramLabel = "auto|folder|csv|parquet", description = "how to read --input (default"
        + " auto: .csv and .parquet by their ending, anything else a folder of images)")
    String inputFormat = "auto";
    @Option(names = "--column", paramLabel = "NAME", description = "the table's column of image paths (default: the first"
        + " of image, file, path)")
    String column;
    @Option(names = "--model", required = true, paramLabel = "PATH|URI", description = "trained model file, read once by the"
        + " driver and broadcast to the executors (required)")
    String model;
    @Option(names = "--out", required = true, paramLabel = "PATH|URI", description = "output folder (Parquet) (required)")
    String out;
    @Option(names = "--overwrite", description = "replace --out if it exists (without it, an existing --out stops the job"
        + " before any work)")
    boolean overwrite;
    @Option(names = "--size", paramLabel = "PX", description = "crop side, as ./mal align (default 112)")
    int size = AlignOptions.defaults().size();
    @Option(names = "--faces", paramLabel = "largest|all", description = "the largest face of each image or all (default"
        + " largest)")
    String faces = "largest";
    @Option(names = {"--grey", "--gray"}, description = "grey crops, as ./mal align --grey")
    boolean grey;
    @Option(names = "--eyes", paramLabel = "METHOD", description = "landmarks68 or cascade, as ./mal align (default"
        + " landmarks68)")
    String eyes = AlignOptions.defaults().eyes().id();
    @Option(names = "--detector", paramLabel = "FILE", description = "OpenCV FaceDetectorYN model instead of the Haar"
        + " cascades: a local path present on every executor (e.g. shipped with --files; then give its file name)")
    String detector;
    @Option(names = "--max-pixels", paramLabel = "N", description = "decode budget per image (default 50000000)")
    long maxPixels = ImageDecoder.DEFAULT_MAX_PIXELS;
    @Option(names = "--batch", paramLabel = "N", description = "faces per forward pass, 1-4096 (default 128)")
    int batch = 128;
    @Option(names = "--partitions", paramLabel = "N", description = "tasks the images are spread over (default 4 per"
        + " core of the application)")
    int partitions;
    @Option(names = "--torch-threads", paramLabel = "N", description = "LibTorch threads per task (default"
        + " spark.task.cpus: the executor runs one task per core already)")
    int torchThreads;

    @Option(names = "--runs", paramLabel = "N", description = "for benchmarks: run the whole job N times in this Spark"
        + " application, each run replacing --out, and print each run's time (default 1; the later runs find the"
        + " executors' natives, networks and aligners loaded)")
    int runs = 1;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help, without starting Spark")
    boolean help;

    private SparkSession spark;
    /** Whether the input is a folder listed by the driver and already spread over the tasks. */
    private boolean listedHere;
    /** Seconds the driver took to list the input folder. */
    private double listSeconds;

    /** A problem with the job's arguments or inputs, found on the driver before any work. */
    public static final class JobException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JobException(String message) {
            super(message);
        }

        JobException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** spark-submit's entry point: exit code 0 done, 2 bad arguments or inputs, 1 the job failed. */
    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            new CommandLine(new FacesJob()).usage(System.out);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("MAL faces").getOrCreate();
        int code;
        try {
            run(spark, args);
            code = 0;
        } catch (JobException e) {
            System.err.println("FacesJob: " + e.getMessage());
            code = 2;
        } finally {
            spark.stop();
        }
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs the job on {@code spark}.
     *
     * @return rows written per status
     * @throws JobException for bad arguments, a bad model, a missing column or an existing output folder, before
     *     any task runs
     */
    public static Map<String, Long> run(SparkSession spark, String... args) {
        FacesJob job = new FacesJob();
        job.spark = spark;
        CommandLine cl = new CommandLine(job);
        try {
            cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            StringWriter usage = new StringWriter();
            cl.usage(new PrintWriter(usage));
            throw new JobException(e.getMessage() + System.lineSeparator() + usage, e);
        }
        try {
            return job.call();
        } catch (JobException e) {
            throw e;
        } catch (IOException e) {
            throw new JobException(e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Long> call() throws IOException {
        JobSettings settings = settings();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path outPath = new Path(out);
        FileSystem outFs = outPath.getFileSystem(conf);
        Path qualifiedOut = outFs.makeQualified(outPath);
        Path inPath = new Path(input);
        Path qualifiedIn = inPath.getFileSystem(conf).makeQualified(inPath);
        if (inside(qualifiedIn, qualifiedOut) || inside(qualifiedOut, qualifiedIn)) {
            throw new JobException("--out " + out + " and --input " + input + " overlap; the output folder must be neither the"
                + " input nor inside it (nor hold it): --overwrite would delete the input");
        }
        if (outFs.exists(outPath) && !overwrite) {
            throw new JobException("--out " + out + " exists; give --overwrite to replace it (the whole folder is replaced"
                + " when the job has run), or choose another folder");
        }
        long driver0 = System.nanoTime();
        byte[] modelBytes = readModel(conf);
        ModelHeader header;
        try {
            header = ModelFile.check(modelBytes, model);
        } catch (IOException e) {
            throw new JobException("--model: " + e.getMessage(), e);
        }
        double modelSeconds = (System.nanoTime() - driver0) / 1e9;
        long listing0 = System.nanoTime();
        Dataset<Row> paths = paths(conf);
        double listingSeconds = (System.nanoTime() - listing0) / 1e9;
        int n = partitionCount();
        if (!listedHere) {
            // A table's rows, however many files and row groups hold them, evenly over the tasks.
            paths = paths.repartition(n);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<byte[]> shipped = jsc.broadcast(modelBytes);
        String base = qualifiedIn.getParent() == null ? null : qualifiedIn.getParent().toString();
        FaceRows rows = new FaceRows(header);
        double driverSeconds = (System.nanoTime() - driver0) / 1e9;
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            JobTimes times = new JobTimes(spark.sparkContext());
            FacePartition work = new FacePartition(settings, shipped, sha256(modelBytes), new Path(model).getName(),
                new SerializableConfiguration(conf), base, times);
            Dataset<Row> result = paths.mapPartitions(work, Encoders.row(rows.schema()));
            long t0 = System.nanoTime();
            result.write().mode(overwrite || run > 1 ? SaveMode.Overwrite : SaveMode.ErrorIfExists).parquet(out);
            double seconds = (System.nanoTime() - t0) / 1e9;
            counts.clear();
            for (Row r : spark.read().parquet(literal(out)).groupBy(FaceRows.STATUS).count().orderBy(FaceRows.STATUS)
                .collectAsList()) {
                counts.put(r.getString(0), r.getLong(1));
            }
            long predicted = counts.getOrDefault("OK", 0L) + counts.getOrDefault("EYES_ESTIMATED", 0L);
            // One line for people and for bench/ SparkScaleBench: the job itself (reading, aligning, predicting,
            // writing; the executors' model loading in the first run), without starting Spark or the driver's checks
            // and listing (printed apart).
            System.out.printf(Locale.ROOT, "FacesJob: %s%s predicted %d faces in %.2f s (%.0f faces/s on %d task slots, %d"
                + " partitions), rows by status %s, wrote %s%n", mode, runs > 1 ? " run " + run + " of " + runs : "", predicted,
                seconds, predicted / Math.max(seconds, 1e-9), spark.sparkContext().defaultParallelism(), n, counts, out);
            if (run == 1) {
                System.out.printf(Locale.ROOT, "FacesJob: on the driver before the job %.2f s (model read and checked %.2f s,"
                    + " input %s %.2f s%s, the rest Spark SQL's set-up and planning)%n", driverSeconds, modelSeconds,
                    listedHere ? "listed and spread" : "opened", listingSeconds, listedHere ? String.format(Locale.ROOT,
                        " of which listing the folder %.2f s", listSeconds) : "");
            }
            System.out.println(times.summary());
        }
        return counts;
    }

    private JobSettings settings() {
        boolean align = switch (mode.toLowerCase(Locale.ROOT)) {
            case ALIGN_PREDICT -> true;
            case PREDICT -> false;
            default -> throw new JobException("--mode must be " + ALIGN_PREDICT + " or " + PREDICT + ", was '" + mode + "'");
        };
        boolean all = switch (faces.toLowerCase(Locale.ROOT)) {
            case "largest" -> false;
            case "all" -> true;
            default -> throw new JobException("--faces must be largest or all, was '" + faces + "'");
        };
        if (batch < 1 || batch > 4096) {
            throw new JobException("--batch must be between 1 and 4096, was " + batch);
        }
        if (partitions < 0 || torchThreads < 0) {
            throw new JobException("--partitions and --torch-threads must not be negative");
        }
        if (runs < 1) {
            throw new JobException("--runs must be at least 1, was " + runs);
        }
        JobSettings s = new JobSettings(align, size, all, grey, eyes, maxPixels, detector, batch, torchThreads);
        try {
            EyeMethod.of(eyes);
            s.alignOptions();
        } catch (IllegalArgumentException e) {
            throw new JobException(e.getMessage(), e);
        }
        return s;
    }

    /** Tasks the images are spread over: --partitions, else 4 per task slot of the application. */
    private int partitionCount() {
        return partitions > 0 ? partitions : 4 * spark.sparkContext().defaultParallelism();
    }

    /** The model's bytes, read once here and broadcast: executors need no access to where it lies. */
    private byte[] readModel(Configuration conf) throws IOException {
        Path p = new Path(model);
        try (InputStream in = p.getFileSystem(conf).open(p)) {
            return in.readAllBytes();
        } catch (FileNotFoundException e) {
            throw new JobException("--model " + model + ": no such file", e);
        }
    }

    /** One column, the image paths, whatever the input's form; the bytes are read later, by the executors. */
    private Dataset<Row> paths(Configuration conf) throws IOException {
        String format = inputFormat.toLowerCase(Locale.ROOT);
        if (format.equals("auto")) {
            String lower = input.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
            format = lower.endsWith(".csv") ? "csv" : lower.endsWith(".parquet") ? "parquet" : "folder";
        }
        Path in = new Path(input);
        if (!in.getFileSystem(conf).exists(in)) {
            throw new JobException("--input " + input + ": not found (expected a folder of images, or a CSV or Parquet table"
                + " of image paths)");
        }
        Dataset<Row> table;
        switch (format) {
            case "folder" -> {
                // Spread over the tasks here, as the driver lists them: no shuffle stage (a table's rows are spread
                // by repartition instead, see call).
                JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
                listedHere = true;
                return spark.createDataset(jsc.parallelize(listImages(in, conf), partitionCount()).rdd(), Encoders.STRING())
                    .toDF(FaceRows.SOURCE);
            }
            case "csv" -> table = spark.read().option("header", "true").csv(literal(input));
            case "parquet" -> table = spark.read().parquet(literal(input));
            default -> throw new JobException("--input-format must be auto, folder, csv or parquet, was '" + inputFormat + "'");
        }
        String c = pathColumn(table);
        return table.select(trim(col("`" + c + "`").cast("string")).as(FaceRows.SOURCE))
            .filter(col(FaceRows.SOURCE).isNotNull().and(col(FaceRows.SOURCE).notEqual("")));
    }

    /**
     * The image files below {@code folder}, listed here on the driver as {@code ./mal align} lists a folder (every
     * file with an image ending, at any depth). Not Spark's binaryFile source: it leaves out empty files without a
     * word, and an empty file is an image that must come back as an UNREADABLE row. Not Hadoop's recursive
     * {@code listFiles} either: its located statuses ask every file for its permissions, which Hadoop's local file
     * system (without its native library) does by starting a shell command per file: 44 s for 4000 crops. A plain
     * walk over {@code listStatusIterator} reads names and kinds only.
     */
    private List<String> listImages(Path folder, Configuration conf) throws IOException {
        long t0 = System.nanoTime();
        FileSystem fs = folder.getFileSystem(conf);
        List<String> found = new ArrayList<>();
        Deque<Path> folders = new ArrayDeque<>(List.of(folder));
        while (!folders.isEmpty()) {
            RemoteIterator<FileStatus> entries = fs.listStatusIterator(folders.removeFirst());
            while (entries.hasNext()) {
                FileStatus f = entries.next();
                Path p = f.getPath();
                if (f.isDirectory()) {
                    folders.add(p);
                    continue;
                }
                String name = p.getName();
                int dot = name.lastIndexOf('.');
                if (dot >= 0 && ImageList.IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                    found.add(p.toString());
                }
            }
        }
        if (found.isEmpty()) {
            throw new JobException("--input " + input + " holds no image files (endings " + new TreeSet<>(ImageList.IMAGE_EXTENSIONS)
                + ")");
        }
        found.sort(null);
        listSeconds = (System.nanoTime() - t0) / 1e9;
        return found;
    }

    /** The column of image paths: --column, else the first of image, file, path; checked here, on the driver. */
    private String pathColumn(Dataset<Row> table) {
        List<String> names = Arrays.stream(table.schema().fields()).map(StructField::name).toList();
        if (column != null) {
            if (!names.contains(column)) {
                throw new JobException("--input " + input + " has no column '" + column + "'; its columns are " + names);
            }
            return column;
        }
        for (String wanted : List.of("image", "file", "path")) {
            for (String name : names) {
                if (name.equalsIgnoreCase(wanted)) {
                    return name;
                }
            }
        }
        throw new JobException("--input " + input + " has no image, file or path column; its columns are " + names
            + "; name the column of image paths with --column");
    }

    /** {@code path} for Spark's readers, which take glob patterns: a folder called out[2] is not a pattern here. */
    private static String literal(String path) {
        return path.replaceAll("([\\[\\]{}*?\\\\])", "\\\\$1");
    }

    /** Whether {@code p} is {@code dir} or below it. */
    private static boolean inside(Path p, Path dir) {
        for (Path q = p; q != null; q = q.getParent()) {
            if (q.equals(dir)) {
                return true;
            }
        }
        return false;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
