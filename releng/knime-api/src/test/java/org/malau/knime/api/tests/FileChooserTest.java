package org.malau.knime.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;

import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JTextField;
import javax.swing.border.TitledBorder;

import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;

class FileChooserTest {

    private static <T extends Component> T find(final DialogComponentFileChooser c, final Class<T> type) {
        for (final Component child : c.getComponentPanel().getComponents()) {
            if (type.isInstance(child)) {
                return type.cast(child);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in the file chooser");
    }

    @Test
    void theFieldEditsTheModelBothWaysAndAnyTextIsAccepted() throws Exception {
        final SettingsModelString model = new SettingsModelString("location", "");
        final DialogComponentFileChooser chooser =
            new DialogComponentFileChooser(model, "history", JFileChooser.OPEN_DIALOG, false, ".csv");
        final DefaultNodeSettingsPane pane = new DefaultNodeSettingsPane();
        pane.addDialogComponent(chooser);

        final NodeSettings in = new NodeSettings("model");
        new SettingsModelString("location", "/data/set").saveSettingsTo(in);
        pane.loadSettingsFrom(in, new PortObjectSpec[0]);
        final JTextField field = find(chooser, JTextField.class);
        assertEquals("/data/set", field.getText());

        field.setText("/does/not/exist.csv");
        assertEquals("/does/not/exist.csv", model.getStringValue());
        final NodeSettings out = new NodeSettings("model");
        pane.saveSettingsTo(out);
        assertEquals("/does/not/exist.csv", out.getString("location"));
    }

    @Test
    void disablingTheModelDisablesFieldAndButton() {
        final SettingsModelString model = new SettingsModelString("location", "x");
        final DialogComponentFileChooser chooser = new DialogComponentFileChooser(model, "history", ".csv");
        model.setEnabled(false);
        assertFalse(find(chooser, JTextField.class).isEnabled());
        assertFalse(find(chooser, JButton.class).isEnabled());
        model.setEnabled(true);
        assertTrue(find(chooser, JButton.class).isEnabled());
    }

    @Test
    void theBorderNamesFileOrDirectoryAndCanBeRetitled() {
        final DialogComponentFileChooser dirs = new DialogComponentFileChooser(new SettingsModelString("d", ""), "h",
            JFileChooser.OPEN_DIALOG, true);
        assertEquals("Selected Directory:", ((TitledBorder)dirs.getComponentPanel().getBorder()).getTitle());
        dirs.setBorderTitle("Data set");
        assertEquals("Data set", ((TitledBorder)dirs.getComponentPanel().getBorder()).getTitle());
        dirs.setBorderTitle(null);
        assertEquals(null, dirs.getComponentPanel().getBorder());
        final DialogComponentFileChooser files = new DialogComponentFileChooser(new SettingsModelString("f", ""), "h",
            JFileChooser.OPEN_DIALOG, ".csv");
        assertNotNull(files.getComponentPanel().getBorder());
        assertEquals("Selected File:", ((TitledBorder)files.getComponentPanel().getBorder()).getTitle());
    }
}
