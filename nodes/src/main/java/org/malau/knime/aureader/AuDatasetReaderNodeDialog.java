package org.malau.knime.aureader;

import javax.swing.JFileChooser;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.malau.knime.common.DatasetSettings;
import org.malau.knime.common.MissingImagesChoice;

/** Dialog of the AU Data Set Reader: format, location, AU list, image layout, missing-image policy. */
public class AuDatasetReaderNodeDialog extends DefaultNodeSettingsPane {
    /** KNIME keeps recently chosen locations per history id. */
    private static final String HISTORY_ID = "org.malau.knime.aureader.location";

    /** Creates the dialog on the same settings models as the node model. */
    protected AuDatasetReaderNodeDialog() {
        addDialogComponent(new DialogComponentButtonGroup(AuDatasetReaderNodeModel.createFormatSettingsModel(),
            "Data set format", false, DatasetSettings.formatChoices(AuDatasetReaderNodeModel.FORMATS)));
        // files and folders both, because BP4D and DISFA are folders and a generic CSV is a file
        final DialogComponentFileChooser location = new DialogComponentFileChooser(
            AuDatasetReaderNodeModel.createLocationSettingsModel(), HISTORY_ID, JFileChooser.OPEN_DIALOG, false, ".csv");
        location.setBorderTitle("Data set folder (BP4D, DISFA) or CSV file (generic CSV)");
        addDialogComponent(location);
        addDialogComponent(new DialogComponentString(AuDatasetReaderNodeModel.createAuCodesSettingsModel(),
            "AU codes (empty: the format's default list; required for generic CSV)", false, 30));
        addDialogComponent(new DialogComponentBoolean(AuDatasetReaderNodeModel.createAuIntensitiesSettingsModel(),
            "Generic CSV: AU columns hold 0-5 intensities"));
        createNewGroup("Images");
        addDialogComponent(new DialogComponentString(AuDatasetReaderNodeModel.createImagePatternSettingsModel(),
            "Image path pattern (empty: the format's default layouts)", false, 40));
        addDialogComponent(new DialogComponentButtonGroup(AuDatasetReaderNodeModel.createMissingImagesSettingsModel(),
            "If an image file is missing", false, MissingImagesChoice.values()));
        closeCurrentGroup();
    }
}
