package org.malau.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.malau.data.Expression;

class MetaSplitTest {
    @Test
    void subjectsNeverCrossTheSplit() {
        FaceDataset d = TinyDatasets.au(100, 1);
        MetaSplit s = MetaSplit.of(d, 0.1, 3);
        assertTrue(s.subjectDisjoint());
        Set<String> meta = new HashSet<>();
        for (int i : s.meta()) {
            meta.add(d.subject(i));
        }
        for (int i : s.train()) {
            assertFalse(meta.contains(d.subject(i)));
        }
        assertEquals(100, s.train().length + s.meta().length);
        assertEquals(10, s.meta().length);
    }

    @Test
    void unknownSubjectsFallBackToRandomSplitWithWarning() {
        int n = 50;
        FaceDataset d = new InMemoryFaceDataset(new int[] {1}, ids(n), null, new byte[n][], new Expression[n], null,
            new float[n][1], 1, 1);
        MetaSplit s = MetaSplit.of(d, 0.2, 3);
        assertFalse(s.subjectDisjoint());
        assertNotNull(s.warning());
        assertEquals(10, s.meta().length);
    }

    private static String[] ids(int n) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = "x" + i;
        }
        return s;
    }
}
