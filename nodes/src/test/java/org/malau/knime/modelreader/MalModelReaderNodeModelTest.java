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
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.malau.knime.port.MalModelPortObject;
import org.malau.knime.port.MalModelPortObjectSpec;
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
        assertArrayEqualsThresholds(model);
    }

    private static void assertArrayEqualsThresholds(final MalModelPortObject model) throws Exception {
        assertTrue(Arrays.equals(TinyModel.model().getModel().header().thresholds(),
            model.getModel().header().thresholds()));
    }

    @Test
    void missingOrUnsetFileIsRefusedNamingIt(@TempDir final Path dir) throws Exception {
        assertTrue(assertThrows(InvalidSettingsException.class, () -> new Probe().configure()).getMessage()
            .contains("No model file"));
        final String missing = dir.resolve("absent.zip").toString();
        final InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> new Probe().set(missing).configure());
        assertTrue(e.getMessage().contains(missing) && e.getMessage().contains("does not exist"), e.getMessage());
        assertThrows(InvalidSettingsException.class, () -> new Probe().set(missing).execute());
    }

    @Test
    void truncatedForeignAndNewerFilesGiveTheEnginesMessage(@TempDir final Path dir) throws Exception {
        final byte[] good = Files.readAllBytes(written(dir));
        final Path truncated = Files.write(dir.resolve("truncated.zip"), Arrays.copyOf(good, good.length / 2));
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> new Probe().set(truncated.toString()).configure());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> new Probe().set(truncated.toString()).execute());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());

        final Path foreign = Files.writeString(dir.resolve("foreign.zip"), "hello, not a zip");
        e = assertThrows(InvalidSettingsException.class, () -> new Probe().set(foreign.toString()).configure());
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
    void settingsRoundTripPortsAndDescription() throws Exception {
        final Probe from = new Probe().set("/data/model.zip");
        final NodeSettings s = NodeTesting.roundTrip(from.settings(), new Probe().settings());
        assertEquals("/data/model.zip", s.getString("file"));
        assertEquals(0, from.inPorts());
        assertEquals(1, from.outPorts());
        NodeTesting.assertDescribed(MalModelReaderNodeFactory.class, s, 1);
    }
}
