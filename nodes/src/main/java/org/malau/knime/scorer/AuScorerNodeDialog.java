package org.malau.knime.scorer;

import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/**
 * Dialog of the AU Scorer: the truth and prediction AU columns in KNIME's column filters (number columns only), the
 * optional expression columns, and the prefix of the flow variables.
 */
public class AuScorerNodeDialog extends DefaultNodeSettingsPane {

    /** Creates the dialog on the same settings models as the node model. */
    @SuppressWarnings("unchecked") // generic varargs of KNIME's column selection
    protected AuScorerNodeDialog() {
        setDefaultTabTitle("AU columns");
        final DialogComponentColumnFilter2 truth =
            new DialogComponentColumnFilter2(AuScorerNodeModel.createTruthColumnsSettingsModel(), 0);
        truth.setIncludeTitle("Truth AU columns");
        truth.setExcludeTitle("Not truth columns");
        addDialogComponent(truth);
        final DialogComponentColumnFilter2 predicted =
            new DialogComponentColumnFilter2(AuScorerNodeModel.createPredictionColumnsSettingsModel(), 0);
        predicted.setIncludeTitle("Prediction AU columns");
        predicted.setExcludeTitle("Not prediction columns");
        addDialogComponent(predicted);

        createNewTab("Expressions and flow variables");
        // not required, with "none": expressions are scored only when both are chosen
        addDialogComponent(new DialogComponentColumnNameSelection(
            AuScorerNodeModel.createExpressionTruthSettingsModel(), "Expression truth column", 0, false, true,
            StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(
            AuScorerNodeModel.createExpressionPredictionSettingsModel(), "Expression prediction column", 0, false,
            true, StringValue.class));
        addDialogComponent(new DialogComponentString(AuScorerNodeModel.createVariablePrefixSettingsModel(),
            "Prefix of the flow variables", false, 15));
    }
}
