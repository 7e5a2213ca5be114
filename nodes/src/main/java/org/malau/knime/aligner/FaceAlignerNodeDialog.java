package org.malau.knime.aligner;

import javax.swing.JFileChooser;

import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentButtonGroup;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;

/** Dialog of the Face Aligner: image column, landmark source and columns, crop, faces, detector model. */
public class FaceAlignerNodeDialog extends DefaultNodeSettingsPane {
    /** KNIME keeps recently chosen locations per history id. */
    private static final String BASE_HISTORY_ID = "org.malau.knime.aligner.base";
    private static final String MODEL_HISTORY_ID = "org.malau.knime.aligner.model";

    // package-private so the tests can see which landmark columns are enabled
    final SettingsModelString m_source = FaceAlignerNodeModel.createLandmarkSourceSettingsModel();
    final SettingsModelString m_landmarks = FaceAlignerNodeModel.createLandmarksColumnSettingsModel();
    final SettingsModelString[] m_eyes = {FaceAlignerNodeModel.createEyeLeftXSettingsModel(),
        FaceAlignerNodeModel.createEyeLeftYSettingsModel(), FaceAlignerNodeModel.createEyeRightXSettingsModel(),
        FaceAlignerNodeModel.createEyeRightYSettingsModel()};

    /** Creates the dialog on the same settings models as the node model. */
    @SuppressWarnings("unchecked") // generic varargs of KNIME's column selection
    protected FaceAlignerNodeDialog() {
        addDialogComponent(new DialogComponentColumnNameSelection(FaceAlignerNodeModel.createImageColumnSettingsModel(),
            "Image column (PNG images or file paths)", 0, PNGImageValue.class, StringValue.class));
        final DialogComponentFileChooser base = new DialogComponentFileChooser(
            FaceAlignerNodeModel.createBaseFolderSettingsModel(), BASE_HISTORY_ID, JFileChooser.OPEN_DIALOG, true);
        base.setBorderTitle("Base folder for relative image paths (optional)");
        addDialogComponent(base);
        createNewGroup("Landmarks");
        addDialogComponent(new DialogComponentButtonGroup(m_source, "Landmark source", true, LandmarkSource.values()));
        // not required: the columns are needed only for their landmark source, and the input may lack them
        addDialogComponent(new DialogComponentColumnNameSelection(m_landmarks, "Landmarks column (x1;y1;x2;y2;...)", 0,
            false, StringValue.class));
        final String[] labels = {"Image-left eye x", "Image-left eye y", "Image-right eye x", "Image-right eye y"};
        for (int k = 0; k < 4; k++) {
            addDialogComponent(
                new DialogComponentColumnNameSelection(m_eyes[k], labels[k], 0, false, DoubleValue.class));
        }
        m_source.addChangeListener(e -> enableLandmarkColumns());
        enableLandmarkColumns();
        closeCurrentGroup();
        createNewGroup("Aligned crops");
        addDialogComponent(new DialogComponentNumber(FaceAlignerNodeModel.createSizeSettingsModel(),
            "Crop size (pixels)", 16));
        addDialogComponent(new DialogComponentBoolean(FaceAlignerNodeModel.createGreySettingsModel(),
            "Grayscale crops (otherwise color)"));
        addDialogComponent(new DialogComponentButtonGroup(FaceAlignerNodeModel.createModeSettingsModel(), "Faces", false,
            FaceChoice.values()));
        addDialogComponent(new DialogComponentBoolean(FaceAlignerNodeModel.createFilterNoFaceSettingsModel(),
            "Remove rows in which no face is found"));
        closeCurrentGroup();
        createNewGroup("Face detection");
        addDialogComponent(new DialogComponentButtonGroup(FaceAlignerNodeModel.createEyeMethodSettingsModel(),
            "Eye location (detected faces)", false, EyeChoice.values()));
        addDialogComponent(new DialogComponentBoolean(FaceAlignerNodeModel.createLandmarks68SettingsModel(),
            "Append the 68 landmarks (x1;y1;...; with 68 landmarks eye location)"));
        final DialogComponentFileChooser model = new DialogComponentFileChooser(
            FaceAlignerNodeModel.createDnnModelSettingsModel(), MODEL_HISTORY_ID, ".onnx");
        model.setBorderTitle("Face detector model, e.g. YuNet .onnx (optional; empty: Haar cascades)");
        addDialogComponent(model);
        closeCurrentGroup();
    }

    @Override
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        // loading restores each model's stored enabled status, which may predate the landmark source
        enableLandmarkColumns();
        super.loadAdditionalSettingsFrom(settings, specs);
    }

    private void enableLandmarkColumns() {
        final String source = m_source.getStringValue();
        m_landmarks.setEnabled(FaceAlignerNodeModel.SOURCE_LANDMARKS.equals(source));
        for (final SettingsModelString eye : m_eyes) {
            eye.setEnabled(FaceAlignerNodeModel.SOURCE_EYES.equals(source));
        }
    }
}
