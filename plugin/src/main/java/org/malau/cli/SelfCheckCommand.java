package org.malau.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.malau.runtime.NativeRuntime;
import org.malau.runtime.RuntimeSelfCheck;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./mal selfcheck [IMAGE]}: proves that DL4J and OpenCV natives load and work on this machine. */
@Command(name = "selfcheck", parameterListHeading = "%n", synopsisHeading = "", customSynopsis = "usage: ./mal selfcheck [IMAGE]%n",
    description = {
        "Trains a tiny DL4J network for 30 steps (the loss must fall) and, when IMAGE is given, detects "
            + "faces on it with OpenCV's Haar cascade. Exit code 0 when everything worked."})
final class SelfCheckCommand extends CliCommand {
    @Parameters(paramLabel = "IMAGE", arity = "0..*", description = "a photo to detect faces on")
    List<Path> images = new ArrayList<>();

    @Override
    public String summary() {
        return "check that the native libraries (DL4J, OpenCV) load and work here";
    }

    @Override
    int call(PrintStream out, PrintStream err) throws Exception {
        if (images.size() > 1) {
            throw new UsageException("expected at most one IMAGE argument, got " + images);
        }
        if (images.size() == 1 && !Files.isRegularFile(images.get(0))) {
            throw new java.io.IOException(images.get(0) + ": no such image file");
        }
        out.println("platform: " + NativeRuntime.platform());
        long start = System.nanoTime();
        double[] losses = RuntimeSelfCheck.trainTinyNetwork(30, 42L);
        double first = losses[0];
        double last = losses[losses.length - 1];
        out.printf("DL4J: 30 training steps in %.1f s, loss %.4f -> %.4f%n", (System.nanoTime() - start) / 1e9, first, last);
        boolean ok = Double.isFinite(last) && last < first;
        if (!ok) {
            err.println("DL4J: the loss did not fall: " + Arrays.toString(losses));
        }
        if (images.size() == 1) {
            Path image = images.get(0);
            List<int[]> faces = RuntimeSelfCheck.detectFaces(image);
            out.println("OpenCV: " + faces.size() + " face(s) on " + image + ": "
                + faces.stream().map(Arrays::toString).toList());
        }
        out.println(ok ? "selfcheck passed" : "selfcheck FAILED");
        return ok ? 0 : 1;
    }
}
