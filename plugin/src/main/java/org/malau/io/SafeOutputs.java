package org.malau.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The outputs of one run, written safely: every output path is checked when it is declared, before
 * the work starts (not empty, not a folder, not one of the run's inputs or input folders, by real
 * path, and its folder can be created); each file is written to a temporary file beside its target
 * and all of them are moved into place by {@link #commit()} only when the whole run succeeded. A run
 * that fails or is interrupted leaves every earlier output byte for byte as it was. Temporary files
 * are created like any other file (the user's umask, not 0600) and removed on failure, on
 * {@link #close()} and when the JVM is stopped (Ctrl-C).
 *
 * <pre>
 * try (SafeOutputs out = new SafeOutputs(List.of(csv, model))) {
 *     Path tmp = out.file(Path.of("pred.csv"), "--out");   // refused here if pred.csv is an input
 *     ... write tmp ...
 *     out.commit();
 * }
 * </pre>
 */
public final class SafeOutputs implements AutoCloseable {
    /** Temporary files of every open run, deleted by a shutdown hook if the JVM stops first. */
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : PENDING) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Best effort while the JVM goes down; the file is a hidden .part beside its target.
                }
            }
        }, "safe-outputs-cleanup"));
    }

    private final List<Input> inputs = new ArrayList<>();
    private final Map<Path, Path> staged = new LinkedHashMap<>();
    private final Map<Path, String> owner = new LinkedHashMap<>();
    private boolean committed;

    private record Input(Path path, Path real, boolean folder) {
    }

    /** A run that reads {@code inputs} (files or folders; missing ones and nulls are ignored). */
    public SafeOutputs(List<Path> inputs) {
        for (Path p : inputs) {
            if (p != null) {
                addInput(p);
            }
        }
    }

    /** One more input, e.g. a file found only when a table was read. */
    public synchronized void addInput(Path p) {
        try {
            if (Files.exists(p)) {
                inputs.add(new Input(p, p.toRealPath(), Files.isDirectory(p)));
            }
        } catch (IOException e) {
            // An input that cannot be resolved cannot be written over through this path either.
        }
    }

    /**
     * Declares an output file and returns the temporary file to write instead; {@link #commit()} moves
     * it to {@code target}.
     *
     * @param option the option or setting that named {@code target}, for messages
     * @throws IOException naming {@code target} and {@code option} when it cannot or must not be written
     */
    public synchronized Path file(Path target, String option) throws IOException {
        Path t = checkTarget(target, option, false);
        if (staged.containsKey(t)) {
            throw new IOException(option + " " + target + " is also the output of " + owner.get(t)
                + "; give each output its own file");
        }
        Path dir = t.getParent();
        createFolder(dir, option);
        Path tmp = createTemp(dir, t.getFileName().toString());
        staged.put(t, tmp);
        owner.put(t, option);
        return tmp;
    }

    /**
     * Declares an output folder (created if missing); files in it are then declared with
     * {@link #file}.
     *
     * @throws IOException naming {@code folder} when it is a file, an input or an input folder, or inside an
     *     input folder (a later run over that folder would read the outputs as inputs)
     */
    public synchronized Path folder(Path folder, String option) throws IOException {
        Path f = checkTarget(folder, option, true);
        createFolder(f, option);
        return f;
    }

    /** Writes {@code body} to a temporary file and declares it as {@code target}. */
    public Path write(Path target, String option, IoBody body) throws IOException {
        Path tmp = file(target, option);
        try (OutputStream os = Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
            body.write(os);
        }
        return tmp;
    }

    /** What writes one output. */
    @FunctionalInterface
    public interface IoBody {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Moves every declared file into place, in the order declared; after a failure here the files not yet moved
     * keep their earlier content.
     */
    public synchronized void commit() throws IOException {
        for (Map.Entry<Path, Path> e : staged.entrySet()) {
            move(e.getValue(), e.getKey());
            PENDING.remove(e.getValue());
        }
        committed = true;
    }

    /** Deletes the temporary files of a run that was not committed. */
    @Override
    public synchronized void close() throws IOException {
        if (!committed) {
            for (Path tmp : staged.values()) {
                Files.deleteIfExists(tmp);
                PENDING.remove(tmp);
            }
        }
        staged.clear();
    }

    /** Writes one file safely: checked against {@code inputs}, written beside, moved into place. */
    public static void writeFile(Path target, String option, List<Path> inputs, IoBody body) throws IOException {
        try (SafeOutputs out = new SafeOutputs(inputs)) {
            out.write(target, option, body);
            out.commit();
        }
    }

    private Path checkTarget(Path target, String option, boolean folder) throws IOException {
        if (target == null || target.toString().isBlank()) {
            throw new IOException(option + " is empty; expected a " + (folder ? "folder" : "file") + " name");
        }
        Path abs = target.toAbsolutePath().normalize();
        Path real = realPath(abs);
        if (!folder && Files.isDirectory(abs)) {
            throw new IOException(option + " " + target + " is a folder; expected a file name");
        }
        if (folder && Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IOException(option + " " + target + " is a file; expected a folder");
        }
        for (Input in : inputs) {
            if (real.equals(in.real)) {
                throw new IOException(option + " " + target + " is the input " + in.path
                    + "; refusing to overwrite an input, give another " + (folder ? "folder" : "file"));
            }
            if (in.folder && folder && real.startsWith(in.real)) {
                throw new IOException(option + " " + target + " is inside the input folder " + in.path
                    + " (a later run would read the outputs as inputs); give a folder outside it");
            }
        }
        return abs;
    }

    /** The real path of {@code abs}, or of its nearest existing ancestor with the rest appended. */
    private static Path realPath(Path abs) throws IOException {
        Path existing = abs;
        Path rest = null;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        Path r = Files.exists(existing) ? existing.toRealPath() : existing;
        return rest == null ? r : r.resolve(rest);
    }

    private static void createFolder(Path dir, String option) throws IOException {
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(option + ": cannot create the folder " + dir + ": a file of that name exists");
        } catch (IOException e) {
            throw new IOException(option + ": cannot create the folder " + dir + " (" + e + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new IOException(option + ": the folder " + dir + " is not writable");
        }
    }

    private static Path createTemp(Path dir, String name) throws IOException {
        while (true) {
            Path tmp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16) + ".part");
            try {
                // CREATE_NEW through newOutputStream: the user's umask applies (createTempFile would make it 0600).
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                PENDING.add(tmp);
                return tmp;
            } catch (FileAlreadyExistsException e) {
                // another run's name; draw again
            } catch (IOException e) {
                throw new IOException("cannot write in " + dir + " (" + e + ")", e);
            }
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IOException("cannot move the finished output into place at " + target + " (" + e + ")", e);
        }
    }
}
