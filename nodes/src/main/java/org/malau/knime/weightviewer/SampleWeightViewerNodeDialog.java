package org.malau.knime.weightviewer;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of the Sample Weight Viewer: the weight table's column names and which set to show. */
public class SampleWeightViewerNodeDialog extends DefaultNodeSettingsPane {

    /** Creates the dialog on the same settings models as the node model. */
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
    }
}
