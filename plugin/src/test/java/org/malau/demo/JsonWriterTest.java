package org.malau.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

class JsonWriterTest {
    @Test
    void escapesStringsSoThatAParserReadsThemBack() {
        String tricky = "quote \" backslash \\ newline \n tab \t bell \u0007 nul \u0000 separator \u2028 umlaut \u00e4 emoji \ud83d\ude00";
        String text = new JsonWriter().beginObject().name("key \"k\"").value(tricky).endObject().text();
        JsonObject o = Json.parse(text).getAsJsonObject();
        assertEquals(tricky, o.get("key \"k\"").getAsString());
        assertTrue(text.contains("\\u0007") && text.contains("\\u0000") && text.contains("\\u2028"), text);
    }

    @Test
    void writesNanAndInfinityAsNullAndKeepsDoublesExact() {
        double third = 1 / 3.0;
        String text = new JsonWriter().beginArray().value(Double.NaN).value(Double.POSITIVE_INFINITY).value(third).value(2.0)
            .value(-1e-7).value(42L).value(true).value((String) null).endArray().text();
        JsonArray a = Json.parse(text).getAsJsonArray();
        assertTrue(a.get(0).isJsonNull());
        assertTrue(a.get(1).isJsonNull());
        assertEquals(third, a.get(2).getAsDouble(), 0);
        assertEquals("2", a.get(3).toString());
        assertEquals(-1e-7, a.get(4).getAsDouble(), 0);
        assertEquals(42, a.get(5).getAsLong());
        assertTrue(a.get(6).getAsBoolean());
        assertTrue(a.get(7).isJsonNull());
    }

    @Test
    void nestsContainersWithIndentation() {
        String text = new JsonWriter().beginObject().name("a").beginObject().name("b").beginArray().value(1L).value(2L).endArray()
            .endObject().name("empty").beginObject().endObject().endObject().text();
        assertEquals("{\n  \"a\": {\n    \"b\": [\n      1,\n      2\n    ]\n  },\n  \"empty\": {}\n}\n", text);
    }

    @Test
    void refusesUnbalancedDocuments() {
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().text());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().name("a").endObject());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().value(1L).value(2L));
    }
}
