package org.malau.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.malau.experiment.ExperimentConfig;
import org.malau.train.CancellationCheck;

/**
 * A demo far smaller than {@code --quick} (a few seconds), run once per test JVM and shared by the
 * demo tests: 3 AU training subjects (one becomes the meta split), 2 held-out subjects, 3 expression
 * subjects, 6 faces each, 32x32 crops, 6 iterations (one per epoch) of au-only, mtl and mal.
 */
final class TinyDemo {
    static final long SEED = 3;

    /** The run, its output directory and the two files' text. */
    record Run(DemoResults results, Path dir, String html, String json) {
    }

    private static Run run;

    private TinyDemo() {
    }

    static DemoSettings settings() {
        return new DemoSettings("tiny", SEED, new ExperimentConfig(SEED, 3, 2, 3, 6, 0.25, 0.25, 32, 6, List.of("au-only", "mtl", "mal")));
    }

    static synchronized Run get() throws Exception {
        if (run == null) {
            DemoResults r = Demo.run(settings(), DemoListener.silent(), CancellationCheck.never());
            Path dir = Files.createTempDirectory("mal-demo-test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            DemoOutput.Written w = DemoOutput.write(r, dir, System.nanoTime());
            run = new Run(r, dir, read(w.report()), read(w.results()));
        }
        return run;
    }

    /** Deletes a directory this test created, with its content; best effort. */
    static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
