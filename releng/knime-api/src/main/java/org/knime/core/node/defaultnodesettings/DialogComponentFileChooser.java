package org.knime.core.node.defaultnodesettings;

import java.io.File;
import java.util.Arrays;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.filechooser.FileNameExtensionFilter;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Compile-only subset of KNIME's {@code DialogComponentFileChooser}; semantics implemented in memory for tests: a
 * titled text field that edits a {@link SettingsModelString} and a "Browse..." button that opens a
 * {@link JFileChooser} (directories only, or files and directories, as in KNIME). The file history, flow variables,
 * remote URLs and location validation of KNIME's component are not modelled; like KNIME's, it accepts any text.
 */
public class DialogComponentFileChooser extends DialogComponent {

    private final JTextField m_pathField;

    private final JButton m_browse;

    private final int m_dialogType;

    private final boolean m_directoryOnly;

    private final String[] m_extensions;

    /**
     * An open dialog for files and directories.
     *
     * @param stringModel the model holding the path
     * @param historyID the id of the file history (not modelled)
     * @param validExtensions file extensions offered as a filter, e.g. {@code .csv}
     */
    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final String... validExtensions) {
        this(stringModel, historyID, JFileChooser.OPEN_DIALOG, validExtensions);
    }

    /**
     * @param stringModel the model holding the path
     * @param historyID the id of the file history (not modelled)
     * @param dialogType {@link JFileChooser#OPEN_DIALOG} or {@link JFileChooser#SAVE_DIALOG}
     * @param directoryOnly whether only directories can be chosen
     */
    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final boolean directoryOnly) {
        this(stringModel, historyID, dialogType, directoryOnly, new String[0]);
    }

    /**
     * @param stringModel the model holding the path
     * @param historyID the id of the file history (not modelled)
     * @param dialogType {@link JFileChooser#OPEN_DIALOG} or {@link JFileChooser#SAVE_DIALOG}
     * @param validExtensions file extensions offered as a filter
     */
    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final String... validExtensions) {
        this(stringModel, historyID, dialogType, false, validExtensions);
    }

    /**
     * @param stringModel the model holding the path
     * @param historyID the id of the file history (not modelled)
     * @param dialogType {@link JFileChooser#OPEN_DIALOG} or {@link JFileChooser#SAVE_DIALOG}
     * @param directoryOnly whether only directories can be chosen
     * @param validExtensions file extensions offered as a filter
     */
    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final boolean directoryOnly, final String... validExtensions) {
        super(stringModel);
        m_dialogType = dialogType;
        m_directoryOnly = directoryOnly;
        m_extensions = validExtensions == null ? new String[0] : validExtensions.clone();
        m_pathField = new JTextField(30);
        m_browse = new JButton("Browse...");
        m_browse.addActionListener(e -> browse());
        getComponentPanel().add(m_pathField);
        getComponentPanel().add(m_browse);
        setBorderTitle(directoryOnly ? "Selected Directory:" : "Selected File:");
        m_pathField.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void removeUpdate(final DocumentEvent e) {
                updateModel();
            }

            @Override
            public void insertUpdate(final DocumentEvent e) {
                updateModel();
            }

            @Override
            public void changedUpdate(final DocumentEvent e) {
                updateModel();
            }
        });
        stringModel.addChangeListener(e -> updateComponent());
        updateComponent();
    }

    private void updateModel() {
        ((SettingsModelString)getModel()).setStringValue(m_pathField.getText());
    }

    private void browse() {
        final JFileChooser chooser = new JFileChooser(m_pathField.getText());
        chooser.setDialogType(m_dialogType);
        chooser.setFileSelectionMode(m_directoryOnly ? JFileChooser.DIRECTORIES_ONLY : JFileChooser.FILES_AND_DIRECTORIES);
        if (!m_directoryOnly && m_extensions.length > 0) {
            final String[] bare = Arrays.stream(m_extensions).map(x -> x.startsWith(".") ? x.substring(1) : x)
                .toArray(String[]::new);
            chooser.setFileFilter(new FileNameExtensionFilter(String.join(", ", m_extensions), bare));
        }
        if (chooser.showDialog(getComponentPanel(), null) == JFileChooser.APPROVE_OPTION) {
            final File f = chooser.getSelectedFile();
            m_pathField.setText(f.getAbsolutePath());
        }
    }

    @Override
    protected void updateComponent() {
        final String value = ((SettingsModelString)getModel()).getStringValue();
        final String shown = value == null ? "" : value;
        if (!m_pathField.getText().equals(shown)) {
            m_pathField.setText(shown);
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        // as in KNIME: any text is accepted; the node model checks the location
        updateModel();
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // independent of the input
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_pathField.setEnabled(enabled);
        m_browse.setEnabled(enabled);
    }

    /**
     * @param newTitle the title of the border around the field and button; null removes the border
     */
    public void setBorderTitle(final String newTitle) {
        getComponentPanel().setBorder(newTitle == null ? null : BorderFactory.createTitledBorder(newTitle));
    }

    @Override
    public void setToolTipText(final String text) {
        m_pathField.setToolTipText(text);
        m_browse.setToolTipText(text);
    }
}
