package org.malau.knime.learner;

import org.knime.core.data.StringValue;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.malau.train.Strategies;

/**
 * Dialog of the MAL Learner: columns, strategy, network and training settings. The AU columns are a
 * comma-separated list (empty: every {@code AU<number>} column), because the API subset has no column filter.
 */
public class MalLearnerNodeDialog extends DefaultNodeSettingsPane {

    /** Creates the dialog on the same settings models as the node model. */
    @SuppressWarnings("unchecked") // generic varargs of KNIME's column selection
    protected MalLearnerNodeDialog() {
        createNewGroup("Columns");
        addDialogComponent(new DialogComponentColumnNameSelection(
            MalLearnerNodeModel.createAuImageColumnSettingsModel(), "AU table: image column (PNG images or paths)",
            MalLearnerNodeModel.AU_PORT, PNGImageValue.class, StringValue.class));
        addDialogComponent(new DialogComponentString(MalLearnerNodeModel.createAuColumnsSettingsModel(),
            "AU columns (comma-separated; empty = all AU01, AU02, ...)"));
        // not required: the expression table is optional
        addDialogComponent(new DialogComponentColumnNameSelection(
            MalLearnerNodeModel.createFeImageColumnSettingsModel(), "Expression table: image column",
            MalLearnerNodeModel.FE_PORT, false, PNGImageValue.class, StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(
            MalLearnerNodeModel.createExpressionColumnSettingsModel(), "Expression table: expression column",
            MalLearnerNodeModel.FE_PORT, false, StringValue.class));
        closeCurrentGroup();
        createNewGroup("Method and network");
        addDialogComponent(new DialogComponentStringSelection(MalLearnerNodeModel.createStrategySettingsModel(),
            "Strategy", Strategies.NAMES));
        addDialogComponent(new DialogComponentNumber(MalLearnerNodeModel.createInputSizeSettingsModel(),
            "Network input size (pixels)", 8));
        addDialogComponent(new DialogComponentNumber(MalLearnerNodeModel.createWidthSettingsModel(),
            "Network width (channels of the first conv block)", 4));
        closeCurrentGroup();
        createNewGroup("Training");
        addDialogComponent(new DialogComponentNumber(MalLearnerNodeModel.createEpochsSettingsModel(), "Epochs", 1));
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
        closeCurrentGroup();
    }
}
