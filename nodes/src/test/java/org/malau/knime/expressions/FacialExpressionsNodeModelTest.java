package org.malau.knime.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.MissingCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.malau.data.Expression;
import org.malau.face.AlignOptions;
import org.malau.face.AlignedFace;
import org.malau.face.FaceAligner;
import org.malau.knime.testing.NodeTesting;
import org.malau.model.CropReader;
import org.malau.pretrained.FaceApiModels;
import org.malau.pretrained.FaceApiNetwork;

class FacialExpressionsNodeModelTest {
    /** Exposes the protected model API to the test. */
    static final class Probe extends FacialExpressionsNodeModel {
        DataTableSpec configure(final DataTableSpec in) throws InvalidSettingsException {
            return configure(new DataTableSpec[]{in})[0];
        }

        BufferedDataTable run(final BufferedDataTable in) throws Exception {
            final DataTableSpec spec = configure(in.getDataTableSpec());
            final BufferedDataTable out = execute(new BufferedDataTable[]{in}, exec())[0];
            assertEquals(spec, out.getDataTableSpec(), "configure and execute agree");
            return out;
        }

        String warning() {
            return getWarningMessage();
        }

        NodeTesting.SettingsAccess settings() {
            return NodeTesting.access(this::saveSettingsTo, this::validateSettings, this::loadValidatedSettingsFrom);
        }
    }

    private static ExecutionContext exec() {
        return NodeTesting.exec(new FacialExpressionsNodeFactory(), new DefaultNodeProgressMonitor());
    }

    private static final DataTableSpec SPEC = new DataTableSpec(
        new DataColumnSpecCreator("face", PNGImageCellFactory.TYPE).createSpec(),
        new DataColumnSpecCreator("expression", StringCell.TYPE).createSpec());

    /** Aligned like the Face Aligner's default output. */
    private static byte[] aligned(final Path photo) {
        try (FaceAligner a = new FaceAligner(AlignOptions.defaults())) {
            final AlignedFace f = a.align(photo).faces().get(0);
            return f.png();
        }
    }

    @Test
    void appendsTheProbabilitiesOfThePretrainedNetworkAndTheMostProbableClass() throws Exception {
        final Path shared = NodeTesting.sharedDir().resolve("data");
        final byte[] smiling = aligned(shared.resolve("smiles/001_08.jpg"));
        final byte[] neutral = aligned(shared.resolve("landmarks/frl_london_ccby/001_03.jpg"));
        final BufferedDataContainer c = exec().createDataContainer(SPEC);
        c.addRowToTable(new DefaultRow("smiling", PNGImageCellFactory.create(smiling), new StringCell("happiness")));
        c.addRowToTable(new DefaultRow("neutral", PNGImageCellFactory.create(neutral), new StringCell("neutral")));
        c.addRowToTable(new DefaultRow("none", new MissingCell(null), new StringCell("neutral")));
        c.close();
        final Probe m = new Probe();
        final BufferedDataTable out = m.run(c.getTable());
        assertTrue(out.getDataTableSpec().containsName("expression"), "the input's expression column is kept");
        final List<DataRow> rows = NodeTesting.rows(out);
        final List<float[]> crops = new ArrayList<>();
        for (final byte[] png : List.of(smiling, neutral)) {
            crops.add(CropReader.fromImage(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png)), 112, 3));
        }
        final float[][] expected = FaceApiNetwork.get(FaceApiModels.Net.EXPRESSION).basicExpressions(crops);
        for (int r = 0; r < 2; r++) {
            double sum = 0;
            for (int k = 0; k < Expression.BASIC7.length; k++) {
                final double p = ((DoubleValue)NodeTesting.cell(out, rows.get(r),
                    "P (expression=" + Expression.BASIC7[k].label() + ")")).getDoubleValue();
                assertEquals(expected[r][k], p, 1e-6);
                sum += p;
            }
            assertEquals(1, sum, 1e-4);
        }
        assertEquals("happiness", NodeTesting.string(out, rows.get(0), "Prediction (expression)"));
        assertEquals("neutral", NodeTesting.string(out, rows.get(1), "Prediction (expression)"));
        final double happy = ((DoubleValue)NodeTesting.cell(out, rows.get(0), "P (expression=happiness)")).getDoubleValue();
        final double calm = ((DoubleValue)NodeTesting.cell(out, rows.get(1), "P (expression=happiness)")).getDoubleValue();
        assertTrue(happy > 0.5 && calm < 0.5, "P(happiness) smiling " + happy + ", neutral " + calm);
        for (int j = 2; j < out.getDataTableSpec().getNumColumns(); j++) {
            final DataCell cell = rows.get(2).getCell(j);
            assertTrue(cell.isMissing(), "column " + j + " of the row without an image");
        }
        assertTrue(m.warning().contains("1 rows have a missing image"), m.warning());
    }

    @Test
    void settingsRoundTripAndAreDescribed() throws Exception {
        final Probe from = new Probe();
        final NodeSettings s0 = new NodeSettings("model");
        from.settings().save(s0);
        s0.addString("image_column", "crop");
        from.settings().load(s0);
        final NodeSettings s = NodeTesting.roundTrip(from.settings(), new Probe().settings());
        assertEquals("crop", s.getString("image_column"));
        final org.w3c.dom.Document doc;
        final javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try (java.io.InputStream in = FacialExpressionsNodeFactory.class.getResourceAsStream(
            "FacialExpressionsNodeFactory.xml")) {
            doc = f.newDocumentBuilder().parse(in);
        }
        assertEquals(1, doc.getElementsByTagNameNS("*", "option").getLength());
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> new Probe().configure(new DataTableSpec(new DataColumnSpecCreator("x",
                org.knime.core.data.def.IntCell.TYPE).createSpec())));
        assertTrue(e.getMessage().contains("no PNG image column"), e.getMessage());
    }

    private static <T extends Throwable> T assertThrows(final Class<T> type,
        final org.junit.jupiter.api.function.Executable run) {
        return org.junit.jupiter.api.Assertions.assertThrows(type, run);
    }
}
