package org.malau.knime.predictor;

import org.knime.core.data.StringValue;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;
import org.malau.knime.common.EngineChoice;

/**
 * Dialog of the AU Predictor: the image column of the table (port 1) and the batch size, and the output column
 * settings of KNIME's predictors (prediction column name, probability columns and their suffix).
 */
public class AuPredictorNodeDialog extends DefaultNodeSettingsPane {
    // package-private so the tests can see that the name field follows the check box
    final SettingsModelBoolean m_changePrediction = AuPredictorNodeModel.createChangePredictionSettingsModel();
    final SettingsModelString m_predictionColumn = AuPredictorNodeModel.createPredictionColumnSettingsModel();

    /** Creates the dialog on the same settings models as the node model. */
    @SuppressWarnings("unchecked")
    protected AuPredictorNodeDialog() {
        addDialogComponent(new DialogComponentColumnNameSelection(AuPredictorNodeModel.createImageColumnSettingsModel(),
            "Image column (PNG images or absolute file paths)", 1, PNGImageValue.class, StringValue.class));
        addDialogComponent(new DialogComponentNumber(AuPredictorNodeModel.createBatchSizeSettingsModel(),
            "Batch size", 16));
        addDialogComponent(new DialogComponentButtonGroup(AuPredictorNodeModel.createEngineSettingsModel(),
            "Network engine", false, EngineChoice.values()));
        createNewGroup("Output columns");
        addDialogComponent(new DialogComponentBoolean(m_changePrediction, "Change prediction column name"));
        addDialogComponent(new DialogComponentString(m_predictionColumn, "Prediction column", true, 30));
        addDialogComponent(new DialogComponentBoolean(AuPredictorNodeModel.createAppendProbabilitiesSettingsModel(),
            "Append probability columns"));
        addDialogComponent(new DialogComponentString(AuPredictorNodeModel.createProbabilitySuffixSettingsModel(),
            "Suffix for probability columns", false, 15));
        closeCurrentGroup();
        m_changePrediction.addChangeListener(e -> m_predictionColumn.setEnabled(m_changePrediction.getBooleanValue()));
    }

    @Override
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        // a workflow saved before these settings loads their defaults; the name field follows its check box
        m_predictionColumn.setEnabled(m_changePrediction.getBooleanValue());
        super.loadAdditionalSettingsFrom(settings, specs);
    }
}
