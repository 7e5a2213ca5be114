package org.malau.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.malau.data.synth.SynthConfig;
import org.malau.data.synth.SynthGenerator;
import org.malau.data.synth.SynthGrid;
import org.malau.data.synth.SynthSet;

/** {@code ./mal synth}: writes the synthetic AU and FE sets, or the overview grid picture. */
public final class SynthCommand implements Command {
    /** Command-line flag of each configuration field, so validation errors name what the user typed. */
    private static final Map<String, String> FLAGS = new LinkedHashMap<>();

    static {
        FLAGS.put("auSubjects", "--au-subjects");
        FLAGS.put("feSubjects", "--fe-subjects");
        FLAGS.put("perSubject", "--per-subject");
        FLAGS.put("feLabelNoise", "--fe-label-noise");
        FLAGS.put("feUnrelated", "--fe-unrelated");
        FLAGS.put("size", "--size");
    }

    @Override
    public String name() {
        return "synth";
    }

    @Override
    public String summary() {
        return "generate synthetic AU- and expression-labelled faces";
    }

    @Override
    public String usage() {
        SynthConfig d = SynthConfig.defaults(1);
        return String.join("\n",
            "usage: ./mal synth --out DIR --seed S [options]",
            "       ./mal synth --grid FILE [--seed S]",
            "",
            "Writes DIR/au/*.png + DIR/au.csv (AU occurrence, intensity and expression labels) and",
            "DIR/fe/*.png + DIR/fe.csv (expression labels with known corruption, disjoint subjects).",
            "The same seed gives byte-identical files for any thread count.",
            "",
            "  --out DIR              output folder (created if missing)",
            "  --seed S               master seed, an integer (grid default 1)",
            "  --au-subjects N        subjects in the AU set (default " + d.auSubjects() + ")",
            "  --fe-subjects M        subjects in the FE set (default " + d.feSubjects() + ")",
            "  --per-subject K        faces per subject in both sets (default " + d.perSubject() + ")",
            "  --fe-label-noise P     fraction of FE labels replaced by another class (default " + d.feLabelNoise() + ")",
            "  --fe-unrelated Q       fraction of FE samples without usable face (default " + d.feUnrelated() + ")",
            "  --size PX              image width and height (default " + d.size() + ")",
            "  --threads T            worker threads, 0 = all cores (default 0)",
            "  --no-nuisance          upright centred faces, flat light, no blur, noise or clutter",
            "  --grid FILE            instead write one picture: every AU and expression vs neutral");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        SynthConfig.Builder b = SynthConfig.builder();
        Path outDir = null;
        Path grid = null;
        Long seed = null;
        int threads = 0;
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--no-nuisance")) {
                    b.nuisance(false);
                    continue;
                }
                if (a.equals("--help") || a.equals("-h")) {
                    out.println(usage());
                    return 0;
                }
                if (!a.startsWith("--")) {
                    throw new UsageException("unexpected argument '" + a + "'; options start with --");
                }
                if (i + 1 >= args.size()) {
                    throw new UsageException(a + " expects a value");
                }
                String v = args.get(++i);
                switch (a) {
                    case "--out" -> outDir = Path.of(v);
                    case "--grid" -> grid = Path.of(v);
                    case "--seed" -> seed = parseLong(a, v);
                    case "--au-subjects" -> b.auSubjects(parseInt(a, v));
                    case "--fe-subjects" -> b.feSubjects(parseInt(a, v));
                    case "--per-subject" -> b.perSubject(parseInt(a, v));
                    case "--fe-label-noise" -> b.feLabelNoise(parseFraction(a, v));
                    case "--fe-unrelated" -> b.feUnrelated(parseFraction(a, v));
                    case "--size" -> b.size(parseInt(a, v));
                    case "--threads" -> {
                        threads = parseInt(a, v);
                        if (threads < 0) {
                            throw new UsageException("--threads expects 0 (all cores) or a positive number, got " + v);
                        }
                    }
                    default -> throw new UsageException("unknown option " + a);
                }
            }
            if (grid != null) {
                if (outDir != null) {
                    throw new UsageException("--grid and --out are alternatives; give one of them");
                }
                SynthGrid.write(grid, seed == null ? 1L : seed);
                out.println("wrote " + grid);
                return 0;
            }
            if (outDir == null) {
                throw new UsageException("--out DIR is required (or --grid FILE)");
            }
            if (seed == null) {
                throw new UsageException("--seed S is required, an integer");
            }
            b.seed(seed);
            SynthConfig config = buildConfig(b);
            SynthGenerator gen = new SynthGenerator(config);
            long t0 = System.nanoTime();
            gen.write(outDir, threads, null);
            double s = (System.nanoTime() - t0) / 1e9;
            int n = gen.size(SynthSet.AU) + gen.size(SynthSet.FE);
            out.printf(Locale.ROOT, "wrote %d AU faces and %d FE faces to %s in %.1f s (%.0f faces/s)%n",
                gen.size(SynthSet.AU), gen.size(SynthSet.FE), outDir, s, n / s);
            return 0;
        } catch (UsageException e) {
            err.println("synth: " + e.getMessage());
            err.println("run ./mal synth --help for the options");
            return 2;
        }
    }

    private static SynthConfig buildConfig(SynthConfig.Builder b) throws UsageException {
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            for (Map.Entry<String, String> f : FLAGS.entrySet()) {
                m = m.replace(f.getKey(), f.getValue());
            }
            throw new UsageException(m);
        }
    }

    private static long parseLong(String flag, String v) throws UsageException {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " expects an integer, got '" + v + "'");
        }
    }

    private static int parseInt(String flag, String v) throws UsageException {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " expects an integer, got '" + v + "'");
        }
    }

    private static double parseFraction(String flag, String v) throws UsageException {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " expects a fraction between 0 and 1, got '" + v + "'");
        }
    }

    /** A mistake in the arguments: reported with exit code 2. */
    private static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
