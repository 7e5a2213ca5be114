package org.malau.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The held-out meta split of the AU training data: B_val batches come from it, and it drives early
 * stopping and threshold tuning. Subject-disjoint when subjects are known, so that the meta loss
 * measures generalisation to new faces, not memorised identities; otherwise a random split and a
 * warning.
 *
 * @param train indices of the AU set used for training
 * @param meta indices held out
 * @param subjectDisjoint whether no subject appears on both sides
 * @param warning why the split is not subject-disjoint, or null
 */
public record MetaSplit(int[] train, int[] meta, boolean subjectDisjoint, String warning) {

    /**
     * Splits {@code data} so that about {@code fraction} of its samples are held out (whole
     * subjects at a time when every sample has a subject and there are at least two subjects).
     */
    public static MetaSplit of(FaceDataset data, double fraction, long seed) {
        int n = data.size();
        if (fraction < 0 || fraction >= 1) {
            throw new IllegalArgumentException("meta split fraction must be in [0, 1), was " + fraction);
        }
        if (fraction == 0 || n < 2) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return new MetaSplit(all, new int[0], true, null);
        }
        int target = Math.max(1, (int) Math.round(fraction * n));
        Map<String, List<Integer>> bySubject = new LinkedHashMap<>();
        boolean known = true;
        for (int i = 0; i < n; i++) {
            String s = data.subject(i);
            if (s.isEmpty()) {
                known = false;
                break;
            }
            bySubject.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
        }
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] held = new boolean[n];
        String warning = null;
        if (known && bySubject.size() >= 2) {
            List<String> subjects = new ArrayList<>(bySubject.keySet());
            shuffle(subjects, random);
            int taken = 0;
            for (int k = 0; k < subjects.size() - 1 && taken < target; k++) {
                for (int i : bySubject.get(subjects.get(k))) {
                    held[i] = true;
                    taken++;
                }
            }
        } else {
            warning = known ? "only one subject in the AU data: the meta split is a random split of samples"
                : "subjects are unknown for some AU samples: the meta split is a random split, not subject-disjoint";
            int[] order = permutation(n, random);
            for (int k = 0; k < target && k < n - 1; k++) {
                held[order[k]] = true;
            }
        }
        int[] train = java.util.stream.IntStream.range(0, n).filter(i -> !held[i]).toArray();
        int[] meta = java.util.stream.IntStream.range(0, n).filter(i -> held[i]).toArray();
        return new MetaSplit(train, meta, warning == null, warning);
    }

    /**
     * A meta set the user gave instead of a split of the AU data: every AU sample trains, every given
     * sample is held out. Indices refer to the AU set followed by the meta set, as {@code
     * JoinedFaceDataset} joins them: {@code [0, au.size())} train, the rest meta. Subject-disjoint when
     * every subject on both sides is known and none is shared; a shared subject gives a warning, since
     * the meta loss then rewards memorised identities.
     */
    public static MetaSplit given(FaceDataset au, FaceDataset meta) {
        int n = au.size();
        int[] train = java.util.stream.IntStream.range(0, n).toArray();
        int[] held = java.util.stream.IntStream.range(n, n + meta.size()).toArray();
        java.util.Set<String> auSubjects = new java.util.HashSet<>();
        boolean known = true;
        for (int i = 0; i < n; i++) {
            known &= !au.subject(i).isEmpty();
            auSubjects.add(au.subject(i));
        }
        java.util.Set<String> shared = new java.util.TreeSet<>();
        for (int i = 0; i < meta.size(); i++) {
            String s = meta.subject(i);
            known &= !s.isEmpty();
            if (!s.isEmpty() && auSubjects.contains(s)) {
                shared.add(s);
            }
        }
        String warning = shared.isEmpty() ? null : shared.size() + " subject(s) of the given meta set also appear in the AU"
            + " training data (e.g. \"" + shared.iterator().next() + "\"): meta scores are not subject-independent";
        return new MetaSplit(train, held, known && shared.isEmpty(), warning);
    }

    static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        Arrays.setAll(p, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
