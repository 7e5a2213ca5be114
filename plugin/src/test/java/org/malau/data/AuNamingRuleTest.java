package org.malau.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one AU naming rule ({@link AuLabels#parseColumnName} and its relatives), as a table of names and what each
 * reads as. Every reader, node and command asks these methods, so this table is what all of them accept.
 */
class AuNamingRuleTest {

    /** name | AU as a whole column name (-1 refused) | refused although it starts like an AU column. */
    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        AU01              | 1  | false
        AU1               | 1  | false
        AU12              | 12 | false
        au12              | 12 | false
        au_12             | 12 | false
        AU 12             | 12 | false
        AU-12             | 12 | false
        AU012             | 12 | false
        AU12_c            | 12 | false
        au_12_C           | 12 | false
        " AU12 "          | 12 | false
        AU99              | 99 | false
        AU12_r            | -1 | true
        AU12 intensity    | -1 | true
        AU0               | -1 | true
        AU00              | -1 | true
        AU100             | -1 | true
        AU12.5            | -1 | true
        AU__12            | -1 | false
        AU                | -1 | false
        AUX               | -1 | false
        auto              | -1 | false
        12                | -1 | false
        Prediction (AU12) | -1 | false
        AU12 label        | -1 | true
        expression        | -1 | false
        """)
    void columnNames(String name, int au, boolean refused) {
        assertEquals(au, AuLabels.parseColumnName(name), name);
        if (refused) {
            assertNotNull(AuLabels.refusal(name), name);
        } else {
            assertNull(AuLabels.refusal(name), name);
        }
    }

    /** A refused name says why, so a reader's error names the fix. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        AU12_r         | intensity
        AU00           | 1-99
        AU100          | 1-99
        AU12 intensity | after the AU number
        """)
    void refusalsSayWhy(String name, String reason) {
        String r = AuLabels.refusal(name);
        assertNotNull(r);
        assertEquals(true, r.contains(reason), r);
    }

    /** Entries of an AU list and BP4D's header: the prefix is optional; the number comes back as written. */
    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        1       | 1
        04      | 4
        AU01    | 1
        au_12   | 12
        AU 12   | 12
        0       | 0
        100     | 100
        x       | -1
        AU12_c  | -1
        -3      | -1
        1.5     | -1
        """)
    void numbers(String text, int number) {
        assertEquals(number, AuLabels.parseNumber(text));
    }

    /** Columns a user chose may say more than the AU: the first AU mentioned counts. */
    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        AU01              | 1
        Prediction (AU12) | 12
        AU12 label        | 12
        AU12_r            | 12
        au_4 truth        | 4
        MAU12             | -1
        AU100             | -1
        AU00 then AU05    | 5
        probability       | -1
        """)
    void mentions(String name, int au) {
        assertEquals(au, AuLabels.findInName(name));
    }

    /** What the readers write is what they read. */
    @ParameterizedTest
    @CsvSource({"1", "12", "99"})
    void writtenNamesReadBack(int au) {
        assertEquals(au, AuLabels.parseColumnName(AuLabels.columnName(au)));
    }
}
