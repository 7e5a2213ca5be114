package org.malau.data.readers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a reader did besides yielding records: samples it left out and why, and facts about the data
 * a user should know (no subject ids, which image pattern matched, ...). Nothing is dropped
 * silently; a node shows {@link #warnings()} to the user. Filled while a {@link RecordStream} is
 * iterated, so it is complete only once the stream is exhausted.
 */
public final class ReadReport {
    /** How many missing image paths are kept by name; a whole missing folder would flood a log. */
    public static final int MAX_NAMED_MISSING = 20;

    private int records;
    private int missingImages;
    private final List<Path> missingExamples = new ArrayList<>();
    private final Map<String, Integer> skipped = new LinkedHashMap<>();
    private final Set<String> notes = new LinkedHashSet<>();

    void recordYielded() {
        records++;
    }

    void missingImage(Path path) {
        missingImages++;
        if (missingExamples.size() < MAX_NAMED_MISSING) {
            missingExamples.add(path);
        }
    }

    void skipped(String reason) {
        skipped.merge(reason, 1, Integer::sum);
    }

    void note(String note) {
        notes.add(note);
    }

    /** Records yielded so far. */
    public int records() {
        return records;
    }

    /** Samples left out because their image does not exist ({@link MissingImagePolicy#SKIP}). */
    public int missingImages() {
        return missingImages;
    }

    /** The first {@value #MAX_NAMED_MISSING} missing image paths. */
    public List<Path> missingImageExamples() {
        return Collections.unmodifiableList(missingExamples);
    }

    /** Samples left out for a label reason (e.g. AffectNet "no-face"), counted by reason. */
    public Map<String, Integer> skippedByReason() {
        return Collections.unmodifiableMap(skipped);
    }

    /** Facts about the data that are not errors, e.g. "no subject ids: subject is empty". */
    public Set<String> notes() {
        return Collections.unmodifiableSet(notes);
    }

    /** Every skip and note as one sentence each, for a node's warning message or a log. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (missingImages > 0) {
            out.add(missingImages + " sample(s) skipped because the image file does not exist, e.g. "
                + missingExamples.subList(0, Math.min(3, missingExamples.size())));
        }
        skipped.forEach((reason, n) -> out.add(n + " sample(s) skipped: " + reason));
        out.addAll(notes);
        return out;
    }
}
