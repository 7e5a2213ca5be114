package org.malau.pretrained;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads TensorFlow.js weights: a manifest (JSON: groups of shard file names, each with the tensors stored
 * in them in order: name, shape, dtype, and optionally a quantisation) and the binary shards, concatenated
 * per group. Quantised tensors are stored as uint8 or uint16 values q with a per-tensor scale and minimum,
 * value = q * scale + min; float16 quantisation and non-float tensors are refused with a message naming
 * the tensor, since no weights this project reads use them.
 */
public final class TfjsWeights {
    /** One tensor: its TensorFlow shape (e.g. [kh, kw, in, out] for a convolution) and values, row-major. */
    public record Tensor(String name, int[] shape, float[] values) {
        public Tensor {
            shape = shape.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }
    }

    /** Opens a file of the model by its name in the manifest (shard paths are relative to the manifest). */
    @FunctionalInterface
    public interface Files {
        InputStream open(String name) throws IOException;
    }

    private TfjsWeights() {
    }

    /**
     * Every tensor of the manifest {@code manifest}, in manifest order.
     *
     * @throws IOException when a file is missing or a shard is shorter or longer than its tensors need; the
     *     message names the file and the tensor
     */
    public static Map<String, Tensor> read(String manifest, Files files) throws IOException {
        JsonNode groups;
        try (InputStream in = files.open(manifest)) {
            if (in == null) {
                throw new IOException("weights manifest " + manifest + " not found");
            }
            groups = new ObjectMapper().readTree(in);
        }
        if (groups == null || !groups.isArray()) {
            throw new IOException(manifest + " is not a TensorFlow.js weights manifest (expected a JSON array of groups)");
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (JsonNode group : groups) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            List<String> paths = new java.util.ArrayList<>();
            for (JsonNode p : group.path("paths")) {
                paths.add(p.asText());
                try (InputStream in = files.open(p.asText())) {
                    if (in == null) {
                        throw new IOException("weights shard " + p.asText() + " (named in " + manifest + ") not found");
                    }
                    in.transferTo(data);
                }
            }
            ByteBuffer buf = ByteBuffer.wrap(data.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            for (JsonNode w : group.path("weights")) {
                Tensor t = tensor(w, buf, manifest + " " + paths);
                out.put(t.name(), t);
            }
            if (buf.hasRemaining()) {
                throw new IOException("weights shard(s) " + paths + " hold " + buf.remaining() + " bytes more than the tensors "
                    + manifest + " lists");
            }
        }
        return out;
    }

    private static Tensor tensor(JsonNode w, ByteBuffer buf, String where) throws IOException {
        String name = w.path("name").asText();
        int[] shape = new int[w.path("shape").size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = w.path("shape").get(i).asInt();
            count *= shape[i];
        }
        String dtype = w.path("dtype").asText();
        if (!"float32".equals(dtype)) {
            throw new IOException("tensor " + name + " of " + where + " has dtype " + dtype + "; only float32 tensors are read");
        }
        float[] v = new float[Math.toIntExact(count)];
        JsonNode q = w.get("quantization");
        String stored = q == null ? "float32" : q.path("dtype").asText();
        int bytes = switch (stored) {
            case "float32" -> 4;
            case "uint8" -> 1;
            case "uint16" -> 2;
            default -> throw new IOException("tensor " + name + " of " + where + " is quantised as " + stored
                + "; only uint8 and uint16 quantisation are read");
        };
        if (buf.remaining() < count * bytes) {
            throw new IOException("weights shard(s) " + where + " end before tensor " + name + " " + Arrays.toString(shape)
                + " (" + count * bytes + " bytes needed, " + buf.remaining() + " left)");
        }
        double scale = q == null ? 1 : q.path("scale").asDouble();
        double min = q == null ? 0 : q.path("min").asDouble();
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (bytes) {
                case 4 -> buf.getFloat();
                case 1 -> (float) ((buf.get() & 0xff) * scale + min);
                default -> (float) ((buf.getShort() & 0xffff) * scale + min);
            };
        }
        return new Tensor(name, shape, v);
    }
}
