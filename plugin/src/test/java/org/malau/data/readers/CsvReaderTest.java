package org.malau.data.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTest {
    private static final Path FILE = Path.of("/data/labels.csv");

    private static CsvReader csv(String text) {
        return new CsvReader(new StringReader(text), FILE);
    }

    @Test
    void readsQuotedFieldsAsRfc4180() throws IOException {
        CsvReader r = csv("path,label\n\"a, b.png\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\r\nlast,\n");
        assertEquals(List.of("path", "label"), r.next());
        assertEquals(1, r.recordLine());
        assertEquals(List.of("a, b.png", "say \"hi\""), r.next());
        assertEquals(2, r.recordLine());
        assertEquals(List.of("two\nlines", "x"), r.next());
        assertEquals(3, r.recordLine());
        assertEquals(List.of("last", ""), r.next());
        assertEquals(5, r.recordLine());
        assertNull(r.next());
    }

    @Test
    void skipsByteOrderMarkAndBlankLinesAndKeepsLineNumbers() throws IOException {
        CsvReader r = csv("\uFEFFa,b\n\n\r\n1,2");
        assertEquals(List.of("a", "b"), r.next());
        assertEquals(List.of("1", "2"), r.next());
        assertEquals(4, r.recordLine());
        assertNull(r.next());
    }

    @Test
    void keepsEmptyFieldsAndStrayQuotes() throws IOException {
        CsvReader r = csv(",,\nab\"c,\"\"\n");
        assertEquals(List.of("", "", ""), r.next());
        assertEquals(List.of("ab\"c", ""), r.next());
    }

    @Test
    void unterminatedQuoteNamesFileAndLineWhereItOpened() {
        Fixtures.assertFormatError(FILE, 2, "never closed", () -> {
            CsvReader r = csv("a,b\n1,\"open\n\nstill open");
            r.next();
            r.next();
        });
    }

    @Test
    void textAfterClosingQuoteIsAnError() {
        Fixtures.assertFormatError(FILE, 1, "after the closing quote", () -> csv("\"a\"b,c\n").next());
    }
}
