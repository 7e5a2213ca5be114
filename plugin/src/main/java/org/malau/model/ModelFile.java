package org.malau.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.malau.meta.MetaWeightNet;
import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;

/**
 * The model file: one zip with {@value #HEADER} first (JSON, see {@link ModelHeader}), then
 * {@value #NETWORK} (the backend's own format) and, for MAL models, {@value #META_NET}. The header
 * carries the SHA-256 of every other entry. Loading says precisely what is wrong with a file that
 * is not a model: not a zip or a zip without our header (foreign), cut off (truncated), written by
 * a newer version (newer format), or with a checksum mismatch (corrupted).
 */
public final class ModelFile {
    static final String HEADER = "mal-model.json";
    static final String NETWORK = "network.bin";
    static final String META_NET = "meta-net.bin";

    private ModelFile() {
    }

    /** Writes {@code model} to {@code file}, atomically (temporary file, then rename). */
    public static void write(MalModel model, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".part");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                write(model, os);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes {@code model} as the same zip a model file holds; {@code out} is flushed, not closed, so a caller (e.g.
     * a KNIME port serializer) can write more after it.
     */
    public static void write(MalModel model, OutputStream out) throws IOException {
        ByteArrayOutputStream net = new ByteArrayOutputStream();
        model.network().write(net);
        byte[] meta = null;
        if (model.hasMetaNet()) {
            ByteArrayOutputStream m = new ByteArrayOutputStream();
            try (DataOutputStream d = new DataOutputStream(m)) {
                model.metaNet().write(d);
            }
            meta = m.toByteArray();
        }
        Map<String, String> sums = new LinkedHashMap<>();
        sums.put(NETWORK, sha256(net.toByteArray()));
        if (meta != null) {
            sums.put(META_NET, sha256(meta));
        }
        byte[] header = json().writeValueAsBytes(model.header().toTree(sums));
        // closing the zip releases its deflater and writes the directory; the caller's stream stays open
        OutputStream keepOpen = new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        try (ZipOutputStream zip = new ZipOutputStream(keepOpen)) {
            put(zip, HEADER, header);
            put(zip, NETWORK, net.toByteArray());
            if (meta != null) {
                put(zip, META_NET, meta);
            }
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    /** Reads a model file. */
    public static MalModel read(Path file) throws IOException {
        return read(Files.readAllBytes(file), file.toString());
    }

    /**
     * Reads a model written by {@link #write(MalModel, OutputStream)} (or a model file's bytes) from {@code in}, to
     * its end; {@code in} is not closed. Messages call it {@code source}, e.g. the KNIME port it comes from.
     */
    public static MalModel read(InputStream in, String source) throws IOException {
        return read(in.readAllBytes(), source);
    }

    private static MalModel read(byte[] bytes, String file) throws IOException {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            throw new ModelFormatException(file + " is not a MAL model file (foreign file: not a zip archive)");
        }
        if (!hasEndOfCentralDirectory(bytes)) {
            throw new ModelFormatException(file + " is truncated (the zip archive has no end record; the file was cut off)");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (EOFException | ZipException e) {
            throw new ModelFormatException(file + " is truncated or damaged (" + e.getMessage() + ")", e);
        }
        byte[] headerBytes = entries.get(HEADER);
        if (headerBytes == null) {
            throw new ModelFormatException(file + " is not a MAL model file (foreign zip: no " + HEADER + " entry)");
        }
        Map<String, Object> tree;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> t = json().readValue(headerBytes, Map.class);
            tree = t;
        } catch (IOException e) {
            throw new ModelFormatException(file + ": the model header is not valid JSON (" + e.getMessage() + ")", e);
        }
        if (!"mal-au-model".equals(tree.get("format"))) {
            throw new ModelFormatException(file + " is not a MAL model file (foreign zip: header format is " + tree.get("format") + ")");
        }
        Object version = tree.get("formatVersion");
        if (!(version instanceof Number v)) {
            throw new ModelFormatException(file + ": the model header has no format version");
        }
        if (v.intValue() > ModelHeader.FORMAT_VERSION) {
            throw new ModelFormatException(file + " has model format version " + v + ", newer than the supported "
                + ModelHeader.FORMAT_VERSION + "; update the MAL extension to read it");
        }
        ModelHeader header;
        try {
            header = ModelHeader.fromTree(tree);
        } catch (RuntimeException e) {
            throw new ModelFormatException(file + ": the model header is incomplete or malformed (" + e + ")", e);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> sums = (Map<String, Object>) tree.get("checksums");
        if (sums == null || !sums.containsKey(NETWORK)) {
            throw new ModelFormatException(file + ": the model header lists no checksums");
        }
        for (Map.Entry<String, Object> s : sums.entrySet()) {
            byte[] data = entries.get(s.getKey());
            if (data == null) {
                throw new ModelFormatException(file + " is truncated: entry " + s.getKey() + " is missing");
            }
            if (!sha256(data).equals(s.getValue())) {
                throw new ModelFormatException(file + " is corrupted: the SHA-256 of " + s.getKey() + " does not match the header");
            }
        }
        if (!"dl4j".equals(header.backend())) {
            throw new ModelFormatException(file + " needs network backend '" + header.backend() + "', which this version does not have");
        }
        MultiTaskNetwork network = Dl4jMultiTaskNetwork.read(new ByteArrayInputStream(entries.get(NETWORK)), header.network());
        network.setAuPositiveWeights(header.auPositiveWeights());
        MetaWeightNet meta = null;
        if (entries.containsKey(META_NET)) {
            meta = MetaWeightNet.read(new DataInputStream(new ByteArrayInputStream(entries.get(META_NET))));
        }
        return new MalModel(header, network, meta);
    }

    /**
     * Reads only the header of a model file from {@code in}, for what a model is before it is loaded (e.g. KNIME's
     * configure step): the zip is read up to its first entry, the header, so the network is neither read nor
     * checked. A foreign file or one of a newer format fails as in {@link #read(InputStream, String)}; truncation
     * after the header and checksum mismatches are found only when the model is read. {@code in} is not closed.
     */
    public static ModelHeader readHeader(InputStream in, String source) throws IOException {
        java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(in);
        buffered.mark(4);
        byte[] magic = buffered.readNBytes(4);
        buffered.reset();
        if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
            throw new ModelFormatException(source + " is not a MAL model file (foreign file: not a zip archive)");
        }
        byte[] headerBytes = null;
        try {
            ZipInputStream zip = new ZipInputStream(buffered);
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (HEADER.equals(e.getName())) {
                    // stop here: the entries after the header are the network's
                    headerBytes = zip.readAllBytes();
                    break;
                }
            }
        } catch (EOFException | ZipException e) {
            throw new ModelFormatException(source + " is truncated or damaged (" + e.getMessage() + ")", e);
        }
        if (headerBytes == null) {
            throw new ModelFormatException(source + " is not a MAL model file (foreign zip: no " + HEADER + " entry)");
        }
        Map<String, Object> tree;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> t = json().readValue(headerBytes, Map.class);
            tree = t;
        } catch (IOException e) {
            throw new ModelFormatException(source + ": the model header is not valid JSON (" + e.getMessage() + ")", e);
        }
        if (!"mal-au-model".equals(tree.get("format"))) {
            throw new ModelFormatException(source + " is not a MAL model file (foreign zip: header format is " + tree.get("format") + ")");
        }
        if (!(tree.get("formatVersion") instanceof Number v)) {
            throw new ModelFormatException(source + ": the model header has no format version");
        }
        if (v.intValue() > ModelHeader.FORMAT_VERSION) {
            throw new ModelFormatException(source + " has model format version " + v + ", newer than the supported "
                + ModelHeader.FORMAT_VERSION + "; update the MAL extension to read it");
        }
        try {
            return ModelHeader.fromTree(tree);
        } catch (RuntimeException e) {
            throw new ModelFormatException(source + ": the model header is incomplete or malformed (" + e + ")", e);
        }
    }

    /** Looks for the zip end-of-central-directory signature PK\5\6 in the last 64 KiB + 22 bytes. */
    private static boolean hasEndOfCentralDirectory(byte[] b) {
        for (int i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) {
                return true;
            }
        }
        return false;
    }

    /** The header of a model file as pretty JSON, for display. */
    public static String headerJson(MalModel model) {
        try {
            return json().writeValueAsString(model.header().toTree(Map.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

}
