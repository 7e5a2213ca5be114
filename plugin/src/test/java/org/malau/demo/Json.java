package org.malau.demo;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Reads JSON in tests with the Gson that DL4J brings along (an old version: no
 * {@code JsonParser.parseString}, no {@code JsonObject.keySet}).
 */
final class Json {
    private Json() {
    }

    @SuppressWarnings("deprecation")
    static JsonElement parse(String text) {
        return new JsonParser().parse(text);
    }

    /** Member names in document order. */
    static Set<String> keys(JsonObject o) {
        Set<String> keys = new LinkedHashSet<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            keys.add(e.getKey());
        }
        return keys;
    }
}
