package org.malau.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the demo report in a real headless Chromium: the page renders, and the report's own check
 * finds no image the browser could not decode. Skipped with a message when Chromium is not installed
 * (Debian package {@code chromium}; {@code .ci/run} installs it).
 */
class ReportChromiumTest {
    private static final Pattern BODY = Pattern.compile("<body[^>]*\\bdata-images=\"(\\d+)\"[^>]*\\bdata-images-broken=\"(\\d+)\"");
    private static Path chromium;

    @BeforeAll
    static void findChromium() {
        chromium = onPath("chromium", "chromium-browser");
    }

    @Test
    void reportRendersWithNoBrokenImage() throws Exception {
        assumeChromium();
        TinyDemo.Run run = TinyDemo.get();
        Path report = run.dir().resolve(DemoOutput.REPORT);
        int tags = run.html().split("<img ", -1).length - 1;
        int[] counts = imageCounts(dumpDom(report));
        assertEquals(tags, counts[0], "the browser sees every image");
        assertEquals(0, counts[1], "images the browser could not decode");

        Path shot = Files.createTempFile("mal-demo-report", ".png");
        chrome("--screenshot=" + shot, "--window-size=1200,3000", report.toUri().toString());
        BufferedImage png = ImageIO.read(shot.toFile());
        assertNotNull(png, "the screenshot is a PNG");
        assertEquals(1200, png.getWidth());
        int nonWhite = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < png.getHeight(); y += 2) {
            for (int x = 0; x < png.getWidth(); x += 2) {
                int rgb = png.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (rgb != 0xffffff) {
                    nonWhite++;
                }
            }
        }
        double share = nonWhite / (double) ((png.getWidth() / 2) * (png.getHeight() / 2));
        assertTrue(share > 0.05, "the page is drawn, non-white share " + share);
        assertTrue(colours.size() > 200, "text, charts and faces give many colours, got " + colours.size());
    }

    @Test
    void theReportsImageCheckCatchesABrokenImage() throws Exception {
        assumeChromium();
        String html = TinyDemo.get().html();
        int at = html.indexOf("data:image/png;base64,") + "data:image/png;base64,".length();
        Path broken = Files.createTempFile("mal-demo-broken", ".html");
        Files.writeString(broken, html.substring(0, at) + "AAAA" + html.substring(at), StandardCharsets.UTF_8);
        int[] counts = imageCounts(dumpDom(broken));
        assertEquals(1, counts[1], "one corrupted image is reported");
        assertTrue(dumpDom(broken).contains("images of this report could not be shown"), "and told to the reader");
    }

    private static void assumeChromium() {
        Assumptions.assumeTrue(chromium != null, "chromium not installed (neither chromium nor chromium-browser on PATH;"
            + " Debian: apt-get install chromium): the report rendering test is skipped");
    }

    private static int[] imageCounts(String dom) {
        Matcher m = BODY.matcher(dom);
        assertTrue(m.find(), "the report's image check ran and marked the body; DOM starts "
            + dom.substring(0, Math.min(300, dom.length())));
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    private static String dumpDom(Path page) throws Exception {
        return chrome("--dump-dom", page.toUri().toString());
    }

    /** Runs headless Chromium with its own profile directory and returns its standard output. */
    private static String chrome(String... args) throws Exception {
        Path profile = Files.createTempDirectory("mal-chromium-profile");
        Path stdout = Files.createTempFile("mal-chromium", ".out");
        Path stderr = Files.createTempFile("mal-chromium", ".err");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
            "--hide-scrollbars", "--no-first-run", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish within 120 s: " + cmd);
            }
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), "chromium failed: " + tail(stderr));
            return out;
        } finally {
            TinyDemo.deleteTree(profile);
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static String tail(Path file) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        return s.substring(Math.max(0, s.length() - 2000));
    }

    private static Path onPath(String... names) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
