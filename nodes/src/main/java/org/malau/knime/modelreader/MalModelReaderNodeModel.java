package org.malau.knime.modelreader;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

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
import org.malau.knime.common.LocalPaths;
import org.malau.knime.common.ModelLocations;
import org.malau.knime.port.MalModelPortObject;
import org.malau.knime.port.MalModelPortObjectSpec;
import org.malau.model.MalModel;
import org.malau.model.ModelFile;

/**
 * Reads the engine's model file ({@link ModelFile}, as {@code ./mal train} and the MAL Model Writer write it) into a
 * MAL model port object. The file is a local path or a URL ({@code knime://} URLs included). Configure reads only the
 * file's header, for the spec; execute loads the network. A truncated, foreign, corrupted or newer file stops the
 * node with the engine's message.
 */
public class MalModelReaderNodeModel extends NodeModel {
    static final String CFG_FILE = "file";

    private static final String WHAT = "Model file";

    private final SettingsModelString m_file = createFileSettingsModel();

    /** No input, one MAL model output. */
    protected MalModelReaderNodeModel() {
        super(new PortType[0], new PortType[]{MalModelPortObject.TYPE});
    }

    static SettingsModelString createFileSettingsModel() {
        return new SettingsModelString(CFG_FILE, "");
    }

    /** The file's location, checked as far as a local file allows. */
    private LocalPaths.Location location() throws InvalidSettingsException {
        final LocalPaths.Location l = ModelLocations.locate(m_file.getStringValue(), WHAT);
        if (l.local() != null && !Files.isRegularFile(l.local())) {
            throw new InvalidSettingsException(WHAT + " \"" + l.local() + "\" does not exist or is no file"
                + (l.text().equals(l.local().toString()) ? "" : " (from " + l.text() + ")"));
        }
        return l;
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final LocalPaths.Location l = location();
        try (InputStream in = ModelLocations.open(l)) {
            return new PortObjectSpec[]{MalModelPortObjectSpec.of(ModelFile.readHeader(in, l.toString()))};
        } catch (IOException e) {
            throw new InvalidSettingsException(message(l, e), e);
        } catch (RuntimeException e) {
            throw new InvalidSettingsException(l + " cannot be read as a MAL model: " + e.getMessage(), e);
        }
    }

    /** The engine's messages name the file; other I/O errors get its name here. */
    private static String message(final LocalPaths.Location l, final IOException e) {
        final String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.contains(l.toString()) ? m : l + " cannot be read: " + m;
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final LocalPaths.Location l = location();
        exec.setProgress(0, "Reading " + l);
        final MalModel model;
        try {
            if (l.local() != null) {
                model = ModelFile.read(l.local());
            } else {
                try (InputStream in = ModelLocations.open(l)) {
                    model = ModelFile.read(in, l.toString());
                }
            }
        } catch (IOException e) {
            throw new InvalidSettingsException(message(l, e), e);
        } catch (RuntimeException e) {
            throw new InvalidSettingsException(l + " cannot be read as a MAL model: " + e.getMessage(), e);
        }
        exec.setProgress(1, "Read " + l);
        return new PortObject[]{new MalModelPortObject(model)};
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
