package org.malau.knime.modelwriter;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
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
import org.knime.core.util.FileUtil;
import org.malau.knime.common.LocalPaths;
import org.malau.knime.common.ModelLocations;
import org.malau.knime.port.MalModelPortObject;
import org.malau.model.ModelFile;

/**
 * Writes a MAL model as the engine's model file ({@link ModelFile}), the same zip {@code ./mal predict} reads, to a
 * local path or a URL ({@code knime://} URLs included), as KNIME's own Model Writer does: a location with a local file
 * is written as that file (atomically, its folder created on request), any other URL through its connection. What
 * happens to an existing file is the overwrite policy's choice.
 */
public class MalModelWriterNodeModel extends NodeModel {
    static final String CFG_FILE = "file";

    static final String CFG_IF_EXISTS = "if_exists";

    static final String CFG_CREATE_FOLDERS = "create_folders";

    /** Release 0.1's setting, read from older workflows: true meant overwrite, false fail. */
    static final String CFG_OVERWRITE = "overwrite";

    private static final String WHAT = "Output file";

    private final SettingsModelString m_file = createFileSettingsModel();
    private final SettingsModelString m_ifExists = createIfExistsSettingsModel();
    private final SettingsModelBoolean m_createFolders = createCreateFoldersSettingsModel();

    /** One MAL model input, no output. */
    protected MalModelWriterNodeModel() {
        super(new PortType[]{MalModelPortObject.TYPE}, new PortType[0]);
    }

    static SettingsModelString createFileSettingsModel() {
        return new SettingsModelString(CFG_FILE, "");
    }

    static SettingsModelString createIfExistsSettingsModel() {
        return new SettingsModelString(CFG_IF_EXISTS, IfExists.FAIL.id());
    }

    static SettingsModelBoolean createCreateFoldersSettingsModel() {
        return new SettingsModelBoolean(CFG_CREATE_FOLDERS, false);
    }

    private IfExists ifExists() {
        return IfExists.of(m_ifExists.getStringValue());
    }

    /**
     * The target, checked as far as a local file allows: not a folder, its folder existing unless it may be created,
     * not existing when the policy is to fail. A remote URL is checked when it is written.
     */
    private LocalPaths.Location target() throws InvalidSettingsException {
        final LocalPaths.Location l = ModelLocations.locate(m_file.getStringValue(), WHAT);
        final Path p = l.local();
        if (p == null) {
            return l;
        }
        if (Files.isDirectory(p)) {
            throw new InvalidSettingsException(WHAT + " \"" + p + "\" is a folder");
        }
        if (p.getParent() != null && !Files.isDirectory(p.getParent()) && !m_createFolders.getBooleanValue()) {
            throw new InvalidSettingsException("The folder of the output file \"" + p
                + "\" does not exist; create it or check \"Create missing folders\"");
        }
        if (Files.exists(p) && ifExists() == IfExists.FAIL) {
            throw new InvalidSettingsException(WHAT + " \"" + p + "\" exists and the policy is to fail; choose "
                + "\"Overwrite\" or \"Ignore\", or another file");
        }
        return l;
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final LocalPaths.Location l = target();
        if (l.local() != null && Files.exists(l.local())) {
            setWarningMessage(WHAT + " \"" + l.local() + "\" exists and will be "
                + (ifExists() == IfExists.OVERWRITE ? "overwritten" : "kept: nothing is written"));
        }
        return new PortObjectSpec[0];
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final LocalPaths.Location l = target();
        exec.checkCanceled();
        final MalModelPortObject model = (MalModelPortObject)inObjects[0];
        final Path p = l.local();
        if (p != null && Files.exists(p) && ifExists() == IfExists.IGNORE) {
            setWarningMessage(WHAT + " \"" + p + "\" exists and was kept: nothing was written");
            return new PortObject[0];
        }
        exec.setProgress(0, "Writing " + l);
        if (p != null) {
            if (p.getParent() != null) {
                Files.createDirectories(p.getParent());
            }
            ModelFile.write(model.getModel(), p);
        } else {
            try (OutputStream out = FileUtil.openOutputConnection(l.url(), "PUT").getOutputStream()) {
                ModelFile.write(model.getModel(), out);
            }
        }
        exec.setProgress(1, "Wrote " + l);
        return new PortObject[0];
    }

    @Override
    protected void reset() {
        // nothing is cached between executions
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_file.saveSettingsTo(settings);
        m_ifExists.saveSettingsTo(settings);
        m_createFolders.saveSettingsTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_file.validateSettings(settings);
        if (settings.containsKey(CFG_IF_EXISTS)) {
            final SettingsModelString policy = createIfExistsSettingsModel();
            policy.loadSettingsFrom(settings);
            if (IfExists.of(policy.getStringValue()) == null) {
                throw new InvalidSettingsException("If the file exists: \"" + policy.getStringValue()
                    + "\" is none of \"fail\", \"overwrite\", \"ignore\"");
            }
        } else {
            settings.getBoolean(CFG_OVERWRITE);
        }
        if (settings.containsKey(CFG_CREATE_FOLDERS)) {
            m_createFolders.validateSettings(settings);
        }
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_file.loadSettingsFrom(settings);
        if (settings.containsKey(CFG_IF_EXISTS)) {
            m_ifExists.loadSettingsFrom(settings);
        } else {
            // a workflow of release 0.1: its overwrite check box
            m_ifExists.setStringValue(
                (settings.getBoolean(CFG_OVERWRITE) ? IfExists.OVERWRITE : IfExists.FAIL).id());
        }
        if (settings.containsKey(CFG_CREATE_FOLDERS)) {
            m_createFolders.loadSettingsFrom(settings);
        } else {
            m_createFolders.setBooleanValue(false);
        }
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
