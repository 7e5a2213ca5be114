package org.malau.knime.modelreader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.malau.knime.port.MalModelPortObject;
import org.malau.knime.port.MalModelPortObjectSpec;
import org.malau.knime.testing.Fixtures;
import org.malau.knime.testing.KnimeUrls;
import org.malau.knime.testing.NodeTesting;
import org.malau.knime.testing.TinyModel;
import org.malau.model.ModelFile;

class MalModelReaderNodeModelTest {

    /** Exposes the protected model API to the test. */
    static final class Probe extends MalModelReaderNodeModel {
        PortObjectSpec configure() throws InvalidSettingsException {
            return configure(new PortObjectSpec[0])[0];
        }

        PortObject execute() throws Exception {
            return execute(new PortObject[0],
                NodeTesting.exec(new MalModelReaderNodeFactory(), new DefaultNodeProgressMonitor()))[0];
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

        Probe set(final String file) throws InvalidSettingsException {
            final NodeSettings s = new NodeSettings("model");
            saveSettingsTo(s);
            s.addString("file", file);
            validateSettings(s);
            loadValidatedSettingsFrom(s);
            return this;
        }
    }

    private static Path written(final Path dir) throws Exception {
        final Path file = dir.resolve("model.zip");
        ModelFile.write(TinyModel.model().getModel(), file);
        return file;
    }

    @Test
    void readsTheEnginesModelFile(@TempDir final Path dir) throws Exception {
        final Probe m = new Probe().set(written(dir).toString());
        final MalModelPortObjectSpec spec = assertInstanceOf(MalModelPortObjectSpec.class, m.configure());
        assertEquals(TinyModel.model().getSpec(), spec);
        final MalModelPortObject model = assertInstanceOf(MalModelPortObject.class, m.execute());
        assertEquals(spec, model.getSpec());
        assertTrue(Arrays.equals(TinyModel.model().getModel().header().thresholds(),
            model.getModel().header().thresholds()));
        assertTrue(model.getHistory().isEmpty(), "a model file keeps no training history");
    }

    @Test
    void missingUnsetOrRelativeFilesAreRefusedNamingThem(@TempDir final Path dir) throws Exception {
        assertTrue(assertThrows(InvalidSettingsException.class, () -> new Probe().configure()).getMessage()
            .contains("No model file"));
        final String missing = dir.resolve("absent.zip").toString();
        final InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> new Probe().set(missing).configure());
        assertTrue(e.getMessage().contains(missing) && e.getMessage().contains("does not exist"), e.getMessage());
        assertThrows(InvalidSettingsException.class, () -> new Probe().set(missing).execute());
        final String msg = assertThrows(InvalidSettingsException.class,
            () -> new Probe().set("models/mal.zip").configure()).getMessage();
        assertTrue(msg.contains("\"models/mal.zip\" is relative") && msg.contains("knime://knime.workflow/"), msg);
    }

    @Test
    void configureReadsOnlyTheHeaderAndExecuteTheNetwork(@TempDir final Path dir) throws Exception {
        // the file cut before its network's parameters (after the header and the header's checksum, the first two
        // entries): configure has all it needs, the network is read only by execute
        final byte[] good = Files.readAllBytes(written(dir));
        int cut = -1;
        for (int i = 0, seen = 0; i < good.length - 3 && cut < 0; i++) {
            if (good[i] == 'P' && good[i + 1] == 'K' && good[i + 2] == 3 && good[i + 3] == 4 && seen++ == 2) {
                cut = i;
            }
        }
        assertTrue(cut > 0, "the model zip has a third entry");
        final Path headerOnly = Files.write(dir.resolve("header-only.zip"), Arrays.copyOf(good, cut));
        final Probe m = new Probe().set(headerOnly.toString());
        assertEquals(TinyModel.model().getSpec(), m.configure());
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, m::execute);
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains(headerOnly.toString()),
            e.getMessage());
    }

    @Test
    void foreignAndNewerFilesStopConfigureWithTheEnginesMessage(@TempDir final Path dir) throws Exception {
        final byte[] good = Files.readAllBytes(written(dir));
        final Path foreign = Files.writeString(dir.resolve("foreign.zip"), "hello, not a zip");
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> new Probe().set(foreign.toString()).configure());
        assertTrue(e.getMessage().contains("not a MAL model file"), e.getMessage());

        // the same model with a format version from the future
        final ByteArrayOutputStream newer = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(good));
                ZipOutputStream out = new ZipOutputStream(newer)) {
            for (ZipEntry z = in.getNextEntry(); z != null; z = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (z.getName().endsWith(".json")) {
                    data = new String(data, StandardCharsets.UTF_8)
                        .replaceFirst("\"formatVersion\"\\s*:\\s*\\d+", "\"formatVersion\" : 999")
                        .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(z.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        final Path future = Files.write(dir.resolve("future.zip"), newer.toByteArray());
        e = assertThrows(InvalidSettingsException.class, () -> new Probe().set(future.toString()).configure());
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void knimeUrlsRelativeToTheWorkflowAndRemoteOnesAreRead(@TempDir final Path dir) throws Exception {
        final Path workflow = Files.createDirectories(dir.resolve("workspace/MAL_Demo"));
        Files.createDirectories(dir.resolve("workspace/models"));
        ModelFile.write(TinyModel.model().getModel(), dir.resolve("workspace/models/mal.zip"));
        final String url = "knime://knime.workflow/../models/mal.zip";
        KnimeUrls.inWorkflow(workflow, () -> {
            final Probe m = new Probe().set(url);
            assertEquals(TinyModel.model().getSpec(), m.configure());
            assertEquals(TinyModel.model().getSpec(), ((MalModelPortObject)m.execute()).getSpec());
            final String absent = assertThrows(InvalidSettingsException.class,
                () -> new Probe().set("knime://knime.workflow/../models/other.zip").configure()).getMessage();
            assertTrue(absent.contains("does not exist") && absent.contains("knime://knime.workflow/../models/other.zip"),
                absent);
        });
        // outside a workflow, a workflow-relative URL cannot be resolved, and the message says which
        final String msg = assertThrows(InvalidSettingsException.class, () -> new Probe().set(url).configure())
            .getMessage();
        assertTrue(msg.contains(url), msg);

        // a mountpoint without local files: read through the URL's connection
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelFile.write(TinyModel.model().getModel(), bytes);
        KnimeUrls.putRemote("knime://hub/models/mal.zip", bytes.toByteArray());
        final Probe remote = new Probe().set("knime://hub/models/mal.zip");
        assertEquals(TinyModel.model().getSpec(), remote.configure());
        assertEquals(TinyModel.model().getSpec(), ((MalModelPortObject)remote.execute()).getSpec());
        final String gone = assertThrows(InvalidSettingsException.class,
            () -> new Probe().set("knime://hub/models/gone.zip").configure()).getMessage();
        assertTrue(gone.contains("knime://hub/models/gone.zip"), gone);
    }

    @Test
    void settingsRoundTripPortsDescriptionAndRelease01Settings() throws Exception {
        final Probe from = new Probe().set("/data/model.zip");
        final NodeSettings s = NodeTesting.roundTrip(from.settings(), new Probe().settings());
        assertEquals("/data/model.zip", s.getString("file"));
        assertEquals(0, from.inPorts());
        assertEquals(1, from.outPorts());
        NodeTesting.assertDescribed(MalModelReaderNodeFactory.class, s, 1);

        final NodeSettingsRO old = Fixtures.load(Fixtures.dir().resolve("nodes/MalModelReader.xml"))
            .getNodeSettings("model");
        assertEquals("/home/user/models/mal-model.zip",
            NodeTesting.reload(new Probe().settings(), old).getString("file"));
    }
}
