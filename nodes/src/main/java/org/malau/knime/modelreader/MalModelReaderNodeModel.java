package org.malau.knime.modelreader;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.malau.knime.port.MalModelPortObject;
import org.malau.knime.port.MalModelPortObjectSpec;
import org.malau.model.MalModel;
import org.malau.model.ModelFile;

/**
 * Reads the engine's model file ({@link ModelFile}, as {@code ./mal train} and the MAL Model Writer
 * write it) into a MAL model port object. A truncated, foreign or newer file stops the node with the
 * engine's message.
 */
public class MalModelReaderNodeModel extends NodeModel {
    static final String CFG_FILE = "file";

    private final SettingsModelString m_file = createFileSettingsModel();

    /** No input, one MAL model output. */
    protected MalModelReaderNodeModel() {
        super(new PortType[0], new PortType[]{MalModelPortObject.TYPE});
    }

    static SettingsModelString createFileSettingsModel() {
        return new SettingsModelString(CFG_FILE, "");
    }

    private Path file() throws InvalidSettingsException {
        final String s = m_file.getStringValue() == null ? "" : m_file.getStringValue().trim();
        if (s.isEmpty()) {
            throw new InvalidSettingsException("No model file set; choose a MAL model file (.zip)");
        }
        final Path p;
        try {
            p = Path.of(s);
        } catch (InvalidPathException e) {
            throw new InvalidSettingsException("\"" + s + "\" is no valid path", e);
        }
        if (!Files.isRegularFile(p)) {
            throw new InvalidSettingsException("Model file \"" + p + "\" does not exist or is no file");
        }
        return p;
    }

    /** The model in {@code p}; the engine's message (truncated, foreign, newer format) when it cannot be read. */
    private static MalModel read(final Path p) throws InvalidSettingsException {
        try {
            return ModelFile.read(p);
        } catch (IOException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new InvalidSettingsException(p + " cannot be read as a MAL model: " + e.getMessage(), e);
        }
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        return new PortObjectSpec[]{MalModelPortObjectSpec.of(read(file()).header())};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final Path p = file();
        exec.setProgress(0, "Reading " + p);
        final MalModelPortObject out = new MalModelPortObject(read(p));
        exec.setProgress(1, "Read " + p);
        return new PortObject[]{out};
    }

    @Override
    protected void reset() {
        // nothing is cached between executions
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_file.saveSettingsTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_file.validateSettings(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_file.loadSettingsFrom(settings);
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // the model is the output port object; KNIME saves it
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // the model is the output port object; KNIME saves it
    }
}
