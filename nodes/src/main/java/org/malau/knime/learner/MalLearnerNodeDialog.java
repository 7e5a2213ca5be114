package org.malau.knime.learner;

import org.knime.core.data.StringValue;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.malau.knime.common.EngineChoice;
import org.malau.knime.common.StrategyChoice;
import org.malau.knime.common.WeightTable;

/**
 * Dialog of the MAL Learner, one tab per part of its description: the columns (the AU columns in KNIME's column
 * filter), the method and network, the training settings, and the layout of the sample-weight table. The meta table
 * has no settings of its own: it has the AU table's columns.
 */
public class MalLearnerNodeDialog extends DefaultNodeSettingsPane {

    /** Creates the dialog on the same settings models as the node model. */
    @SuppressWarnings("unchecked") // generic varargs of KNIME's column selection
    protected MalLearnerNodeDialog() {
        setDefaultTabTitle("Columns");
        addDialogComponent(new DialogComponentColumnNameSelection(
            MalLearnerNodeModel.createAuImageColumnSettingsModel(), "AU table: image column (PNG images or paths)",
            MalLearnerNodeModel.AU_PORT, PNGImageValue.class, StringValue.class));
        final DialogComponentColumnFilter2 auColumns =
            new DialogComponentColumnFilter2(MalLearnerNodeModel.createAuColumnsSettingsModel(), MalLearnerNodeModel.AU_PORT);
        auColumns.setIncludeTitle("AU columns");
        auColumns.setExcludeTitle("Other number columns");
        addDialogComponent(auColumns);
        // not required: the expression table is optional
        addDialogComponent(new DialogComponentColumnNameSelection(
            MalLearnerNodeModel.createFeImageColumnSettingsModel(), "Expression table: image column",
            MalLearnerNodeModel.FE_PORT, false, PNGImageValue.class, StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(
            MalLearnerNodeModel.createExpressionColumnSettingsModel(), "Expression table: expression column",
            MalLearnerNodeModel.FE_PORT, false, StringValue.class));

        createNewTab("Method and network");
        addDialogComponent(new DialogComponentButtonGroup(MalLearnerNodeModel.createInitialisationSettingsModel(),
            "Network", true, NetworkChoice.values()));
        addDialogComponent(new DialogComponentButtonGroup(MalLearnerNodeModel.createStrategySettingsModel(),
            "Strategy", true, StrategyChoice.values()));
        addDialogComponent(new DialogComponentButtonGroup(MalLearnerNodeModel.createMalVariantSettingsModel(),
            "MAL variant (strategy mal)", true, MalVariantChoice.values()));
        addDialogComponent(new DialogComponentButtonGroup(MalLearnerNodeModel.createEngineSettingsModel(),
            "Network engine", false, EngineChoice.values()));
        addDialogComponent(new DialogComponentNumber(MalLearnerNodeModel.createInputSizeSettingsModel(),
            "Network input size (pixels)", 8));
        addDialogComponent(new DialogComponentNumber(MalLearnerNodeModel.createWidthSettingsModel(),
            "Network width (channels of the first conv block)", 4));

        createNewTab("Training");
        addDialogComponent(new DialogComponentNumber(MalLearnerNodeModel.createEpochsSettingsModel(),
            "Epochs (0: set by the number of faces)", 1));
        addDialogComponent(new DialogComponentNumber(MalLearnerNodeModel.createAuBatchSettingsModel(),
            "AU batch size", 8));
        addDialogComponent(new DialogComponentNumber(MalLearnerNodeModel.createFeBatchSettingsModel(),
            "Expression batch size", 8));
        addDialogComponent(new DialogComponentNumber(MalLearnerNodeModel.createMetaBatchSettingsModel(),
            "Meta batch size", 8));
        addDialogComponent(new DialogComponentNumber(MalLearnerNodeModel.createLearningRateSettingsModel(),
            "Learning rate", 1e-4));
        addDialogComponent(new DialogComponentNumber(MalLearnerNodeModel.createMetaLearningRateSettingsModel(),
            "Meta-net learning rate", 1e-4));
        addDialogComponent(new DialogComponentNumber(MalLearnerNodeModel.createMetaFractionSettingsModel(),
            "Meta split fraction of the AU data", 0.05));
        addDialogComponent(new DialogComponentNumber(MalLearnerNodeModel.createSeedSettingsModel(), "Seed", 1));

        createNewTab("Sample weights");
        addDialogComponent(new DialogComponentButtonGroup(MalLearnerNodeModel.createWeightLayoutSettingsModel(),
            "Weight table layout", true, WeightTable.Layout.values()));
        addDialogComponent(new DialogComponentNumber(MalLearnerNodeModel.createWeightMaxColumnsSettingsModel(),
            "Wide layout: most weight columns", 10));
    }
}
