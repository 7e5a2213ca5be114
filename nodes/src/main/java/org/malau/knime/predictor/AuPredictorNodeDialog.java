package org.malau.knime.predictor;

import org.knime.core.data.StringValue;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;

/** Dialog of the AU Predictor: the image column of the table (port 1) and the batch size. */
public class AuPredictorNodeDialog extends DefaultNodeSettingsPane {

    /** Creates the dialog on the same settings models as the node model. */
    @SuppressWarnings("unchecked")
    protected AuPredictorNodeDialog() {
        addDialogComponent(new DialogComponentColumnNameSelection(AuPredictorNodeModel.createImageColumnSettingsModel(),
            "Image column (PNG images or absolute file paths)", 1, PNGImageValue.class, StringValue.class));
        addDialogComponent(new DialogComponentNumber(AuPredictorNodeModel.createBatchSizeSettingsModel(),
            "Batch size", 16));
    }
}
