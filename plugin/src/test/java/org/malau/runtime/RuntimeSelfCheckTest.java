package org.malau.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.testing.SharedData;

/** The self-check on the flat class path (the OSGi variant runs in plugin/osgi-test). */
class RuntimeSelfCheckTest {
    @Test
    void trainingIsReproducibleForASeed() {
        double[] a = RuntimeSelfCheck.trainTinyNetwork(5, 7L);
        double[] b = RuntimeSelfCheck.trainTinyNetwork(5, 7L);
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        assertTrue(a[4] < a[0], "loss should fall over 5 steps");
    }

    @Test
    void rejectsANonPositiveStepCount() {
        assertThrows(IllegalArgumentException.class, () -> RuntimeSelfCheck.trainTinyNetwork(0, 1L));
    }

    @Test
    void findsTheTwoFacesOnTheTwoPeoplePhoto() throws IOException {
        List<int[]> faces = RuntimeSelfCheck.detectFaces(SharedData.data("faces/usgov_two_people.jpg"));
        assertEquals(2, faces.size());
    }

    @Test
    void namesTheFileItCannotRead(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.jpg");
        IOException e = assertThrows(IOException.class, () -> RuntimeSelfCheck.detectFaces(missing));
        assertTrue(e.getMessage().contains("missing.jpg"), e.getMessage());
        Path garbage = Files.writeString(dir.resolve("garbage.jpg"), "not an image");
        IOException e2 = assertThrows(IOException.class, () -> RuntimeSelfCheck.detectFaces(garbage));
        assertTrue(e2.getMessage().contains("garbage.jpg"), e2.getMessage());
    }
}
