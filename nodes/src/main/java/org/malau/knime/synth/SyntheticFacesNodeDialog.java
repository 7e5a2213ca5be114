package org.malau.knime.synth;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;

/** Dialog of the Synthetic FACS Faces node: the generator's configuration. */
public class SyntheticFacesNodeDialog extends DefaultNodeSettingsPane {

    /** Creates the dialog on the same settings models as the node model. */
    protected SyntheticFacesNodeDialog() {
        addDialogComponent(new DialogComponentNumber(SyntheticFacesNodeModel.createSeedSettingsModel(), "Seed", 1));
        createNewGroup("Subjects and faces");
        addDialogComponent(new DialogComponentNumber(SyntheticFacesNodeModel.createAuSubjectsSettingsModel(),
            "Subjects in the AU-labeled set", 1));
        addDialogComponent(new DialogComponentNumber(SyntheticFacesNodeModel.createFeSubjectsSettingsModel(),
            "Subjects in the expression-labeled set", 1));
        addDialogComponent(new DialogComponentNumber(SyntheticFacesNodeModel.createPerSubjectSettingsModel(),
            "Faces per subject", 1));
        closeCurrentGroup();
        createNewGroup("Expression label corruption");
        addDialogComponent(new DialogComponentNumber(SyntheticFacesNodeModel.createFeLabelNoiseSettingsModel(),
            "Fraction with a wrong expression label", 0.05));
        addDialogComponent(new DialogComponentNumber(SyntheticFacesNodeModel.createFeUnrelatedSettingsModel(),
            "Fraction without a usable face", 0.05));
        closeCurrentGroup();
        createNewGroup("Images");
        addDialogComponent(new DialogComponentNumber(SyntheticFacesNodeModel.createSizeSettingsModel(),
            "Image size (pixels)", 16));
        addDialogComponent(new DialogComponentBoolean(SyntheticFacesNodeModel.createNuisanceSettingsModel(),
            "Pose jitter, lighting, blur, noise and clutter"));
        closeCurrentGroup();
    }
}
