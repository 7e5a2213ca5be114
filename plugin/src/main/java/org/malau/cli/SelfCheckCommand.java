package org.malau.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.malau.model.NetworkEngine;
import org.malau.model.NetworkEngines;
import org.malau.runtime.NativeRuntime;
import org.malau.runtime.RuntimeSelfCheck;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./mal selfcheck [IMAGE]}: proves that the network engines' and OpenCV's natives load and work on this machine. */
@Command(name = "selfcheck", parameterListHeading = "%n", synopsisHeading = "", customSynopsis = "usage: ./mal selfcheck [IMAGE]%n",
    description = {
        "Trains the project's network on a toy problem for 30 steps with each engine (LibTorch, the default, and "
            + "DL4J; the loss must fall) and, when IMAGE is given, detects faces on it with OpenCV's Haar cascade. "
            + "Exit code 0 when every engine and OpenCV worked; when only LibTorch cannot load here, training and "
            + "prediction fall back to DL4J, and the exit code is 0 with a warning."})
final class SelfCheckCommand extends CliCommand {
    @Parameters(paramLabel = "IMAGE", arity = "0..*", description = "a photo to detect faces on")
    List<Path> images = new ArrayList<>();

    @Override
    public String summary() {
        return "check that the native libraries (LibTorch, DL4J, OpenCV) load and work here";
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
        boolean ok = true;
        for (String name : NetworkEngines.NAMES) {
            NetworkEngine engine = NetworkEngines.byName(name);
            String why = engine.unavailableReason();
            if (why != null) {
                boolean fallback = !name.equals(NetworkEngines.DL4J);
                (fallback ? err : out).println((fallback ? "warning: " : "") + engine.description() + ": not available: " + why
                    + (fallback ? "; training and prediction will use DL4J" : ""));
                ok &= fallback;
                continue;
            }
            long start = System.nanoTime();
            double[] losses = RuntimeSelfCheck.trainNetwork(name, 30, 42L);
            double first = losses[0];
            double last = losses[losses.length - 1];
            out.printf(Locale.ROOT, "%s: 30 training steps and a prediction in %.1f s, AU loss %.4f -> %.4f%n",
                engine.description(), (System.nanoTime() - start) / 1e9, first, last);
            if (!(Double.isFinite(last) && last < 0.7 * first)) {
                err.println(name + ": the loss did not fall: " + Arrays.toString(losses));
                ok = false;
            }
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
