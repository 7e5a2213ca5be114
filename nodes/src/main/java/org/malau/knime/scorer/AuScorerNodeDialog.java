package org.malau.knime.scorer;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Dialog of the AU Scorer: how truth and prediction column names wrap the AU code. */
public class AuScorerNodeDialog extends DefaultNodeSettingsPane {

    /** Creates the dialog on the same settings models as the node model. */
    protected AuScorerNodeDialog() {
        createNewGroup("Truth columns (<prefix>AU01<suffix>)");
        addDialogComponent(new DialogComponentString(AuScorerNodeModel.createTruthPrefixSettingsModel(),
            "Truth column prefix"));
        addDialogComponent(new DialogComponentString(AuScorerNodeModel.createTruthSuffixSettingsModel(),
            "Truth column suffix"));
        closeCurrentGroup();
        createNewGroup("Prediction columns (<prefix>AU01<suffix>)");
        addDialogComponent(new DialogComponentString(AuScorerNodeModel.createPredictionPrefixSettingsModel(),
            "Prediction column prefix"));
        addDialogComponent(new DialogComponentString(AuScorerNodeModel.createPredictionSuffixSettingsModel(),
            "Prediction column suffix"));
        closeCurrentGroup();
    }
}
