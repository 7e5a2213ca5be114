package org.malau.knime.api.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.MissingCell;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;

class DataSpecAndCellTest {

    private static DataColumnSpec col(final String name, final DataType type) {
        return new DataColumnSpecCreator(name, type).createSpec();
    }

    @Test
    void specLooksUpColumnsByNameAndIndex() {
        final DataTableSpec spec = new DataTableSpec(col("a", StringCell.TYPE), col("b", DoubleCell.TYPE));
        assertEquals(2, spec.getNumColumns());
        assertEquals(1, spec.findColumnIndex("b"));
        assertEquals(-1, spec.findColumnIndex("zz"));
        assertEquals(-1, spec.findColumnIndex(null));
        assertTrue(spec.containsName("a"));
        assertFalse(spec.containsName("A"));
        assertEquals(DoubleCell.TYPE, spec.getColumnSpec("b").getType());
        assertNull(spec.getColumnSpec("zz"));
        assertEquals("a", spec.getColumnSpec(0).getName());
        assertArrayEquals(new String[]{"a", "b"}, spec.getColumnNames());
        final List<String> iterated = new ArrayList<>();
        spec.forEach(c -> iterated.add(c.getName()));
        assertEquals(List.of("a", "b"), iterated);
        assertEquals("default", spec.getName());
    }

    @Test
    void specRejectsDuplicateColumnNames() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new DataTableSpec("t", col("x", StringCell.TYPE), col("x", IntCell.TYPE)));
        assertTrue(e.getMessage().contains("Duplicate column name \"x\""), e.getMessage());
        assertThrows(IllegalArgumentException.class,
            () -> new DataTableSpec(new String[]{"x", "x"}, new DataType[]{IntCell.TYPE, IntCell.TYPE}));
    }

    @Test
    void specEqualityFollowsNameAndColumns() {
        final DataTableSpec s1 = new DataTableSpec("t", col("a", IntCell.TYPE));
        assertEquals(s1, new DataTableSpec("t", col("a", IntCell.TYPE)));
        assertNotEquals(s1, new DataTableSpec("u", col("a", IntCell.TYPE)));
        assertNotEquals(s1, new DataTableSpec("t", col("a", LongCell.TYPE)));
        assertEquals(new DataTableSpec(col("a", IntCell.TYPE)),
            new DataTableSpec(new String[]{"a"}, new DataType[]{IntCell.TYPE}));
    }

    @Test
    void columnNamesAreTrimmedAndBlankNamesReplaced() {
        assertEquals("a", col("  a ", IntCell.TYPE).getName());
        assertTrue(col("   ", IntCell.TYPE).getName().startsWith("<empty_"));
        assertThrows(NullPointerException.class, () -> new DataColumnSpecCreator(null, IntCell.TYPE));
        assertThrows(NullPointerException.class, () -> new DataColumnSpecCreator("a", null));
    }

    @Test
    void typesReflectTheValueInterfacesOfTheirCells() {
        assertSame(StringCell.TYPE, DataType.getType(StringCell.class));
        assertSame(StringCell.TYPE, new StringCell("x").getType());
        assertTrue(StringCell.TYPE.isCompatible(StringValue.class));
        assertFalse(StringCell.TYPE.isCompatible(DoubleValue.class));
        assertTrue(IntCell.TYPE.isCompatible(DoubleValue.class));
        assertTrue(IntCell.TYPE.isCompatible(LongValue.class));
        assertFalse(DoubleCell.TYPE.isCompatible(IntValue.class));
        assertTrue(BooleanCell.TYPE.isCompatible(BooleanValue.class));
        assertTrue(BooleanCell.TYPE.isCompatible(IntValue.class));
        assertTrue(DoubleCell.TYPE.isASuperTypeOf(IntCell.TYPE));
        assertFalse(IntCell.TYPE.isASuperTypeOf(DoubleCell.TYPE));
        assertFalse(StringCell.TYPE.isASuperTypeOf(IntCell.TYPE));
        assertTrue(StringCell.TYPE.isASuperTypeOf(DataType.getMissingCell().getType()));
        assertEquals(IntCell.class, IntCell.TYPE.getCellClass());
        assertEquals("Number (double)", DoubleCell.TYPE.toString());
    }

    @Test
    void cellEqualityFollowsKnimeRules() {
        assertEquals(new IntCell(3), new IntCell(3));
        assertNotEquals(new IntCell(3), new IntCell(4));
        // only cells of the same class can be equal
        assertNotEquals(new IntCell(3), new LongCell(3));
        assertEquals(new DoubleCell(Double.NaN), new DoubleCell(Double.NaN));
        assertEquals(new StringCell("a").hashCode(), new StringCell("a").hashCode());
        final DataCell missing = DataType.getMissingCell();
        assertTrue(missing.isMissing());
        assertFalse(new StringCell("").isMissing());
        assertEquals(missing, new MissingCell("why"));
        assertNotEquals(missing, new StringCell("?"));
        assertEquals("why", new MissingCell("why").getError());
        assertEquals("?", missing.toString());
        assertThrows(NullPointerException.class, () -> new StringCell(null));
    }

    @Test
    void numericCellsExposeAllTheirValues() {
        assertEquals(7L, new IntCell(7).getLongValue());
        assertEquals(7.0, new IntCell(7).getDoubleValue());
        assertEquals(0x1p40, new LongCell(1L << 40).getDoubleValue(), 0.0);
        assertSame(BooleanCell.TRUE, BooleanCell.get(true));
        assertSame(BooleanCell.FALSE, BooleanCell.get(false));
        assertEquals(1, BooleanCell.TRUE.getIntValue());
        assertEquals("2.5", new DoubleCell(2.5).toString());
    }

    @Test
    void rowsHoldKeyAndCells() {
        final DefaultRow row = new DefaultRow("r1", new StringCell("a"), new IntCell(1));
        assertEquals(new RowKey("r1"), row.getKey());
        assertEquals(2, row.getNumCells());
        assertEquals(new IntCell(1), row.getCell(1));
        final List<DataCell> cells = new ArrayList<>();
        row.forEach(cells::add);
        assertEquals(List.of(new StringCell("a"), new IntCell(1)), cells);
        assertEquals(row, new DefaultRow(new RowKey("r1"), List.of(new StringCell("a"), new IntCell(1))));
        assertThrows(NullPointerException.class, () -> new DefaultRow("r", new StringCell("a"), null));
        assertThrows(NullPointerException.class, () -> new RowKey(null));
        assertEquals("Row5", RowKey.createRowKey(5L).getString());
    }
}
