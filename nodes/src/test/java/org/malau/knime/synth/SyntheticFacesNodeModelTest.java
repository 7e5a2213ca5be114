package org.malau.knime.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.malau.knime.testing.NodeTesting.integer;
import static org.malau.knime.testing.NodeTesting.rows;
import static org.malau.knime.testing.NodeTesting.string;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.malau.knime.testing.NodeTesting;

class SyntheticFacesNodeModelTest {

    static final class Probe extends SyntheticFacesNodeModel {
        int outPorts() {
            return getNrOutPorts();
        }

        NodeTesting.SettingsAccess settings() {
            return NodeTesting.access(this::saveSettingsTo, this::validateSettings, this::loadValidatedSettingsFrom);
        }
    }

    private static NodeSettings settings(final int seed, final int au, final int fe, final int per, final double noise,
        final double unrelated, final int size, final boolean nuisance) {
        final NodeSettings s = new NodeSettings("model");
        final SettingsModelInteger sd = SyntheticFacesNodeModel.createSeedSettingsModel();
        sd.setIntValue(seed);
        sd.saveSettingsTo(s);
        setInt(SyntheticFacesNodeModel.createAuSubjectsSettingsModel(), au, s);
        setInt(SyntheticFacesNodeModel.createFeSubjectsSettingsModel(), fe, s);
        setInt(SyntheticFacesNodeModel.createPerSubjectSettingsModel(), per, s);
        setDouble(SyntheticFacesNodeModel.createFeLabelNoiseSettingsModel(), noise, s);
        setDouble(SyntheticFacesNodeModel.createFeUnrelatedSettingsModel(), unrelated, s);
        setInt(SyntheticFacesNodeModel.createSizeSettingsModel(), size, s);
        final SettingsModelBoolean b = SyntheticFacesNodeModel.createNuisanceSettingsModel();
        b.setBooleanValue(nuisance);
        b.saveSettingsTo(s);
        return s;
    }

    private static void setInt(final SettingsModelIntegerBounded m, final int v, final NodeSettings s) {
        m.setIntValue(v);
        m.saveSettingsTo(s);
    }

    private static void setDouble(final SettingsModelDoubleBounded m, final double v, final NodeSettings s) {
        m.setDoubleValue(v);
        m.saveSettingsTo(s);
    }

    private static Probe model(final NodeSettings s) throws InvalidSettingsException {
        final Probe m = new Probe();
        m.validateSettings(s);
        m.loadValidatedSettingsFrom(s);
        return m;
    }

    private static BufferedDataTable[] run(final Probe m, final DefaultNodeProgressMonitor monitor) throws Exception {
        final DataTableSpec[] specs = m.configure(new DataTableSpec[0]);
        final BufferedDataTable[] out =
            m.execute(new BufferedDataTable[0], NodeTesting.exec(new SyntheticFacesNodeFactory(), monitor));
        assertEquals(2, out.length);
        assertEquals(specs[0], out[0].getDataTableSpec());
        assertEquals(specs[1], out[1].getDataTableSpec());
        return out;
    }

    @Test
    void specsListImageLabelsAndLandmarks() throws Exception {
        final DataTableSpec[] specs = new Probe().configure(new DataTableSpec[0]);
        final DataTableSpec au = specs[0];
        assertEquals(PNGImageCellFactory.TYPE, au.getColumnSpec("image").getType());
        assertEquals(IntCell.TYPE, au.getColumnSpec("AU12").getType());
        assertTrue(au.containsName("AU26 intensity") && au.containsName("landmarks") && au.containsName("corruption"));
        assertArrayEquals(new String[]{"image", "subject", "id", "expression", "corruption", "landmarks"},
            specs[1].getColumnNames());
    }

    @Test
    void generatesBothSetsWithImagesLabelsAndCorruption() throws Exception {
        final DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor();
        final BufferedDataTable[] out = run(model(settings(7, 2, 3, 4, 0.25, 0.25, 48, true)), monitor);
        final BufferedDataTable au = out[0];
        final BufferedDataTable fe = out[1];
        assertEquals(8, au.size());
        assertEquals(12, fe.size());
        assertEquals(1.0, monitor.getProgress(), 1e-9);

        final Set<String> auSubjects = new HashSet<>();
        for (final DataRow r : rows(au)) {
            final PNGImageValue img = (PNGImageValue)NodeTesting.cell(au, r, "image");
            final BufferedImage decoded = (BufferedImage)img.getImageContent().getImage();
            assertEquals(48, decoded.getWidth());
            assertEquals(48, decoded.getHeight());
            auSubjects.add(string(au, r, "subject"));
            assertEquals("none", string(au, r, "corruption"));
            // occurrence is intensity >= 2, and both come from the generator's labels
            final double intensity = ((DoubleValue)NodeTesting.cell(au, r, "AU12 intensity")).getDoubleValue();
            assertEquals(intensity >= 2 ? 1 : 0, integer(au, r, "AU12"));
            assertEquals(136, string(au, r, "landmarks").split(";").length);
        }
        assertEquals(2, auSubjects.size());

        final Set<String> feSubjects = new HashSet<>();
        final Set<String> corruption = new HashSet<>();
        for (final DataRow r : rows(fe)) {
            feSubjects.add(string(fe, r, "subject"));
            corruption.add(string(fe, r, "corruption"));
            assertTrue(string(fe, r, "expression") != null);
        }
        assertEquals(3, feSubjects.size());
        assertTrue(feSubjects.stream().noneMatch(auSubjects::contains), "AU and FE subjects are disjoint");
        assertTrue(corruption.contains("none"), corruption.toString());
    }

    @Test
    void sameSettingsGiveIdenticalTablesAndAnotherSeedDiffers() throws Exception {
        final BufferedDataTable a = run(model(settings(3, 1, 0, 3, 0, 0, 32, false)), new DefaultNodeProgressMonitor())[0];
        final BufferedDataTable b = run(model(settings(3, 1, 0, 3, 0, 0, 32, false)), new DefaultNodeProgressMonitor())[0];
        final BufferedDataTable c = run(model(settings(4, 1, 0, 3, 0, 0, 32, false)), new DefaultNodeProgressMonitor())[0];
        final List<DataRow> ra = rows(a);
        final List<DataRow> rb = rows(b);
        assertEquals(ra, rb);
        final DataCell imgA = NodeTesting.cell(a, ra.get(0), "image");
        assertNotEquals(imgA, NodeTesting.cell(c, rows(c).get(0), "image"));
        assertEquals(0, run(model(settings(3, 1, 0, 3, 0, 0, 32, false)), new DefaultNodeProgressMonitor())[1].size());
    }

    @Test
    void settingsTheGeneratorRejectsFailConfigureNamingThem() throws Exception {
        final Probe m = model(settings(1, 9000, 1000, 1, 0.2, 0.1, 64, true));
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> m.configure(new DataTableSpec[0]));
        assertTrue(e.getMessage().contains("auSubjects + feSubjects"), e.getMessage());
        final Probe n = model(settings(1, 1, 1, 1, 0.7, 0.6, 64, true));
        final InvalidSettingsException f = assertThrows(InvalidSettingsException.class, () -> n.configure(new DataTableSpec[0]));
        assertTrue(f.getMessage().contains("feLabelNoise + feUnrelated"), f.getMessage());
    }

    @Test
    void outOfRangeSettingsFailValidation() {
        final NodeSettings s = settings(1, 1, 1, 1, 0.2, 0.1, 64, true);
        s.addInt("image_size", 8);
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> new Probe().validateSettings(s));
        assertTrue(e.getMessage().contains("8"), e.getMessage());
    }

    @Test
    void cancelStopsExecution() throws Exception {
        final DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor();
        monitor.setExecuteCanceled();
        assertThrows(CanceledExecutionException.class, () -> run(model(settings(1, 1, 1, 2, 0, 0, 32, false)), monitor));
    }

    @Test
    void settingsRoundTripKeepsEveryValue() throws Exception {
        final NodeSettings saved =
            NodeTesting.roundTrip(model(settings(42, 5, 6, 7, 0.3, 0.2, 96, false)).settings(), new Probe().settings());
        assertEquals(42, saved.getInt("seed"));
        assertEquals(5, saved.getInt("au_subjects"));
        assertEquals(6, saved.getInt("fe_subjects"));
        assertEquals(7, saved.getInt("faces_per_subject"));
        assertEquals(0.3, saved.getDouble("fe_label_noise"), 0.0);
        assertEquals(0.2, saved.getDouble("fe_unrelated"), 0.0);
        assertEquals(96, saved.getInt("image_size"));
        assertEquals(false, saved.getBoolean("nuisance"));
        NodeTesting.assertDescribed(SyntheticFacesNodeFactory.class, saved, new Probe().outPorts());
    }

    @Test
    void dialogOpensOnTheModelsSettings() throws Exception {
        final SyntheticFacesNodeDialog d = new SyntheticFacesNodeDialog();
        final NodeSettings in = settings(9, 2, 3, 4, 0.1, 0.2, 40, true);
        d.loadSettingsFrom(in, new org.knime.core.node.port.PortObjectSpec[0]);
        final NodeSettings out = new NodeSettings("model");
        d.saveSettingsTo(out);
        final NodeSettings fromIn = new NodeSettings("model");
        model(in).saveSettingsTo(fromIn);
        final NodeSettings fromDialog = new NodeSettings("model");
        model(out).saveSettingsTo(fromDialog);
        assertEquals(fromIn.toString(), fromDialog.toString());
    }
}
