package org.malau.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.malau.data.synth.SynthConfig;
import org.malau.data.synth.SynthGenerator;
import org.malau.data.synth.SynthGrid;
import org.malau.data.synth.SynthSet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./mal synth}: writes the synthetic AU and FE sets, or the overview grid picture. */
@Command(name = "synth", optionListHeading = "%n", separator = " ", sortOptions = false, synopsisHeading = "",
    customSynopsis = {"usage: ./mal synth --out DIR --seed S [options]", "       ./mal synth --grid FILE [--seed S]%n"},
    description = {
        "Writes DIR/au/*.png + DIR/au.csv (AU occurrence, intensity and expression labels) and "
            + "DIR/fe/*.png + DIR/fe.csv (expression labels with known corruption, disjoint subjects). The "
            + "same seed gives byte-identical files for any thread count."})
public final class SynthCommand extends CliCommand {
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

    private static final SynthConfig DEFAULTS = SynthConfig.defaults(1);

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (created if missing)")
    Path outDir;
    @Option(names = "--seed", paramLabel = "S", description = "master seed, an integer (grid default 1)")
    Long seed;
    @Option(names = "--au-subjects", paramLabel = "N", description = "subjects in the AU set (default ${DEFAULT-VALUE})")
    int auSubjects = DEFAULTS.auSubjects();
    @Option(names = "--fe-subjects", paramLabel = "M", description = "subjects in the FE set (default ${DEFAULT-VALUE})")
    int feSubjects = DEFAULTS.feSubjects();
    @Option(names = "--per-subject", paramLabel = "K", description = "faces per subject in both sets (default ${DEFAULT-VALUE})")
    int perSubject = DEFAULTS.perSubject();
    @Option(names = "--fe-label-noise", paramLabel = "P", description = "fraction of FE labels replaced by another class (default ${DEFAULT-VALUE})")
    double feLabelNoise = DEFAULTS.feLabelNoise();
    @Option(names = "--fe-unrelated", paramLabel = "Q", description = "fraction of FE samples without usable face (default ${DEFAULT-VALUE})")
    double feUnrelated = DEFAULTS.feUnrelated();
    @Option(names = "--size", paramLabel = "PX", description = "image width and height (default ${DEFAULT-VALUE})")
    int size = DEFAULTS.size();
    @Option(names = "--threads", paramLabel = "T", description = "worker threads, 0 = all cores, at most the processors (default 0)")
    int threads = 0;
    @Option(names = "--no-nuisance", description = "upright centred faces, flat light, no blur, noise or clutter")
    boolean noNuisance;
    @Option(names = "--grid", paramLabel = "FILE", description = "instead write one picture: every AU and expression vs neutral")
    Path grid;

    @Override
    public String summary() {
        return "generate synthetic AU- and expression-labelled faces";
    }

    @Override
    int call(PrintStream out, PrintStream err) throws Exception {
        int nThreads = threads("--threads", threads, true);
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
        SynthConfig.Builder b = SynthConfig.builder().seed(seed).auSubjects(auSubjects).feSubjects(feSubjects).perSubject(perSubject)
            .feLabelNoise(feLabelNoise).feUnrelated(feUnrelated).size(size).nuisance(!noNuisance);
        SynthConfig config = buildConfig(b);
        SynthGenerator gen = new SynthGenerator(config);
        long t0 = System.nanoTime();
        gen.write(outDir, nThreads, null);
        double s = (System.nanoTime() - t0) / 1e9;
        int n = gen.size(SynthSet.AU) + gen.size(SynthSet.FE);
        out.printf(Locale.ROOT, "wrote %d AU faces and %d FE faces to %s in %.1f s (%.0f faces/s)%n",
            gen.size(SynthSet.AU), gen.size(SynthSet.FE), outDir, s, n / s);
        return 0;
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
}
