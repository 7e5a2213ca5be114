package org.malau.knime.modelwriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.malau.knime.modelreader.MalModelReaderNodeFactory;
import org.malau.knime.modelreader.MalModelReaderNodeModel;
import org.malau.knime.port.MalModelPortObject;
import org.malau.knime.testing.NodeTesting;
import org.malau.knime.testing.TinyModel;
import org.malau.model.CropReader;
import org.malau.model.FacePrediction;
import org.malau.model.ModelFile;

class MalModelWriterNodeModelTest {

    /** Exposes the protected model API to the test. */
    static final class Probe extends MalModelWriterNodeModel {
        PortObjectSpec[] configure() throws InvalidSettingsException {
            return configure(new PortObjectSpec[]{null});
        }

        PortObject[] execute(final MalModelPortObject model) throws Exception {
            return execute(new PortObject[]{model},
                NodeTesting.exec(new MalModelWriterNodeFactory(), new DefaultNodeProgressMonitor()));
        }

        String warning() {
            return getWarningMessage();
        }

        int inPorts() {
            return getNrInPorts();
        }

        int outPorts() {
            return getNrOutPorts();
        }

        NodeTesting.SettingsAccess settings() {
            return NodeTesting.access(this::saveSettingsTo, this::validateSettings, this::loadValidatedSettingsFrom);
        }

        Probe set(final String file, final boolean overwrite) throws InvalidSettingsException {
            final NodeSettings s = new NodeSettings("model");
            saveSettingsTo(s);
            s.addString("file", file);
            s.addBoolean("overwrite", overwrite);
            validateSettings(s);
            loadValidatedSettingsFrom(s);
            return this;
        }
    }

    /** The reader node, with its protected API exposed. */
    static final class Reader extends MalModelReaderNodeModel {
        Reader(final Path file) throws InvalidSettingsException {
            final NodeSettings s = new NodeSettings("model");
            saveSettingsTo(s);
            s.addString("file", file.toString());
            validateSettings(s);
            loadValidatedSettingsFrom(s);
        }

        PortObjectSpec configure() throws InvalidSettingsException {
            return configure(new PortObjectSpec[0])[0];
        }

        MalModelPortObject read() throws Exception {
            return (MalModelPortObject)execute(new PortObject[0],
                NodeTesting.exec(new MalModelReaderNodeFactory(), new DefaultNodeProgressMonitor()))[0];
        }
    }

    private static List<FacePrediction> predict(final MalModelPortObject model) {
        final List<float[]> crops = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            crops.add(CropReader.fromImage(TinyModel.faces().get(i).image(), 16, 1));
        }
        return model.getModel().predict(crops, 4);
    }

    @Test
    void writtenModelReadsBackThroughTheReaderWithEqualPredictions(@TempDir final Path dir) throws Exception {
        final MalModelPortObject model = TinyModel.model();
        final Path file = dir.resolve("model.zip");
        final Probe w = new Probe().set(file.toString(), false);
        assertEquals(0, w.configure().length);
        assertEquals(0, w.execute(model).length);
        assertTrue(Files.isRegularFile(file));
        // the engine reads the file as ./mal predict does
        assertEquals(model.getSpec().getAuNames().size(), ModelFile.read(file).header().auCodes().length);

        final Reader r = new Reader(file);
        assertEquals(model.getSpec(), r.configure(), "the reader's configure gives the model's spec");
        final MalModelPortObject read = r.read();
        assertEquals(model.getSpec(), read.getSpec());
        final List<FacePrediction> a = predict(model);
        final List<FacePrediction> b = predict(read);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).auProbabilities(), b.get(i).auProbabilities(), 1e-6f);
            assertArrayEquals(a.get(i).auPresent(), b.get(i).auPresent());
            assertArrayEquals(a.get(i).expressionProbabilities(), b.get(i).expressionProbabilities(), 1e-6f);
        }
    }

    @Test
    void overwriteIsRefusedUnlessAllowed(@TempDir final Path dir) throws Exception {
        final Path file = Files.writeString(dir.resolve("model.zip"), "old");
        final Probe refuse = new Probe().set(file.toString(), false);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, refuse::configure);
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("overwriting is off"),
            e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> refuse.execute(TinyModel.model()));
        assertEquals("old", Files.readString(file), "the existing file is untouched");
        final Probe allow = new Probe().set(file.toString(), true);
        allow.configure();
        assertTrue(allow.warning().contains("will be overwritten"), allow.warning());
        allow.execute(TinyModel.model());
        assertEquals(TinyModel.model().getSpec().getStrategy(), ModelFile.read(file).header().strategy());
    }

    @Test
    void configureRefusesUnsetRelativeOrFolderlessPaths(@TempDir final Path dir) throws Exception {
        assertTrue(assertThrows(InvalidSettingsException.class, () -> new Probe().configure()).getMessage()
            .contains("No output file"));
        assertTrue(assertThrows(InvalidSettingsException.class, () -> new Probe().set("model.zip", true).configure())
            .getMessage().contains("relative"));
        final String nested = dir.resolve("no/such/folder/model.zip").toString();
        assertTrue(assertThrows(InvalidSettingsException.class, () -> new Probe().set(nested, true).configure())
            .getMessage().contains("does not exist"));
        assertFalse(Files.exists(dir.resolve("no")));
    }

    @Test
    void settingsRoundTripAndPorts() throws Exception {
        final Probe from = new Probe().set("/tmp/x/model.zip", true);
        final NodeSettings s = NodeTesting.roundTrip(from.settings(), new Probe().settings());
        assertEquals("/tmp/x/model.zip", s.getString("file"));
        assertTrue(s.getBoolean("overwrite"));
        assertEquals(1, from.inPorts());
        assertEquals(0, from.outPorts());
    }
}
