package org.malau.knime.weightviewer;

import org.knime.core.data.DoubleValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/**
 * Dialog of the Sample Weight Viewer: the weight table's columns (pickers filtered to their types; the optional ones
 * offer "none"), which set to show, and the thumbnails, in the two tabs of its description.
 */
public class SampleWeightViewerNodeDialog extends DefaultNodeSettingsPane {

    /** Creates the dialog on the same settings models as the node model. */
    @SuppressWarnings("unchecked") // generic varargs of KNIME's column selection
    protected SampleWeightViewerNodeDialog() {
        final int weights = SampleWeightViewerNodeModel.WEIGHT_PORT;
        createNewGroup("Samples");
        addDialogComponent(new DialogComponentColumnNameSelection(
            SampleWeightViewerNodeModel.createSetColumnSettingsModel(), "Set column", weights, false, true,
            StringValue.class));
        addDialogComponent(new DialogComponentString(SampleWeightViewerNodeModel.createSetValueSettingsModel(),
            "Set to show (empty: all rows)"));
        addDialogComponent(new DialogComponentColumnNameSelection(
            SampleWeightViewerNodeModel.createLabelColumnSettingsModel(), "Label column", weights,
            StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(
            SampleWeightViewerNodeModel.createCorruptionColumnSettingsModel(), "Corruption column (optional)",
            weights, false, true, StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(
            SampleWeightViewerNodeModel.createIdColumnSettingsModel(), "ID column (joins the image table's row IDs)",
            weights, false, true, StringValue.class));
        closeCurrentGroup();
        createNewGroup("Weights");
        addDialogComponent(new DialogComponentColumnNameSelection(
            SampleWeightViewerNodeModel.createEpochColumnSettingsModel(),
            "Epoch column (one row per sample and epoch)", weights, false, true, LongValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(
            SampleWeightViewerNodeModel.createWeightColumnSettingsModel(), "Weight column", weights, false, true,
            DoubleValue.class));
        addDialogComponent(new DialogComponentString(SampleWeightViewerNodeModel.createWeightPrefixSettingsModel(),
            "Weight column prefix (one column per epoch)"));
        closeCurrentGroup();

        createNewTab("Thumbnails");
        addDialogComponent(new DialogComponentNumber(SampleWeightViewerNodeModel.createThumbnailsSettingsModel(),
            "Thumbnails of the highest and of the lowest weights (0: none)", 1));
        // not required: the image table is optional
        addDialogComponent(new DialogComponentColumnNameSelection(
            SampleWeightViewerNodeModel.createImageColumnSettingsModel(), "Image table: image column",
            SampleWeightViewerNodeModel.IMAGE_PORT, false, PNGImageValue.class, StringValue.class));
    }
}
