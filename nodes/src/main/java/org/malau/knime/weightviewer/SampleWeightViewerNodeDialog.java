package org.malau.knime.weightviewer;

import org.knime.core.data.StringValue;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of the Sample Weight Viewer: the weight table's column names, which set to show and the thumbnails. */
public class SampleWeightViewerNodeDialog extends DefaultNodeSettingsPane {

    /** Creates the dialog on the same settings models as the node model. */
    @SuppressWarnings("unchecked") // generic varargs of KNIME's column selection
    protected SampleWeightViewerNodeDialog() {
        createNewGroup("Samples");
        addDialogComponent(new DialogComponentString(SampleWeightViewerNodeModel.createSetColumnSettingsModel(),
            "Set column"));
        addDialogComponent(new DialogComponentString(SampleWeightViewerNodeModel.createSetValueSettingsModel(),
            "Set to show (empty: all rows)"));
        closeCurrentGroup();
        createNewGroup("Columns");
        addDialogComponent(new DialogComponentString(SampleWeightViewerNodeModel.createLabelColumnSettingsModel(),
            "Label column"));
        addDialogComponent(new DialogComponentString(
            SampleWeightViewerNodeModel.createCorruptionColumnSettingsModel(), "Corruption column (optional)"));
        addDialogComponent(new DialogComponentString(SampleWeightViewerNodeModel.createWeightPrefixSettingsModel(),
            "Weight column prefix (followed by the epoch number)"));
        closeCurrentGroup();
        createNewGroup("Thumbnails");
        addDialogComponent(new DialogComponentNumber(SampleWeightViewerNodeModel.createThumbnailsSettingsModel(),
            "Thumbnails of the highest and of the lowest weights (0: none)", 1));
        addDialogComponent(new DialogComponentString(SampleWeightViewerNodeModel.createIdColumnSettingsModel(),
            "ID column (joins the image table's row IDs)"));
        // not required: the image table is optional
        addDialogComponent(new DialogComponentColumnNameSelection(
            SampleWeightViewerNodeModel.createImageColumnSettingsModel(), "Image table: image column",
            SampleWeightViewerNodeModel.IMAGE_PORT, false, PNGImageValue.class, StringValue.class));
        closeCurrentGroup();
    }
}
