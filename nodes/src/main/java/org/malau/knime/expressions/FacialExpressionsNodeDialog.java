package org.malau.knime.expressions;

import org.knime.core.data.StringValue;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;

/** Dialog of the Facial Expressions node: the image column. */
public class FacialExpressionsNodeDialog extends DefaultNodeSettingsPane {

    /** Creates the dialog on the same settings model as the node model. */
    @SuppressWarnings("unchecked")
    protected FacialExpressionsNodeDialog() {
        addDialogComponent(new DialogComponentColumnNameSelection(
            FacialExpressionsNodeModel.createImageColumnSettingsModel(),
            "Image column (aligned faces: PNG images or absolute file paths)", 0, PNGImageValue.class, StringValue.class));
    }
}
