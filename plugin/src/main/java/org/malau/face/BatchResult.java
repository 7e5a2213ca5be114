package org.malau.face;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Running totals of a batch. Crops are not retained here, so a batch of any length needs constant
 * memory; callers consume each {@link ImageAlignment} as it is produced.
 *
 * <p>Counts are per output row: every aligned face counts its own status, and every image that
 * produced no face counts once as {@code NO_FACE} or {@code UNREADABLE}.
 */
public final class BatchResult {
    private final EnumMap<AlignStatus, Integer> counts = new EnumMap<>(AlignStatus.class);
    private final List<String> problems = new ArrayList<>();
    private int images;

    /** An empty tally. */
    public BatchResult() {
        for (AlignStatus s : AlignStatus.values()) {
            counts.put(s, 0);
        }
    }

    /** Adds one image's outcome. */
    public void add(ImageAlignment a) {
        images++;
        if (a.faces().isEmpty()) {
            counts.merge(a.status(), 1, Integer::sum);
        } else {
            for (AlignedFace f : a.faces()) {
                counts.merge(f.status(), 1, Integer::sum);
            }
        }
        if (!a.message().isEmpty()) {
            problems.add(a.message());
        }
    }

    /** Images seen. */
    public int images() {
        return images;
    }

    /** Count of output rows with {@code status}. */
    public int count(AlignStatus status) {
        return counts.get(status);
    }

    /** All counts, every status present. */
    public Map<AlignStatus, Integer> counts() {
        return Collections.unmodifiableMap(counts);
    }

    /** Messages of unreadable or partly decoded images, in input order. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** e.g. {@code 12 images, output rows: OK=10 EYES_ESTIMATED=1 NO_FACE=0 UNREADABLE=1}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(images).append(" images, output rows:");
        counts.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }
}
