package org.malau.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link ModelFile#readHeader}: what a model is, read without its network (KNIME's configure step). */
class ModelFileHeaderTest {
    private static MalModel s_model;

    private static byte[] s_file;

    @BeforeAll
    static void writeModel() throws Exception {
        final NetworkConfig c = TinyFaces.network();
        final ModelHeader h = new ModelHeader(ModelHeader.FORMAT_VERSION, "libtorch", c, new int[] {1, 2, 4, 6},
            List.of("neutral", "happiness", "sadness"), Normalisation.perImage(), null, "mal", Map.of("alpha", 0.1), 7,
            10, 5, 2, new double[] {0.3, 0.5, 0.5, 0.7}, null);
        s_model = new MalModel(h, TorchMultiTaskNetwork.create(c, 7), null);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelFile.write(s_model, out);
        s_file = out.toByteArray();
    }

    @Test
    void theHeaderIsTheWrittenOne() throws Exception {
        final ModelHeader h = ModelFile.readHeader(new ByteArrayInputStream(s_file), "model.zip");
        assertEquals("mal", h.strategy());
        assertArrayEquals(s_model.header().auCodes(), h.auCodes());
        assertArrayEquals(s_model.header().thresholds(), h.thresholds());
        assertEquals(s_model.header().settings(), h.settings());
        assertEquals(s_model.header().network().inputSize(), h.network().inputSize());
    }

    @Test
    void theNetworkIsNeitherReadNorChecked() throws Exception {
        // the file cut before its parameters: a full read says truncated, the header read needs only the header and
        // its checksum, the first two entries
        final byte[] headerOnly = Arrays.copyOf(s_file, localHeader(s_file, 2));
        assertEquals("mal", ModelFile.readHeader(new ByteArrayInputStream(headerOnly), "cut.zip").strategy());
        final ModelFormatException e = assertThrows(ModelFormatException.class,
            () -> ModelFile.read(new ByteArrayInputStream(headerOnly), "cut.zip"));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aChangedHeaderIsFoundByItsChecksum() throws Exception {
        // the header says another strategy, its checksum is the written one's
        final ByteArrayOutputStream changed = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(s_file));
                ZipOutputStream out = new ZipOutputStream(changed)) {
            for (ZipEntry z = in.getNextEntry(); z != null; z = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (z.getName().equals(ModelFile.HEADER)) {
                    data = new String(data, StandardCharsets.UTF_8).replace("\"mal\"", "\"mtl\"")
                        .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(z.getName()));
                out.write(data);
            }
        }
        final ModelFormatException e = assertThrows(ModelFormatException.class,
            () -> ModelFile.readHeader(new ByteArrayInputStream(changed.toByteArray()), "changed.zip"));
        assertTrue(e.getMessage().contains("corrupted"), e.getMessage());
    }

    @Test
    void foreignAndNewerFilesAreRefusedAsByTheFullRead() throws Exception {
        ModelFormatException e = assertThrows(ModelFormatException.class,
            () -> ModelFile.readHeader(new ByteArrayInputStream("not a zip".getBytes(StandardCharsets.UTF_8)), "x"));
        assertTrue(e.getMessage().contains("foreign"), e.getMessage());
        final ByteArrayOutputStream other = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(other)) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        e = assertThrows(ModelFormatException.class,
            () -> ModelFile.readHeader(new ByteArrayInputStream(other.toByteArray()), "other.zip"));
        assertTrue(e.getMessage().contains("foreign") && e.getMessage().startsWith("other.zip"), e.getMessage());

        final ByteArrayOutputStream newer = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(s_file));
                ZipOutputStream out = new ZipOutputStream(newer)) {
            for (ZipEntry z = in.getNextEntry(); z != null; z = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (z.getName().equals(ModelFile.HEADER)) {
                    data = new String(data, StandardCharsets.UTF_8)
                        .replaceFirst("\"formatVersion\"\\s*:\\s*\\d+", "\"formatVersion\" : 99")
                        .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(z.getName()));
                out.write(data);
            }
        }
        e = assertThrows(ModelFormatException.class,
            () -> ModelFile.readHeader(new ByteArrayInputStream(newer.toByteArray()), "newer.zip"));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    /** Offset of the local header of the zip's entry number {@code k} (0 is the first, at offset 0). */
    private static int localHeader(final byte[] zip, final int k) {
        int seen = 0;
        for (int i = 0; i < zip.length - 3; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4 && seen++ == k) {
                return i;
            }
        }
        throw new AssertionError("the model zip has fewer than " + (k + 1) + " entries");
    }
}
