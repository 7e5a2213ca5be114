package org.malau.knime.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.util.DuplicateKeyException;

class ContainerTest {

    private static final DataTableSpec SPEC =
        new DataTableSpec(new String[]{"name", "value"}, new DataType[]{StringCell.TYPE, DoubleCell.TYPE});

    private final ExecutionContext m_exec = TestExec.create();

    private static List<String> keys(final BufferedDataTable table) {
        final List<String> keys = new ArrayList<>();
        try (CloseableRowIterator it = table.iterator()) {
            while (it.hasNext()) {
                keys.add(it.next().getKey().getString());
            }
        }
        return keys;
    }

    @Test
    void containerProducesATableThatCanBeReadRepeatedly() {
        final BufferedDataContainer c = m_exec.createDataContainer(SPEC);
        c.addRowToTable(new DefaultRow("r1", new StringCell("a"), new DoubleCell(1.5)));
        // an int cell fits a double column and a missing cell fits any column
        c.addRowToTable(new DefaultRow("r2", DataType.getMissingCell(), new IntCell(2)));
        assertEquals(2, c.size());
        assertFalse(c.isClosed());
        c.close();
        assertTrue(c.isClosed());
        final BufferedDataTable table = c.getTable();
        assertSame(table, c.getTable());
        assertEquals(2, table.size());
        assertEquals(SPEC, table.getDataTableSpec());
        assertEquals(List.of("r1", "r2"), keys(table));
        assertEquals(List.of("r1", "r2"), keys(table));
        final List<DataRow> rows = new ArrayList<>();
        table.forEach(rows::add);
        assertEquals(new IntCell(2), rows.get(1).getCell(1));
        assertTrue(rows.get(1).getCell(0).isMissing());
        final CloseableRowIterator it = table.iterator();
        it.next();
        assertThrows(UnsupportedOperationException.class, it::remove);
    }

    @Test
    void emptyTableIsFine() {
        final BufferedDataContainer c = m_exec.createDataContainer(SPEC);
        c.close();
        assertEquals(0, c.getTable().size());
        assertFalse(c.getTable().iterator().hasNext());
    }

    @Test
    void wrongCellCountIsRejected() {
        final BufferedDataContainer c = m_exec.createDataContainer(SPEC);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> c.addRowToTable(new DefaultRow("r1", new StringCell("a"))));
        assertTrue(e.getMessage().contains("Cell count in row \"r1\""), e.getMessage());
        assertEquals(0, c.size());
    }

    @Test
    void incompatibleCellTypeIsRejected() {
        final BufferedDataContainer c = m_exec.createDataContainer(SPEC);
        assertThrows(IllegalArgumentException.class,
            () -> c.addRowToTable(new DefaultRow("r1", new IntCell(1), new DoubleCell(1))));
        assertThrows(IllegalArgumentException.class,
            () -> c.addRowToTable(new DefaultRow("r1", new StringCell("a"), new StringCell("1.0"))));
    }

    @Test
    void duplicateRowKeyIsRejected() {
        final BufferedDataContainer c = m_exec.createDataContainer(SPEC);
        c.addRowToTable(new DefaultRow("dup", new StringCell("a"), new DoubleCell(1)));
        final DuplicateKeyException e = assertThrows(DuplicateKeyException.class,
            () -> c.addRowToTable(new DefaultRow("dup", new StringCell("b"), new DoubleCell(2))));
        assertEquals("dup", e.getKey());
        c.close();
        assertEquals(1, c.getTable().size());
    }

    @Test
    void lifecycleIsEnforced() {
        final BufferedDataContainer c = m_exec.createDataContainer(SPEC);
        assertThrows(IllegalStateException.class, c::getTable);
        c.close();
        c.close();
        assertThrows(IllegalStateException.class,
            () -> c.addRowToTable(new DefaultRow("r", new StringCell("a"), new DoubleCell(1))));
        assertThrows(NullPointerException.class, () -> m_exec.createDataContainer(SPEC).addRowToTable(null));
    }
}
