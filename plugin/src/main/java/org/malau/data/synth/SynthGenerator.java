package org.malau.data.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.malau.data.AuLabels;
import org.malau.data.FaceRecord;
import org.malau.io.SafeOutputs;

/**
 * Generates the AU-labelled and the FE-labelled synthetic sets, in memory ({@link #face}) or as
 * PNG files plus one CSV per set ({@link #write}). Each face is a pure function of the
 * configuration, the set and its index.
 */
public final class SynthGenerator {
    /** Called from the thread that runs {@link #write}; return false to cancel. */
    @FunctionalInterface
    public interface Progress {
        boolean update(int done, int total);
    }

    private final SynthConfig config;

    public SynthGenerator(SynthConfig config) {
        this.config = config;
    }

    public SynthConfig config() {
        return config;
    }

    /** Subject id of subject number {@code n}: {@code s0001}, {@code s0002}, ... */
    public static String subjectId(int n) {
        return String.format(Locale.ROOT, "s%04d", n);
    }

    /** Number of faces in a set. */
    public int size(SynthSet set) {
        return config.faces(set);
    }

    /** Subject ids of a set, in order; AU and FE subjects never overlap. */
    public List<String> subjects(SynthSet set) {
        int first = set == SynthSet.AU ? 1 : config.auSubjects() + 1;
        int n = set == SynthSet.AU ? config.auSubjects() : config.feSubjects();
        return IntStream.range(first, first + n).mapToObj(SynthGenerator::subjectId).toList();
    }

    /** The identity of a subject under this configuration's seed. */
    public Identity identity(String subject) {
        return Identity.of(config.seed(), subject);
    }

    /** Renders face {@code index} of {@code set}. Thread-safe. */
    public SynthFace face(SynthSet set, int index) {
        if (index < 0 || index >= size(set)) {
            throw new IndexOutOfBoundsException("face " + index + " of the " + set.dirName() + " set, which has " + size(set));
        }
        SampleSpec s = SampleSpec.draw(config, set, index);
        String subject = subjectId(s.subjectNumber());
        String id = subject + String.format(Locale.ROOT, "_%04d", index % config.perSubject());
        FaceRenderer.Rendered r = FaceRenderer.render(config.size(), identity(subject), s.render(), s.pose(), s.nuisance(),
            s.unrelated());
        AuLabels au = null;
        if (set == SynthSet.AU) {
            float[] in = new float[SynthAus.COUNT];
            for (int i = 0; i < in.length; i++) {
                in[i] = s.intensities()[i];
            }
            au = AuLabels.fromIntensities(SynthAus.codes(), in);
        }
        return new SynthFace(id, set, subject, r.image(), au, s.label(), s.expression(), s.corruption(), s.unrelated(),
            r.landmarks());
    }

    /** All faces of a set in index order, rendered lazily (add {@code .parallel()} to use more cores). */
    public Stream<SynthFace> faces(SynthSet set) {
        return IntStream.range(0, size(set)).mapToObj(i -> face(set, i));
    }

    /** Path of a face's PNG relative to the output folder, as written in the CSV {@code file} column. */
    public static String relativeFile(SynthFace f) {
        return f.set().dirName() + "/" + f.id() + ".png";
    }

    /**
     * Writes {@code out/au/*.png}, {@code out/au.csv}, {@code out/fe/*.png}, {@code out/fe.csv} and
     * {@code out/synth-config.txt}. The bytes do not depend on {@code threads}.
     *
     * @param threads worker threads, or 0 for one per available processor
     * @param progress progress listener, or null
     * @return the written records, AU set first, pointing at the PNG files
     * @throws CancellationException when {@code progress} asked to stop
     */
    public List<FaceRecord> write(Path out, int threads, Progress progress) throws IOException, InterruptedException {
        try (SafeOutputs outputs = new SafeOutputs(List.of())) {
            List<FaceRecord> written = write(out, outputs, threads, progress);
            outputs.commit();
            return written;
        }
    }

    /** As {@link #write(Path, int, Progress)}, into {@code outputs}, which the caller commits. */
    private List<FaceRecord> write(Path out, SafeOutputs outputs, int threads, Progress progress) throws IOException,
        InterruptedException {
        int nThreads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        SynthSet[] sets = SynthSet.values();
        int total = 0;
        outputs.folder(out, "--out");
        for (SynthSet s : sets) {
            outputs.folder(out.resolve(s.dirName()), "--out");
            total += size(s);
        }
        int auSize = size(SynthSet.AU);
        String[] rows = new String[total];
        FaceRecord[] records = new FaceRecord[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        final int n = total;
        ExecutorService pool = Executors.newFixedThreadPool(nThreads, r -> {
            Thread t = new Thread(r, "synth-render");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < nThreads; w++) {
                workers.add(pool.submit(() -> {
                    for (int g = next.getAndIncrement(); g < n && !stop.get(); g = next.getAndIncrement()) {
                        SynthSet set = g < auSize ? SynthSet.AU : SynthSet.FE;
                        SynthFace f = face(set, g < auSize ? g : g - auSize);
                        String rel = relativeFile(f);
                        Path file = out.resolve(rel);
                        try {
                            Files.write(outputs.file(file, "--out"), PngEncoder.encode(f.image()));
                        } catch (IOException e) {
                            throw new UncheckedIOException("cannot write " + file, e);
                        }
                        records[g] = f.record(new FaceRecord.ImageFile(file));
                        rows[g] = SynthCsv.row(records[g], rel);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                while (true) {
                    try {
                        f.get(100, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException e) {
                        if (progress != null && !progress.update(done.get(), n)) {
                            stop.set(true);
                        }
                    } catch (InterruptedException e) {
                        // Workers do not poll interrupts; the flag stops them after their current face.
                        stop.set(true);
                        throw e;
                    } catch (ExecutionException e) {
                        stop.set(true);
                        Throwable c = e.getCause();
                        if (c instanceof UncheckedIOException io) {
                            throw io.getCause();
                        }
                        throw c instanceof RuntimeException re ? re : new IllegalStateException(c);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (stop.get()) {
            throw new CancellationException("synthetic data generation cancelled after " + done.get() + " of " + n + " faces");
        }
        writeCsv(outputs.file(out.resolve(SynthSet.AU.dirName() + ".csv"), "--out"), rows, 0, auSize);
        writeCsv(outputs.file(out.resolve(SynthSet.FE.dirName() + ".csv"), "--out"), rows, auSize, n);
        Files.writeString(outputs.file(out.resolve("synth-config.txt"), "--out"), config + "\n", StandardCharsets.UTF_8);
        if (progress != null) {
            progress.update(n, n);
        }
        return List.of(records);
    }

    private static void writeCsv(Path file, String[] rows, int from, int to) throws IOException {
        StringBuilder sb = new StringBuilder(SynthCsv.headerLine()).append('\n');
        for (int i = from; i < to; i++) {
            sb.append(rows[i]).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }
}
