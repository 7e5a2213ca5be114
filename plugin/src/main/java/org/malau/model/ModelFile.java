package org.malau.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.malau.meta.MetaWeightNet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The model file: one zip with {@value #HEADER} first (JSON, see {@link ModelHeader}), its SHA-256
 * in {@value #HEADER_SUM}, the network's parameters in {@value #PARAMETERS} and, for MAL models,
 * the meta net in {@value #META_NET}.
 * <p>
 * The parameters are the engine-neutral {@link NetworkParameters}: little-endian float32 values of
 * the named tensors the header lists with their shapes, so a model trained with one engine
 * predicts with any other. The header carries the SHA-256 of every other entry, and its own is
 * stored beside it. Format 1 files (DL4J's own {@value #DL4J_NETWORK}) still load.
 * <p>
 * Loading says precisely what is wrong with a file that is not a model: not a zip or a zip without
 * our header (foreign), cut off (truncated), written by a newer version (newer format), with a
 * checksum mismatch (corrupted), or with an entry too large to be ours (refused before it is read).
 */
public final class ModelFile {
    static final String HEADER = "mal-model.json";
    static final String HEADER_SUM = "mal-model.json.sha256";
    static final String PARAMETERS = "parameters.f32";
    static final String META_NET = "meta-net.bin";
    /** Format 1: the network in DL4J's own format. */
    static final String DL4J_NETWORK = "network.bin";
    /**
     * No entry of a model is near this size (the default network's parameters take 0.7 MB, a
     * 112x112 colour backbone a few MB); a larger one is refused before it is read, so that a small
     * zip that inflates to gigabytes cannot exhaust the memory.
     */
    static final long MAX_ENTRY_BYTES = 256L << 20;

    private ModelFile() {
    }

    /**
     * Writes {@code model} to {@code file} atomically: into a new file beside it, created with the
     * user's normal permissions, then moved over {@code file}, so a failure leaves any earlier file
     * as it was.
     */
    public static void write(MalModel model, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = (dir == null ? Path.of(".") : dir).resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            try (OutputStream os = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
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
        NetworkParameters parameters = model.network().namedParameters();
        byte[] values = floats(parameters.values());
        byte[] meta = null;
        if (model.hasMetaNet()) {
            ByteArrayOutputStream m = new ByteArrayOutputStream();
            try (DataOutputStream d = new DataOutputStream(m)) {
                model.metaNet().write(d);
            }
            meta = m.toByteArray();
        }
        Map<String, String> sums = new LinkedHashMap<>();
        sums.put(PARAMETERS, sha256(values));
        if (meta != null) {
            sums.put(META_NET, sha256(meta));
        }
        Map<String, Object> tree = model.header().toTree(sums);
        List<Map<String, Object>> tensors = new ArrayList<>();
        for (NetworkParameters.Spec s : NetworkParameters.layout(parameters.config())) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", s.name());
            t.put("shape", s.shape());
            tensors.add(t);
        }
        tree.put("parameters", tensors);
        byte[] header = json().writeValueAsBytes(tree);
        // closing the zip releases its deflater and writes the directory; the caller's stream stays open
        OutputStream keepOpen = new FilterOutputStream(out) {
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
            put(zip, HEADER_SUM, sha256(header).getBytes(StandardCharsets.US_ASCII));
            put(zip, PARAMETERS, values);
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

    /** Reads a model file onto the engine it was trained with (DL4J when that cannot load here, with a warning). */
    public static MalModel read(Path file) throws IOException {
        return read(Files.readAllBytes(file), file.toString(), null, w -> { });
    }

    /**
     * Reads a model file onto the engine named {@code engine} (null = the one it was trained with).
     *
     * @param warnings receives a line when the engine is not available here and DL4J runs instead
     */
    public static MalModel read(Path file, String engine, Consumer<String> warnings) throws IOException {
        return read(Files.readAllBytes(file), file.toString(), engine, warnings);
    }

    /**
     * Reads a model written by {@link #write(MalModel, OutputStream)} (or a model file's bytes) from {@code in}, to
     * its end; {@code in} is not closed. Messages call it {@code source}, e.g. the KNIME port it comes from.
     */
    public static MalModel read(InputStream in, String source) throws IOException {
        return read(in.readAllBytes(), source, null, w -> { });
    }

    /**
     * Checks a model's bytes completely (zip, header, every checksum, the parameter layout) without building its
     * network, so that a caller without the network's native libraries (e.g. a cluster job's driver) can refuse
     * a bad model before any work starts.
     *
     * @return the header of a model that {@link #read(byte[], String, String, Consumer)} would load
     * @throws ModelFormatException saying what is wrong, as reading would
     */
    public static ModelHeader check(byte[] bytes, String source) throws IOException {
        Parsed p = parse(bytes, source);
        if (p.entries.containsKey(PARAMETERS)) {
            parameters(p, source);
        } else if (!(p.entries.containsKey(DL4J_NETWORK) && p.header.formatVersion() == 1)) {
            throw new ModelFormatException(source + " is truncated: it has no " + PARAMETERS + " entry");
        }
        return p.header;
    }

    /** Reads only the header of a model file, without its network (see {@link #readHeader(InputStream, String)}). */
    public static ModelHeader readHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readHeader(in, file.toString());
        }
    }

    /** What {@link #parse} found in a model zip. */
    private record Parsed(ModelHeader header, Map<String, Object> tree, Map<String, byte[]> entries) {
    }

    /**
     * Reads a model's bytes onto the engine named {@code engine} (null = the one it was trained with), e.g. a model
     * that a cluster job received as bytes; {@code source} names it in messages.
     *
     * @param warnings receives a line when the engine is not available here and DL4J runs instead
     */
    public static MalModel read(byte[] bytes, String file, String engine, Consumer<String> warnings) throws IOException {
        Parsed p = parse(bytes, file);
        ModelHeader header = p.header;
        NetworkParameters parameters;
        if (p.entries.containsKey(PARAMETERS)) {
            parameters = parameters(p, file);
        } else if (p.entries.containsKey(DL4J_NETWORK) && header.formatVersion() == 1) {
            parameters = Dl4jMultiTaskNetwork.read(new ByteArrayInputStream(p.entries.get(DL4J_NETWORK)), header.network())
                .namedParameters();
        } else {
            throw new ModelFormatException(file + " is truncated: it has no " + PARAMETERS + " entry");
        }
        String name = engine != null ? engine : NetworkEngines.NAMES.contains(header.engine()) ? header.engine()
            : NetworkEngines.DEFAULT;
        MultiTaskNetwork network = NetworkEngines.usable(name, parameters.config(), warnings).load(parameters);
        network.setAuPositiveWeights(header.auPositiveWeights());
        MetaWeightNet meta = null;
        if (p.entries.containsKey(META_NET)) {
            meta = MetaWeightNet.read(new DataInputStream(new ByteArrayInputStream(p.entries.get(META_NET))));
        }
        return new MalModel(header, network, meta);
    }

    private static Parsed parse(byte[] bytes, String file) throws IOException {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            throw new ModelFormatException(file + " is not a MAL model file (foreign file: not a zip archive)");
        }
        if (!hasEndOfCentralDirectory(bytes)) {
            throw new ModelFormatException(file + " is truncated (the zip archive has no end record; the file was cut off)");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), readBounded(zip, e.getName(), file));
            }
        } catch (EOFException | ZipException e) {
            throw new ModelFormatException(file + " is truncated or damaged (" + e.getMessage() + ")", e);
        }
        byte[] headerBytes = entries.get(HEADER);
        Map<String, Object> tree = headerTree(headerBytes, entries.get(HEADER_SUM), file);
        ModelHeader header = header(tree, file);
        @SuppressWarnings("unchecked")
        Map<String, Object> sums = (Map<String, Object>) tree.get("checksums");
        if (sums == null || sums.isEmpty()) {
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
        return new Parsed(header, tree, entries);
    }

    /** The parameter tensors, after checking that the header lists exactly the layout of its network. */
    private static NetworkParameters parameters(Parsed p, String file) throws ModelFormatException {
        List<NetworkParameters.Spec> expected = NetworkParameters.layout(p.header.network());
        List<String> listed = new ArrayList<>();
        Object tensors = p.tree.get("parameters");
        if (tensors instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m && m.get("shape") instanceof List<?> shape) {
                    listed.add(m.get("name") + shape.toString().replace(" ", ""));
                }
            }
        }
        List<String> wanted = expected.stream().map(s -> s.name() + Arrays.toString(s.shape()).replace(" ", "")).toList();
        if (!listed.equals(wanted)) {
            throw new ModelFormatException(file + ": the header lists parameter tensors " + listed + ", but a "
                + NetworkParameters.describe(p.header.network()) + " network has " + wanted);
        }
        byte[] raw = p.entries.get(PARAMETERS);
        int count = NetworkParameters.count(p.header.network());
        if (raw.length != 4L * count) {
            throw new ModelFormatException(file + ": " + PARAMETERS + " holds " + raw.length + " bytes, the network needs "
                + 4L * count + " (" + count + " float32 values)");
        }
        float[] values = new float[count];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return new NetworkParameters(p.header.network(), values);
    }

    private static byte[] readBounded(ZipInputStream zip, String entry, String file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
            if (out.size() + (long) n > MAX_ENTRY_BYTES) {
                throw new ModelFormatException(file + " is not a MAL model file: its entry " + entry + " unpacks to more than "
                    + (MAX_ENTRY_BYTES >> 20) + " MiB, far more than any model holds; it was not read further");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * Reads only the header of a model file from {@code in}, for what a model is before it is loaded (e.g. KNIME's
     * configure step): the zip is read up to its header and the header's own checksum, the first two entries, so the
     * network is neither read nor checked. A foreign or corrupted header or a newer format fails as in
     * {@link #read(InputStream, String)}; truncation after the header and the other entries' checksums are found only
     * when the model is read. {@code in} is not closed.
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
        byte[] headerSum = null;
        try {
            ZipInputStream zip = new ZipInputStream(buffered);
            // the header comes first, then (from format 2 on) its checksum: stop before the network's entries
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (HEADER.equals(e.getName())) {
                    headerBytes = readBounded(zip, HEADER, source);
                    if (formatVersionOf(headerBytes) < 2) {
                        break;
                    }
                } else if (HEADER_SUM.equals(e.getName())) {
                    headerSum = readBounded(zip, HEADER_SUM, source);
                }
                if (headerBytes != null && headerSum != null) {
                    break;
                }
            }
        } catch (EOFException | ZipException e) {
            throw new ModelFormatException(source + " is truncated or damaged (" + e.getMessage() + ")", e);
        }
        return header(headerTree(headerBytes, headerSum, source), source);
    }

    /** The format version a header states, or 0 when it is no readable header (the checks say why later). */
    private static int formatVersionOf(byte[] headerBytes) {
        try {
            return json().readValue(headerBytes, Map.class).get("formatVersion") instanceof Number n ? n.intValue() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The header's JSON tree, after checking that it is ours, of a format this version reads, and, from format 2 on,
     * unchanged (its SHA-256 in {@value #HEADER_SUM}).
     */
    private static Map<String, Object> headerTree(byte[] headerBytes, byte[] headerSum, String file)
        throws ModelFormatException {
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
        if (v.intValue() >= 2) {
            if (headerSum == null) {
                throw new ModelFormatException(file + " is truncated: entry " + HEADER_SUM + " is missing");
            }
            if (!sha256(headerBytes).equals(new String(headerSum, StandardCharsets.US_ASCII).trim())) {
                throw new ModelFormatException(file + " is corrupted: the SHA-256 of " + HEADER + " does not match " + HEADER_SUM);
            }
        }
        return tree;
    }

    private static ModelHeader header(Map<String, Object> tree, String file) throws ModelFormatException {
        try {
            return ModelHeader.fromTree(tree);
        } catch (RuntimeException e) {
            throw new ModelFormatException(file + ": the model header is incomplete or malformed (" + e + ")", e);
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

    private static byte[] floats(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
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
