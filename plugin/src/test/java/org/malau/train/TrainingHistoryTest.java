package org.malau.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.malau.train.EpochRecord.Column;

/** {@link TrainingHistory}'s CSV: named columns, exact round trips, and the files written before the names. */
class TrainingHistoryTest {
    @TempDir
    Path dir;

    private static final EpochRecord ONE = new EpochRecord(1, 4, 1e-3, 0.6931471805599453, Double.NaN, 0.7, Double.NaN,
        0.25, 0.5, Double.NaN, 0.125, Double.NaN, Double.NaN, 1.5);
    private static final EpochRecord TWO = new EpochRecord(2, 8, 9.5e-4, 0.61, 1.2, 1.81, 0.55, 0.3, 0.6, 0.4,
        0.125, 0.9, 0.75, 1.25);

    @Test
    void everyColumnIsNamedAndTheRecordReadsItsValues() {
        assertEquals(14, Column.values().length, "one column per record component");
        assertEquals(EpochRecord.class.getRecordComponents().length, Column.values().length);
        for (Column c : Column.values()) {
            assertEquals(c, Column.byName(c.csvName()));
            assertEquals(c, Column.byName(c.label()));
        }
        assertEquals(0.61, TWO.value(Column.AU_LOSS));
        assertEquals(1.2, TWO.value(Column.FE_LOSS));
        assertEquals(0.75, TWO.value(Column.FE_WEIGHT_CLEAN_AUC));
        assertEquals(8, TWO.value(Column.ITERATIONS));
    }

    @Test
    void theLosslessFormReadsBackExactly() throws IOException {
        StringWriter w = new StringWriter();
        new TrainingHistory(List.of(ONE, TWO)).write(w);
        assertTrue(w.toString().startsWith("epoch,iterations,learning_rate,au_loss,fe_loss,"), w.toString());
        assertEquals(List.of(ONE, TWO), TrainingHistory.read(new StringReader(w.toString()), "test").epochs());
    }

    @Test
    void theCommandLineFileKeepsItsLayoutAndReadsBack() throws IOException {
        Path f = dir.resolve("h.csv");
        new TrainingHistory(List.of(ONE)).writeCsv(f);
        List<String> lines = Files.readAllLines(f);
        assertEquals("epoch,iterations,learning_rate,au_loss,fe_loss,total_loss,meta_loss,meta_au_f1,meta_au_f1_tuned,"
            + "meta_fe_accuracy,mean_au_weight,mean_fe_weight,fe_weight_clean_auc,seconds", lines.get(0));
        assertEquals("1,4,0.00100000,0.693147,,0.700000,,0.250000,0.500000,,0.125000,,,1.50000", lines.get(1));
        EpochRecord back = TrainingHistory.read(f).epochs().get(0);
        assertEquals(0.693147, back.auLoss(), 0);
        assertTrue(Double.isNaN(back.expressionLoss()));
    }

    @Test
    void columnsAreReadByNameInAnyOrderAndUnknownOnesAreSkipped() throws IOException {
        String csv = "seconds,iterations,later_column,epoch,au_loss\n1.5,4,x,1,0.25\n";
        EpochRecord r = TrainingHistory.read(new StringReader(csv), "test").epochs().get(0);
        assertEquals(1, r.epoch());
        assertEquals(4, r.iterations());
        assertEquals(0.25, r.auLoss());
        assertEquals(1.5, r.seconds());
        assertTrue(Double.isNaN(r.metaLoss()), "a column the file lacks is NaN");
    }

    @Test
    void whatTheNodesWroteBeforeStillLoads() throws IOException {
        // labels as header, every value a double, in the record's order
        String labelled = "epoch,iterations,learning rate,AU loss,FE loss,total loss,meta loss,meta AU F1,"
            + "meta AU F1 (tuned),meta FE accuracy,mean AU weight,mean FE weight,FE weight clean AUC,seconds\n"
            + "2.0,8.0,9.5E-4,0.61,1.2,1.81,0.55,0.3,0.6,0.4,0.125,0.9,0.75,1.25\n";
        assertEquals(List.of(TWO), TrainingHistory.read(new StringReader(labelled), "internals").epochs());
        // and without a header at all
        String positional = "2,8,9.5E-4,0.61,1.2,1.81,0.55,0.3,0.6,0.4,0.125,0.9,0.75,1.25\n";
        assertEquals(List.of(TWO), TrainingHistory.read(new StringReader(positional), "internals").epochs());
    }

    @Test
    void badFilesSayWhereAndWhat() {
        IOException e = assertThrows(IOException.class,
            () -> TrainingHistory.read(new StringReader("epoch,au_loss\n1,0.5\n"), "h.csv"));
        assertTrue(e.getMessage().contains("h.csv") && e.getMessage().contains("iterations"), e.getMessage());
        e = assertThrows(IOException.class,
            () -> TrainingHistory.read(new StringReader("epoch,iterations,au_loss\n1,4,lots\n"), "h.csv"));
        assertTrue(e.getMessage().contains("au_loss") && e.getMessage().contains("lots"), e.getMessage());
        e = assertThrows(IOException.class,
            () -> TrainingHistory.read(new StringReader("epoch,iterations\n1,4,5\n"), "h.csv"));
        assertTrue(e.getMessage().contains("2 fields"), e.getMessage());
    }
}
