package org.malau.knime.modelwriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.malau.knime.modelreader.MalModelReaderNodeFactory;
import org.malau.knime.modelreader.MalModelReaderNodeModel;
import org.malau.knime.port.MalModelPortObject;
import org.malau.knime.testing.Fixtures;
import org.malau.knime.testing.KnimeUrls;
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

        Probe set(final String file, final String ifExists, final boolean createFolders)
            throws InvalidSettingsException {
            final NodeSettings s = new NodeSettings("model");
            saveSettingsTo(s);
            s.addString("file", file);
            s.addString("if_exists", ifExists);
            s.addBoolean("create_folders", createFolders);
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
        final Probe w = new Probe().set(file.toString(), "fail", false);
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
    void theOverwritePolicyDecidesWhatHappensToAnExistingFile(@TempDir final Path dir) throws Exception {
        final Path file = Files.writeString(dir.resolve("model.zip"), "old");
        final Probe fail = new Probe().set(file.toString(), "fail", false);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, fail::configure);
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("policy is to fail"),
            e.getMessage());
        assertThrows(InvalidSettingsException.class, () -> fail.execute(TinyModel.model()));
        assertEquals("old", Files.readString(file), "the existing file is untouched");

        final Probe ignore = new Probe().set(file.toString(), "ignore", false);
        ignore.configure();
        assertTrue(ignore.warning().contains("kept"), ignore.warning());
        ignore.execute(TinyModel.model());
        assertEquals("old", Files.readString(file), "ignore writes nothing");
        assertTrue(ignore.warning().contains("nothing was written"), ignore.warning());

        final Probe overwrite = new Probe().set(file.toString(), "overwrite", false);
        overwrite.configure();
        assertTrue(overwrite.warning().contains("will be overwritten"), overwrite.warning());
        overwrite.execute(TinyModel.model());
        assertEquals(TinyModel.model().getSpec().getStrategy(), ModelFile.read(file).header().strategy());

        final NodeSettings bad = new NodeSettings("model");
        overwrite.settings().save(bad);
        bad.addString("if_exists", "append");
        e = assertThrows(InvalidSettingsException.class, () -> new Probe().settings().validate(bad));
        assertTrue(e.getMessage().contains("\"append\""), e.getMessage());
    }

    @Test
    void missingFoldersAreCreatedOnlyWhenAsked(@TempDir final Path dir) throws Exception {
        final Path nested = dir.resolve("no/such/folder/model.zip");
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> new Probe().set(nested.toString(), "fail", false).configure());
        assertTrue(e.getMessage().contains("does not exist") && e.getMessage().contains("Create missing folders"),
            e.getMessage());
        assertFalse(Files.exists(dir.resolve("no")));
        final Probe create = new Probe().set(nested.toString(), "fail", true);
        create.configure();
        create.execute(TinyModel.model());
        assertTrue(Files.isRegularFile(nested));
    }

    @Test
    void configureRefusesUnsetRelativeOrFolderPaths(@TempDir final Path dir) throws Exception {
        assertTrue(assertThrows(InvalidSettingsException.class, () -> new Probe().configure()).getMessage()
            .contains("No output file"));
        assertTrue(assertThrows(InvalidSettingsException.class,
            () -> new Probe().set("model.zip", "overwrite", true).configure()).getMessage().contains("relative"));
        assertTrue(assertThrows(InvalidSettingsException.class,
            () -> new Probe().set(dir.toString(), "overwrite", true).configure()).getMessage().contains("folder"));
    }

    @Test
    void knimeUrlsRelativeToTheWorkflowAndRemoteOnesAreWritten(@TempDir final Path dir) throws Exception {
        final Path workflow = Files.createDirectories(dir.resolve("workspace/MAL_Demo"));
        KnimeUrls.inWorkflow(workflow, () -> {
            final Probe w = new Probe().set("knime://knime.workflow/../models/mal.zip", "fail", true);
            w.configure();
            w.execute(TinyModel.model());
        });
        final Path file = dir.resolve("workspace/models/mal.zip");
        assertEquals(TinyModel.model().getSpec().getStrategy(), ModelFile.read(file).header().strategy());

        // a mountpoint without local files: written through the URL's connection
        final String url = "knime://hub/models/mal-" + System.nanoTime() + ".zip";
        assertNull(KnimeUrls.remote(url));
        final Probe remote = new Probe().set(url, "fail", false);
        remote.configure();
        remote.execute(TinyModel.model());
        assertEquals(TinyModel.model().getSpec().getAuNames().size(),
            ModelFile.read(new ByteArrayInputStream(KnimeUrls.remote(url)), url).header().auCodes().length);
    }

    @Test
    void settingsRoundTripPortsAndRelease01Settings() throws Exception {
        final Probe from = new Probe().set("/tmp/x/model.zip", "ignore", true);
        final NodeSettings s = NodeTesting.roundTrip(from.settings(), new Probe().settings());
        assertEquals("/tmp/x/model.zip", s.getString("file"));
        assertEquals("ignore", s.getString("if_exists"));
        assertTrue(s.getBoolean("create_folders"));
        assertEquals(1, from.inPorts());
        assertEquals(0, from.outPorts());

        // release 0.1 saved "overwrite" instead of the policy: on means overwrite, off means fail
        final NodeSettingsRO old = Fixtures.load(Fixtures.dir().resolve("nodes/MalModelWriter.xml"))
            .getNodeSettings("model");
        final NodeSettings back = NodeTesting.reload(new Probe().settings(), old);
        assertEquals("overwrite", back.getString("if_exists"));
        assertFalse(back.getBoolean("create_folders"));
        final NodeSettings off = new NodeSettings("model");
        off.addString("file", "/x/model.zip");
        off.addBoolean("overwrite", false);
        assertEquals("fail", NodeTesting.reload(new Probe().settings(), off).getString("if_exists"));
    }
}
