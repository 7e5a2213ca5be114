package org.malau.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a model was made beyond its settings, as Tribuo records a model's provenance: which engine (and version) trained
 * it with which network library, when the training started, on which Java and system, and a SHA-256 digest of each
 * table it learnt from, so that a model can be traced to its data and a retraining checked against it.
 * <p>
 * A table's digest covers its rows as the training saw them, in order: each sample's id (for image files their path),
 * subject, AU labels by AU number, expression label and corruption; not the pixels, which are read lazily and may be
 * large. Model files written before provenance was recorded have none ({@link ModelHeader#provenance()} is null).
 *
 * @param engine the engine's name, e.g. {@code MAL engine (org.malau)}
 * @param engineVersion its version
 * @param networkLibrary the network engine and library that trained it
 * @param startedAt when the training started, ISO-8601 in UTC
 * @param java the Java runtime's vendor and version
 * @param system the operating system and architecture
 * @param data per table ({@code auTrain}, {@code expressionTrain}, {@code metaSplit}) its row count and digest
 */
public record Provenance(String engine, String engineVersion, String networkLibrary, String startedAt, String java,
    String system, Map<String, TableDigest> data) {

    /**
     * @param rows the rows the digest covers
     * @param sha256 the digest in hex
     */
    public record TableDigest(int rows, String sha256) {
    }

    public Provenance {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** As the model header's JSON stores it. */
    Map<String, Object> toTree() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", engine);
        m.put("engineVersion", engineVersion);
        m.put("networkLibrary", networkLibrary);
        m.put("startedAt", startedAt);
        m.put("java", java);
        m.put("system", system);
        Map<String, Object> d = new LinkedHashMap<>();
        data.forEach((k, v) -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("rows", v.rows());
            t.put("sha256", v.sha256());
            d.put(k, t);
        });
        m.put("data", d);
        return m;
    }

    /** Reads {@link #toTree}; null for null (a header written before provenance was recorded). */
    @SuppressWarnings("unchecked")
    static Provenance fromTree(Map<String, Object> m) {
        if (m == null) {
            return null;
        }
        Map<String, TableDigest> data = new LinkedHashMap<>();
        ((Map<String, Object>) m.getOrDefault("data", Map.of())).forEach((k, v) -> {
            Map<String, Object> t = (Map<String, Object>) v;
            data.put(k, new TableDigest(((Number) t.get("rows")).intValue(), (String) t.get("sha256")));
        });
        return new Provenance((String) m.get("engine"), (String) m.get("engineVersion"), (String) m.get("networkLibrary"),
            (String) m.get("startedAt"), (String) m.get("java"), (String) m.get("system"), data);
    }
}
