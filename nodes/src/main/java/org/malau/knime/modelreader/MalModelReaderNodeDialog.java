package org.malau.knime.modelreader;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;

/** Dialog of the MAL Model Reader: the model file. */
public class MalModelReaderNodeDialog extends DefaultNodeSettingsPane {
    private static final String HISTORY_ID = "org.malau.knime.model.file";

    /** Creates the dialog on the same settings models as the node model. */
    protected MalModelReaderNodeDialog() {
        final DialogComponentFileChooser file = new DialogComponentFileChooser(
            MalModelReaderNodeModel.createFileSettingsModel(), HISTORY_ID, JFileChooser.OPEN_DIALOG, ".zip");
        file.setBorderTitle("Model file");
        addDialogComponent(file);
    }
}
