package org.malau.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.meta.MetaWeightNet;

class ModelFileTest {
    @TempDir
    Path dir;
    Path good;
    MalModel model;

    @BeforeEach
    void writeModel() throws Exception {
        NetworkConfig c = TinyFaces.network();
        ModelHeader h = new ModelHeader(ModelHeader.FORMAT_VERSION, "libtorch", c, new int[] {1, 2, 4, 6},
            List.of("neutral", "happiness", "sadness"), Normalisation.perImage(), null, "mal", Map.of("alpha", 0.1), 7, 10, 5, 2,
            new double[] {0.3, 0.5, 0.5, 0.7}, null);
        model = new MalModel(h, TorchMultiTaskNetwork.create(c, 7), MetaWeightNet.create(c.featureSize(), 4, 1));
        good = dir.resolve("model.zip");
        ModelFile.write(model, good);
    }

    @Test
    void roundTripKeepsHeaderAndNetwork() throws Exception {
        MalModel back = ModelFile.read(good);
        assertEquals(model.header().seed(), back.header().seed());
        assertArrayEquals(model.header().thresholds(), back.header().thresholds());
        assertEquals(model.header().settings(), back.header().settings());
        LabelledBatch b = TinyFaces.batch(2, true, true, 1);
        List<float[]> crops = List.of(Arrays.copyOfRange(b.images().data(), 0, 256));
        assertArrayEquals(model.predict(crops, 1).get(0).auProbabilities(), back.predict(crops, 1).get(0).auProbabilities());
        assertTrue(ModelFile.headerJson(back).contains("\"strategy\" : \"mal\""));
    }

    @Test
    void streamsHoldTheSameModelAsFilesAndStayOpen() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ModelFile.write(model, out);
        int length = out.size();
        out.write(42); // the caller's stream is still open after the model
        byte[] bytes = out.toByteArray();
        MalModel back = ModelFile.read(new java.io.ByteArrayInputStream(bytes, 0, length), "port");
        assertArrayEquals(model.header().thresholds(), back.header().thresholds());
        LabelledBatch b = TinyFaces.batch(2, true, true, 1);
        List<float[]> crops = List.of(Arrays.copyOfRange(b.images().data(), 0, 256));
        assertArrayEquals(model.predict(crops, 1).get(0).auProbabilities(), back.predict(crops, 1).get(0).auProbabilities());
        assertArrayEquals(model.metaNet().parameters(), back.metaNet().parameters());

        // stream bytes are a model file, and a model file reads as a stream
        Path file = dir.resolve("from-stream.zip");
        Files.write(file, Arrays.copyOf(bytes, length));
        assertEquals(model.header().seed(), ModelFile.read(file).header().seed());
        try (java.io.InputStream in = Files.newInputStream(good)) {
            assertEquals(model.header().seed(), ModelFile.read(in, "good").header().seed());
        }

        ModelFormatException e = assertThrows(ModelFormatException.class,
            () -> ModelFile.read(new java.io.ByteArrayInputStream(bytes, 0, length / 2), "the MAL model port"));
        assertTrue(e.getMessage().startsWith("the MAL model port is truncated"), e.getMessage());
    }

    @Test
    void truncatedFileIsReportedAsTruncated() throws Exception {
        byte[] all = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(cut));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void randomBytesAndForeignZipAreReportedAsForeign() throws Exception {
        Path random = dir.resolve("random.bin");
        byte[] bytes = new byte[1000];
        new java.util.Random(1).nextBytes(bytes);
        Files.write(random, bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(random));
        assertTrue(e.getMessage().contains("foreign"), e.getMessage());

        Path zip = dir.resolve("other.zip");
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("hello".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        e = assertThrows(ModelFormatException.class, () -> ModelFile.read(zip));
        assertTrue(e.getMessage().contains("foreign"), e.getMessage());
    }

    @Test
    void newerFormatIsReportedAsNewer() throws Exception {
        Path newer = dir.resolve("newer.zip");
        rewriteHeader(good, newer, s -> s.replace("\"formatVersion\" : " + ModelHeader.FORMAT_VERSION,
            "\"formatVersion\" : " + (ModelHeader.FORMAT_VERSION + 1)));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(newer));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void alteredParametersAreReportedAsCorrupted() throws Exception {
        Path bad = dir.resolve("bad.zip");
        rewrite(good, bad, (name, data) -> {
            if (name.equals(ModelFile.PARAMETERS)) {
                data[100] ^= 1;
            }
            return data;
        });
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(bad));
        assertTrue(e.getMessage().contains("corrupted") && e.getMessage().contains(ModelFile.PARAMETERS), e.getMessage());
    }

    /** The header is covered by a checksum too: an edited threshold is caught, not predicted with. */
    @Test
    void alteredHeaderIsReportedAsCorrupted() throws Exception {
        Path bad = dir.resolve("bad-header.zip");
        rewrite(good, bad, (name, data) -> name.equals(ModelFile.HEADER)
            ? new String(data, StandardCharsets.UTF_8).replace("0.7 ]", "0.1 ]").getBytes(StandardCharsets.UTF_8) : data);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(bad));
        assertTrue(e.getMessage().contains("corrupted") && e.getMessage().contains(ModelFile.HEADER), e.getMessage());
    }

    /** A parameter list that does not fit the network described in the header is refused by name, before any engine sees it. */
    @Test
    void parameterLayoutOfAnotherNetworkIsRefused() throws Exception {
        Path bad = dir.resolve("layout.zip");
        rewriteHeader(good, bad, s -> s.replace("\"name\" : \"conv1.bias\"", "\"name\" : \"conv1.offset\""));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(bad));
        assertTrue(e.getMessage().contains("conv1.offset") && e.getMessage().contains("conv1.bias"), e.getMessage());
    }

    /** A small zip whose entry inflates to more than any model holds is refused before it fills the memory. */
    @Test
    void entryThatUnpacksToMoreThanAnyModelIsRefusedUnread() throws Exception {
        Path bomb = dir.resolve("bomb.zip");
        try (OutputStream os = Files.newOutputStream(bomb); ZipOutputStream z = new ZipOutputStream(os)) {
            z.putNextEntry(new ZipEntry(ModelFile.PARAMETERS));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written <= ModelFile.MAX_ENTRY_BYTES; written += zeros.length) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        assertTrue(Files.size(bomb) < 2_000_000, "the test zip itself is small: " + Files.size(bomb));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(bomb));
        assertTrue(e.getMessage().contains(ModelFile.PARAMETERS) && e.getMessage().contains("MiB"), e.getMessage());
    }

    /** The model file gets the permissions any new file of the user gets (not a temporary file's 0600). */
    @Test
    void modelFileHasTheUsersNormalPermissions() throws Exception {
        java.nio.file.attribute.PosixFileAttributeView view = Files.getFileAttributeView(good,
            java.nio.file.attribute.PosixFileAttributeView.class);
        org.junit.jupiter.api.Assumptions.assumeTrue(view != null, "POSIX permissions only");
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(good));
    }

    /** Edits the header and stores the edited header's checksum with it, as a consistent writer would. */
    private static void rewriteHeader(Path from, Path to, java.util.function.UnaryOperator<String> edit) throws Exception {
        byte[][] header = new byte[1][];
        rewrite(from, to, (name, data) -> {
            if (name.equals(ModelFile.HEADER)) {
                String s = new String(data, StandardCharsets.UTF_8);
                String t = edit.apply(s);
                assertTrue(!s.equals(t), "the edit must change the header");
                header[0] = t.getBytes(StandardCharsets.UTF_8);
                return header[0];
            }
            return name.equals(ModelFile.HEADER_SUM) ? ModelFile.sha256(header[0]).getBytes(StandardCharsets.US_ASCII) : data;
        });
    }

    private static void rewrite(Path from, Path to, java.util.function.BiFunction<String, byte[], byte[]> edit) throws Exception {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(from));
            ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = edit.apply(e.getName(), in.readAllBytes());
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
    }
}
