package org.malau.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.model.ModelFile;
import org.malau.train.CsvFaceDatasetTest;

/**
 * A machine where LibTorch's natives cannot load: the command line runs in a child JVM whose class
 * path lacks the LibTorch native jar, as on a platform without a fragment. Training and prediction
 * fall back to DL4J with a one-line warning that says why (no stack trace), and selfcheck reports
 * both engines.
 */
class EngineFallbackTest {
    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private Result mal(String... args) throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(e -> !Path.of(e).getFileName().toString().matches("pytorch-.*linux-x86_64.*\\.jar"))
            .collect(Collectors.joining(File.pathSeparator));
        assertFalse(classPath.equals(System.getProperty("java.class.path")), "the LibTorch native jar must be on the test class path");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx1g", "-cp", classPath, Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int exit = p.waitFor();
        return new Result(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void withoutLibTorchNativesTrainingAndPredictionFallBackToDl4jWithAWarning() throws Exception {
        Result check = mal("selfcheck");
        assertEquals(0, check.exit(), check.out() + check.err());
        assertTrue(check.err().contains("warning: LibTorch") && check.err().contains("not available")
            && check.err().contains("could not be loaded") && check.err().contains("will use DL4J"), check.err());
        assertTrue(check.out().contains("DL4J") && check.out().contains("AU loss"), check.out());
        assertFalse(check.err().contains("\tat "), "no stack trace: " + check.err());

        Path au = CsvFaceDatasetTest.writeSet(dir.resolve("au"), 24, true);
        Path model = dir.resolve("m.zip");
        Result train = mal("train", "--au", au.toString(), "--strategy", "au-only", "--out", model.toString(), "--epochs", "1",
            "--backbone", "conv", "--input-size", "16", "--conv", "4,8", "--features", "8", "--batch", "8", "--meta-fraction", "0.2");
        assertEquals(0, train.exit(), train.out() + train.err());
        assertTrue(train.err().contains("warning: the libtorch engine is not available") && train.err().contains("using DL4J"),
            train.err());
        assertFalse(train.err().contains("\tat "), "no stack trace: " + train.err());
        assertEquals("dl4j", ModelFile.readHeader(model).engine(), "the model records the engine that trained it");

        Result predict = mal("predict", "--model", model.toString(), "--input", au.toString(), "--out",
            dir.resolve("p.csv").toString());
        assertEquals(0, predict.exit(), predict.out() + predict.err());
        assertTrue(predict.err().contains("warning: the libtorch engine is not available"), predict.err());
        assertEquals(25, Files.readAllLines(dir.resolve("p.csv")).size());
    }
}
