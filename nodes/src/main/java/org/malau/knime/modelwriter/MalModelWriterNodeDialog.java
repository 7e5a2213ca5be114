package org.malau.knime.modelwriter;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;

/** Dialog of the MAL Model Writer: the output file, what to do when it exists, and whether to create its folder. */
public class MalModelWriterNodeDialog extends DefaultNodeSettingsPane {
    private static final String HISTORY_ID = "org.malau.knime.model.file";

    /** Creates the dialog on the same settings models as the node model. */
    protected MalModelWriterNodeDialog() {
        final DialogComponentFileChooser file = new DialogComponentFileChooser(
            MalModelWriterNodeModel.createFileSettingsModel(), HISTORY_ID, JFileChooser.SAVE_DIALOG, ".zip");
        file.setBorderTitle("Output file");
        addDialogComponent(file);
        addDialogComponent(new DialogComponentButtonGroup(MalModelWriterNodeModel.createIfExistsSettingsModel(),
            "If the file exists", false, IfExists.values()));
        addDialogComponent(new DialogComponentBoolean(MalModelWriterNodeModel.createCreateFoldersSettingsModel(),
            "Create missing folders"));
    }
}
