package org.malau.knime.fereader;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.malau.knime.common.DatasetSettings;
import org.malau.knime.common.MissingImagesChoice;

/** Dialog of the Expression Data Set Reader. */
public class ExpressionDatasetReaderNodeDialog extends DefaultNodeSettingsPane {
    /** KNIME keeps recently chosen locations per history id. */
    private static final String HISTORY_ID = "org.malau.knime.fereader.location";
    private static final String PNG_HISTORY_ID = "org.malau.knime.fereader.pngfolder";

    /** Creates the dialog on the same settings models as the node model. */
    protected ExpressionDatasetReaderNodeDialog() {
        addDialogComponent(new DialogComponentButtonGroup(
            ExpressionDatasetReaderNodeModel.createFormatSettingsModel(), "Data set format", false,
            DatasetSettings.formatChoices(ExpressionDatasetReaderNodeModel.FORMATS)));
        // files and folders both: RAF-DB and AffectNet are folders, FER2013 and a generic CSV are files
        final DialogComponentFileChooser location = new DialogComponentFileChooser(
            ExpressionDatasetReaderNodeModel.createLocationSettingsModel(), HISTORY_ID, JFileChooser.OPEN_DIALOG, false,
            ".csv");
        location.setBorderTitle("Data set folder, or CSV file (FER2013, generic CSV)");
        addDialogComponent(location);
        addDialogComponent(new DialogComponentString(ExpressionDatasetReaderNodeModel.createPartitionSettingsModel(),
            "Partition (empty: all; RAF-DB train/test, AffectNet training/validation, FER2013 Usage)", false, 15));
        addDialogComponent(new DialogComponentBoolean(
            ExpressionDatasetReaderNodeModel.createKeepNonExpressionsSettingsModel(),
            "AffectNet: keep None/Uncertain/No-Face images with a missing expression"));
        createNewGroup("Images");
        addDialogComponent(new DialogComponentString(ExpressionDatasetReaderNodeModel.createImagePatternSettingsModel(),
            "Image path pattern (empty: the format's default layouts)", false, 40));
        addDialogComponent(new DialogComponentButtonGroup(
            ExpressionDatasetReaderNodeModel.createMissingImagesSettingsModel(), "If an image file is missing", false,
            MissingImagesChoice.values()));
        final DialogComponentFileChooser pngFolder = new DialogComponentFileChooser(
            ExpressionDatasetReaderNodeModel.createPngFolderSettingsModel(), PNG_HISTORY_ID, JFileChooser.OPEN_DIALOG, true);
        pngFolder.setBorderTitle("FER2013: folder for pixel images (empty: fer2013_png beside the CSV)");
        addDialogComponent(pngFolder);
        closeCurrentGroup();
    }
}
