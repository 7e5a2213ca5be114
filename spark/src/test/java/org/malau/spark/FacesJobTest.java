package org.malau.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.cli.CliRunner;
import org.malau.face.ImageList;
import org.malau.io.CsvHeader;
import org.malau.io.CsvInput;
import org.malau.model.FileOutcome;
import org.malau.model.MalModel;
import org.malau.model.ModelFile;

/**
 * The Spark job in {@code local[2]} against the command line on the same images: 300 synthetic faces (about a
 * third of which the detector misses: face-less rows), the real photos of {@code shared/data/faces}, a noise
 * picture, and broken files. Every output row must be what {@code ./mal align} followed by {@code ./mal predict}
 * gives: the same faces with the same statuses, the same geometry, the same probabilities (1e-5; the command
 * line's own probabilities are taken unrounded from the engine call it makes, and its CSV's four decimals are
 * checked too).
 */
class FacesJobTest {
    private static final double TOLERANCE = 1e-5;

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path images;
    static Path model;
    static Path aligned;
    /** alignment.csv of ./mal align, rows by image path. */
    static Map<String, List<Map<String, String>>> cliFaces;
    /** ./mal predict's CSV, rows by crop file name. */
    static Map<String, Map<String, String>> cliPredictions;
    /** The engine's unrounded probabilities for each crop, as ./mal predict computes them. */
    static Map<String, FileOutcome> reference;
    static int imageCount;
    /** The job's align+predict rows by image path. */
    static Map<String, List<Row>> sparkFaces;

    @BeforeAll
    static void alignAndPredictBothWays() throws Exception {
        Path synth = dir.resolve("synth");
        CliRunner.run("synth", "--out", synth.toString(), "--seed", "7", "--au-subjects", "10", "--fe-subjects", "10",
            "--per-subject", "30");
        model = dir.resolve("model.zip");
        CliRunner.run("train", "--au", synth.resolve("au.csv").toString(), "--fe", synth.resolve("fe.csv").toString(),
            "--strategy", "mtl", "--backbone", "conv", "--epochs", "1", "--input-size", "32", "--conv", "4,8", "--features", "8",
            "--batch", "16", "--fe-batch", "16", "--seed", "3", "--out", model.toString());

        images = dir.resolve("images");
        Files.createDirectories(images.resolve("real"));
        copyImages(synth.resolve("au"), images.resolve("synthetic"));
        copyImages(SharedData.data("faces"), images.resolve("real"));
        BufferedImage noise = new BufferedImage(96, 96, BufferedImage.TYPE_3BYTE_BGR);
        Random r = new Random(11);
        for (int y = 0; y < 96; y++) {
            for (int x = 0; x < 96; x++) {
                noise.setRGB(x, y, r.nextInt(1 << 24));
            }
        }
        ImageIO.write(noise, "png", images.resolve("noise.png").toFile());
        Files.writeString(images.resolve("not-an-image.png"), "this is text, not a picture");
        Files.write(images.resolve("empty.jpg"), new byte[0]);
        byte[] photo = Files.readAllBytes(images.resolve("real/cc0_lisa1.jpg"));
        Files.write(images.resolve("cut-off.jpg"), java.util.Arrays.copyOf(photo, 300));
        try (Stream<Path> s = Files.walk(images)) {
            imageCount = (int) s.filter(p -> ImageList.isImageName(p) && Files.isRegularFile(p)).count();
        }

        aligned = dir.resolve("aligned");
        CliRunner.run("align", "--input", images.toString(), "--out", aligned.toString());
        cliFaces = new TreeMap<>();
        for (Map<String, String> row : readCsv(aligned.resolve("alignment.csv"))) {
            cliFaces.computeIfAbsent(Paths.get(row.get("file")).toAbsolutePath().normalize().toString(), k -> new ArrayList<>())
                .add(row);
        }
        Path predictions = dir.resolve("predictions.csv");
        CliRunner.run("predict", "--model", model.toString(), "--input", aligned.toString(), "--out", predictions.toString());
        cliPredictions = new HashMap<>();
        for (Map<String, String> row : readCsv(predictions)) {
            cliPredictions.put(row.get("file"), row);
        }
        reference = new HashMap<>();
        List<Path> crops = new ArrayList<>();
        try (Stream<Path> s = Files.list(aligned)) {
            s.filter(p -> p.toString().endsWith(".png")).sorted().forEach(crops::add);
        }
        MalModel m = ModelFile.read(model);
        for (FileOutcome o : m.predictFiles(crops, 128)) {
            reference.put(o.file().getFileName().toString(), o);
        }

        spark = SparkSession.builder().master("local[2]").appName("FacesJobTest").config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "4").getOrCreate();
        Path out = dir.resolve("spark-faces");
        FacesJob.run(spark, "--mode", "align+predict", "--input", images.toString(), "--model", model.toString(), "--out",
            out.toString());
        sparkFaces = new TreeMap<>();
        for (Row row : spark.read().parquet(out.toString()).collectAsList()) {
            String path = Paths.get(URI.create(row.getString(row.fieldIndex("source")))).toString();
            sparkFaces.computeIfAbsent(path, k -> new ArrayList<>()).add(row);
        }
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void everyImageHasTheCommandLinesFacesStatusesGeometryAndProbabilities() {
        java.util.Set<String> onlyCli = new java.util.TreeSet<>(cliFaces.keySet());
        onlyCli.removeAll(sparkFaces.keySet());
        java.util.Set<String> onlyJob = new java.util.TreeSet<>(sparkFaces.keySet());
        onlyJob.removeAll(cliFaces.keySet());
        assertTrue(onlyCli.isEmpty() && onlyJob.isEmpty(), "the same images; only ./mal align: " + onlyCli + ", only the job: "
            + onlyJob);
        assertEquals(imageCount, sparkFaces.size(), "every image of the folder, each with at least one row");
        Map<String, Integer> statuses = new TreeMap<>();
        int faces = 0;
        for (Map.Entry<String, List<Map<String, String>>> e : cliFaces.entrySet()) {
            List<Map<String, String>> cli = new ArrayList<>(e.getValue());
            List<Row> job = new ArrayList<>(sparkFaces.get(e.getKey()));
            cli.sort((a, b) -> a.get("face_index").compareTo(b.get("face_index")));
            job.sort((a, b) -> Integer.compare(faceIndex(a), faceIndex(b)));
            assertEquals(cli.size(), job.size(), e.getKey() + ": rows");
            for (int i = 0; i < cli.size(); i++) {
                Map<String, String> c = cli.get(i);
                Row s = job.get(i);
                String where = e.getKey() + " face " + c.get("face_index");
                assertEquals(c.get("status"), s.getString(s.fieldIndex("status")), where + ": status");
                statuses.merge(c.get("status"), 1, Integer::sum);
                if (c.get("face_index").isEmpty()) {
                    assertTrue(s.isNullAt(s.fieldIndex("face_index")), where);
                    assertTrue(s.isNullAt(s.fieldIndex("AU12_prob")), where + ": no prediction without a face");
                    assertFalse(c.get("status").equals("UNREADABLE") && s.isNullAt(s.fieldIndex("message")),
                        where + ": an unreadable image says why");
                    continue;
                }
                faces++;
                assertEquals(Integer.parseInt(c.get("face_index")), faceIndex(s), where);
                for (String g : List.of("box_x", "box_y", "box_w", "box_h", "eye_left_x", "eye_left_y", "eye_right_x",
                    "eye_right_y")) {
                    assertEquals(Double.parseDouble(c.get(g)), s.getDouble(s.fieldIndex(g)), 0.05 + 1e-9, where + ": " + g);
                }
                compare(where, reference.get(c.get("crop_file")), cliPredictions.get(c.get("crop_file")), s);
            }
        }
        assertTrue(faces >= 200, "faces predicted: " + faces);
        assertTrue(statuses.getOrDefault("NO_FACE", 0) >= 1 && statuses.getOrDefault("UNREADABLE", 0) >= 2, statuses.toString());
        assertEquals("NO_FACE", status("noise.png"));
        assertEquals("UNREADABLE", status("not-an-image.png"));
        assertEquals("UNREADABLE", status("empty.jpg"));
        assertTrue(sparkFaces.get(images.resolve("real/usgov_two_people.jpg").toString()) != null);
        System.out.println("align+predict: " + sparkFaces.size() + " images, " + faces + " faces, rows by status " + statuses);
    }

    @Test
    void predictModeReadsATableOfCropsAndReportsMissingAndBrokenOnes() throws IOException {
        Path crops = dir.resolve("crops");
        Files.createDirectories(crops);
        List<String> names = new ArrayList<>(new TreeMap<>(reference).keySet());
        StringBuilder csv = new StringBuilder("subject,image\n");
        for (String n : names) {
            Files.copy(aligned.resolve(n), crops.resolve(n));
            csv.append("x,").append(n).append('\n');
        }
        Files.writeString(crops.resolve("broken.png"), "not a PNG");
        csv.append("x,broken.png\nx,missing.png\n");
        Path table = crops.resolve("crops.csv");
        Files.writeString(table, csv, StandardCharsets.UTF_8);
        Path out = dir.resolve("spark-crops[1]"); // no glob pattern for the job, whatever Spark's readers do
        Map<String, Long> counts = FacesJob.run(spark, "--mode", "predict", "--input", table.toString(), "--model",
            model.toString(), "--out", out.toString());
        assertEquals(Map.of("OK", (long) names.size(), "UNREADABLE", 2L), counts);
        Map<String, Row> rows = new HashMap<>();
        for (Row row : spark.read().parquet(out.toString().replace("[", "\\[").replace("]", "\\]")).collectAsList()) {
            rows.put(row.getString(row.fieldIndex("source")), row);
        }
        assertEquals(names.size() + 2, rows.size());
        for (String n : names) {
            Row s = rows.get(n);
            assertEquals("OK", s.getString(s.fieldIndex("status")));
            assertTrue(s.isNullAt(s.fieldIndex("face_index")) && s.isNullAt(s.fieldIndex("box_x")), "crops have no geometry");
            compare(n, reference.get(n), cliPredictions.get(n), s);
        }
        for (String bad : List.of("broken.png", "missing.png")) {
            Row s = rows.get(bad);
            assertEquals("UNREADABLE", s.getString(s.fieldIndex("status")), bad);
            assertTrue(s.getString(s.fieldIndex("message")).startsWith(bad + ":"), s.getString(s.fieldIndex("message")));
            assertTrue(s.isNullAt(s.fieldIndex("AU12_prob")), bad);
        }
        assertTrue(rows.get("missing.png").getString(rows.get("missing.png").fieldIndex("message")).contains("no such file"));

        // The overwrite rule: an existing --out stops the job before any work unless --overwrite, which replaces it.
        long before = Files.getLastModifiedTime(out.resolve("_SUCCESS")).toMillis();
        FacesJob.JobException e = assertThrows(FacesJob.JobException.class, () -> FacesJob.run(spark, "--mode", "predict",
            "--input", table.toString(), "--model", model.toString(), "--out", out.toString()));
        assertTrue(e.getMessage().contains("exists; give --overwrite"), e.getMessage());
        assertEquals(before, Files.getLastModifiedTime(out.resolve("_SUCCESS")).toMillis(), "the earlier output is untouched");
        Map<String, Long> again = FacesJob.run(spark, "--mode", "predict", "--input", table.toString(), "--model",
            model.toString(), "--out", out.toString(), "--overwrite");
        assertEquals(counts, again, "replaced, not appended");
        assertEquals(names.size() + 2, spark.read().parquet(out.toString().replace("[", "\\[").replace("]", "\\]")).count());
    }

    @Test
    void aBadModelStopsTheJobOnTheDriverBeforeAnyTask() throws IOException {
        Path text = Files.writeString(dir.resolve("not-a-model.zip"), "hello");
        byte[] good = Files.readAllBytes(model);
        Path cut = Files.write(dir.resolve("cut-model.zip"), java.util.Arrays.copyOf(good, good.length / 2));
        for (Path bad : List.of(text, cut, dir.resolve("no-such-model.zip"))) {
            spark.sparkContext().setJobGroup("bad-model", "bad model", false);
            Path out = dir.resolve("never-" + bad.getFileName());
            FacesJob.JobException e = assertThrows(FacesJob.JobException.class, () -> FacesJob.run(spark, "--mode",
                "align+predict", "--input", images.toString(), "--model", bad.toString(), "--out", out.toString()));
            assertTrue(e.getMessage().startsWith("--model"), e.getMessage());
            assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
            assertFalse(Files.exists(out));
            assertEquals(0, spark.sparkContext().statusTracker().getJobIdsForGroup("bad-model").length,
                "no Spark job was started for " + bad);
            spark.sparkContext().clearJobGroup();
        }
    }

    @Test
    void aMissingColumnStopsTheJobWithTheTablesColumns() throws IOException {
        Path table = Files.writeString(dir.resolve("no-paths.csv"), "subject,frame\ns1,1\n");
        Path out = dir.resolve("never-column");
        FacesJob.JobException e = assertThrows(FacesJob.JobException.class, () -> FacesJob.run(spark, "--mode", "predict",
            "--input", table.toString(), "--model", model.toString(), "--out", out.toString()));
        assertTrue(e.getMessage().contains("no image, file or path column; its columns are [subject, frame]"), e.getMessage());
        e = assertThrows(FacesJob.JobException.class, () -> FacesJob.run(spark, "--mode", "predict", "--input",
            table.toString(), "--column", "crop", "--model", model.toString(), "--out", out.toString()));
        assertTrue(e.getMessage().contains("has no column 'crop'; its columns are [subject, frame]"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    /** The job's prediction against the engine's unrounded one and the command line's CSV. */
    private static void compare(String where, FileOutcome engine, Map<String, String> csv, Row s) {
        assertTrue(engine != null && engine.prediction() != null && csv != null, where + ": the command line predicted it");
        float[] p = engine.prediction().auProbabilities();
        int k = 0;
        for (String name : csv.keySet()) {
            if (!name.matches("AU\\d+_prob")) {
                continue;
            }
            String au = name.substring(0, name.length() - 5);
            float job = s.getFloat(s.fieldIndex(name));
            assertEquals(p[k], job, TOLERANCE, where + ": " + name);
            assertEquals(Double.parseDouble(csv.get(name)), job, 0.5e-4 + TOLERANCE, where + ": " + name + " in the CSV");
            assertEquals(engine.prediction().auPresent()[k], s.getInt(s.fieldIndex(au)), where + ": " + au);
            assertEquals(csv.get(au), Integer.toString(s.getInt(s.fieldIndex(au))), where + ": " + au + " in the CSV");
            k++;
        }
        assertEquals(p.length, k, where + ": every AU");
        assertEquals(csv.get("expression"), s.getString(s.fieldIndex("expression")), where + ": expression");
        float[] q = engine.prediction().expressionProbabilities();
        int j = 0;
        for (String name : csv.keySet()) {
            if (name.startsWith("p_")) {
                assertEquals(q[j++], s.getFloat(s.fieldIndex(name)), TOLERANCE, where + ": " + name);
            }
        }
        assertEquals(q.length, j);
    }

    private static String status(String file) {
        List<Row> rows = sparkFaces.get(images.resolve(file).toString());
        assertEquals(1, rows.size(), file);
        return rows.get(0).getString(rows.get(0).fieldIndex("status"));
    }

    private static int faceIndex(Row r) {
        int i = r.fieldIndex("face_index");
        return r.isNullAt(i) ? -1 : r.getInt(i);
    }

    private static void copyImages(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.filter(ImageList::isImageName).sorted().toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
    }

    private static List<Map<String, String>> readCsv(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CsvInput in = CsvInput.open(file)) {
            CsvHeader h = in.header("a header");
            for (List<String> f = in.nextRow(h); f != null; f = in.nextRow(h)) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < h.size(); i++) {
                    row.put(h.names().get(i), i < f.size() ? f.get(i) : "");
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** shared/ beside the checkout, as the engine's tests find it. */
    private static final class SharedData {
        static Path data(String relative) {
            String prop = System.getProperty("malau.shared.dir");
            Path shared = prop != null && !prop.isBlank() ? Paths.get(prop) : Paths.get("..", "..", "shared");
            Path p = shared.resolve("data").resolve(relative).toAbsolutePath().normalize();
            if (!Files.isDirectory(p)) {
                throw new IllegalStateException(p + " not found; set -Dmalau.shared.dir=/path/to/shared");
            }
            return p;
        }
    }

    static {
        Locale.setDefault(Locale.ROOT);
    }
}
