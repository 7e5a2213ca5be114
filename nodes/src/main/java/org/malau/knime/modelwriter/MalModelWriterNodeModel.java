package org.malau.knime.modelwriter;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.malau.knime.port.MalModelPortObject;
import org.malau.model.ModelFile;

/**
 * Writes a MAL model as the engine's model file ({@link ModelFile}), the same zip {@code ./mal predict}
 * reads; an existing file is replaced only when overwriting is allowed.
 */
public class MalModelWriterNodeModel extends NodeModel {
    static final String CFG_FILE = "file";

    static final String CFG_OVERWRITE = "overwrite";

    private final SettingsModelString m_file = createFileSettingsModel();
    private final SettingsModelBoolean m_overwrite = createOverwriteSettingsModel();

    /** One MAL model input, no output. */
    protected MalModelWriterNodeModel() {
        super(new PortType[]{MalModelPortObject.TYPE}, new PortType[0]);
    }

    static SettingsModelString createFileSettingsModel() {
        return new SettingsModelString(CFG_FILE, "");
    }

    static SettingsModelBoolean createOverwriteSettingsModel() {
        return new SettingsModelBoolean(CFG_OVERWRITE, false);
    }

    /** The target file, checked: set, absolute, its folder existing, not existing unless overwriting. */
    private Path target() throws InvalidSettingsException {
        final String s = m_file.getStringValue() == null ? "" : m_file.getStringValue().trim();
        if (s.isEmpty()) {
            throw new InvalidSettingsException("No output file set; choose where to write the MAL model (.zip)");
        }
        final Path p;
        try {
            p = Path.of(s);
        } catch (InvalidPathException e) {
            throw new InvalidSettingsException("\"" + s + "\" is no valid path", e);
        }
        if (!p.isAbsolute()) {
            throw new InvalidSettingsException("Output file \"" + s + "\" is relative; use an absolute path");
        }
        if (Files.isDirectory(p)) {
            throw new InvalidSettingsException("Output file \"" + p + "\" is a folder");
        }
        if (p.getParent() != null && !Files.isDirectory(p.getParent())) {
            throw new InvalidSettingsException("The folder of the output file \"" + p + "\" does not exist");
        }
        if (Files.exists(p) && !m_overwrite.getBooleanValue()) {
            throw new InvalidSettingsException("Output file \"" + p
                + "\" exists and overwriting is off; allow overwriting or choose another file");
        }
        return p;
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final Path p = target();
        if (Files.exists(p)) {
            setWarningMessage("Output file \"" + p + "\" exists and will be overwritten");
        }
        return new PortObjectSpec[0];
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final Path p = target();
        exec.checkCanceled();
        exec.setProgress(0, "Writing " + p);
        ModelFile.write(((MalModelPortObject)inObjects[0]).getModel(), p);
        exec.setProgress(1, "Wrote " + p);
        return new PortObject[0];
    }

    @Override
    protected void reset() {
        // nothing is cached between executions
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_file.saveSettingsTo(settings);
        m_overwrite.saveSettingsTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_file.validateSettings(settings);
        m_overwrite.validateSettings(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_file.loadSettingsFrom(settings);
        m_overwrite.loadSettingsFrom(settings);
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // the written file is all there is
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // the written file is all there is
    }
}
