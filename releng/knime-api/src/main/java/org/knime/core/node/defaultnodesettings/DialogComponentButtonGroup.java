package org.knime.core.node.defaultnodesettings;

import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;

import javax.swing.AbstractButton;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.ButtonGroup;
import javax.swing.ButtonModel;
import javax.swing.JRadioButton;

import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.ButtonGroupEnumInterface;

/**
 * Compile-only subset of KNIME's {@code DialogComponentButtonGroup}; semantics implemented in memory for tests: one
 * radio button per option, showing its text and storing its action command in a {@link SettingsModelString}. As in
 * KNIME: the option marked default (else the first) is selected initially, a model value that is an action command
 * selects its button, another value leaves the selection as it is, and the selected button's action command is
 * written to the model when a button is clicked and on save. A non-null label puts a titled border around the
 * buttons. Only the constructors taking {@link ButtonGroupEnumInterface} options and label/action-command arrays are
 * declared.
 */
public class DialogComponentButtonGroup extends DialogComponent {

    private final ButtonGroup m_buttonGroup = new ButtonGroup();

    /**
     * @param stringModel the model storing the selected option's action command
     * @param label the title of the border around the buttons, null for none
     * @param vertical whether the buttons are placed below each other
     * @param elements the options
     * @throws IllegalArgumentException if there is no option or an action command is used twice
     */
    public DialogComponentButtonGroup(final SettingsModelString stringModel, final String label,
        final boolean vertical, final ButtonGroupEnumInterface[] elements) {
        super(stringModel);
        if (elements == null || elements.length < 1) {
            throw new IllegalArgumentException("Elements must not be null");
        }
        final String[] texts = new String[elements.length];
        final String[] commands = new String[elements.length];
        final String[] tips = new String[elements.length];
        int selected = 0;
        for (int i = 0; i < elements.length; i++) {
            texts[i] = elements[i].getText();
            commands[i] = elements[i].getActionCommand();
            tips[i] = elements[i].getToolTip();
            if (elements[i].isDefault()) {
                selected = i;
            }
        }
        init(label, vertical, texts, commands, tips, selected, "Duplicate action command found in elements");
    }

    /**
     * @param stringModel the model storing the selected option's action command
     * @param label the title of the border around the buttons, null for none
     * @param vertical whether the buttons are placed below each other
     * @param buttonLabels the texts of the buttons
     * @param actionCommands the action commands of the buttons, in the order of the labels
     * @throws IllegalArgumentException if an array is empty, their lengths differ or an action command is used twice
     */
    public DialogComponentButtonGroup(final SettingsModelString stringModel, final String label,
        final boolean vertical, final String[] buttonLabels, final String[] actionCommands) {
        super(stringModel);
        if (buttonLabels == null || buttonLabels.length < 1) {
            throw new IllegalArgumentException("Labels must not be empty");
        }
        if (actionCommands == null || actionCommands.length < 1) {
            throw new IllegalArgumentException("ActionCommands must not be empty");
        }
        if (buttonLabels.length != actionCommands.length) {
            throw new IllegalArgumentException("Labels and actionCommands must be of equal size");
        }
        int selected = 0;
        for (int i = 0; i < actionCommands.length; i++) {
            if (actionCommands[i].equals(stringModel.getStringValue())) {
                selected = i;
            }
        }
        init(label, vertical, buttonLabels, actionCommands, new String[buttonLabels.length], selected,
            "Duplicate action command found");
    }

    private void init(final String label, final boolean vertical, final String[] texts, final String[] commands,
        final String[] tips, final int selected, final String duplicateMessage) {
        final Set<String> unique = new HashSet<>();
        for (final String c : commands) {
            if (!unique.add(c)) {
                throw new IllegalArgumentException(duplicateMessage);
            }
        }
        final Box box = vertical ? Box.createVerticalBox() : Box.createHorizontalBox();
        if (label != null) {
            box.setBorder(BorderFactory.createTitledBorder(BorderFactory.createEtchedBorder(), label));
        }
        for (int i = 0; i < texts.length; i++) {
            final JRadioButton button = new JRadioButton(texts[i]);
            button.setActionCommand(commands[i]);
            if (tips[i] != null) {
                button.setToolTipText(tips[i]);
            }
            button.setSelected(i == selected);
            button.addActionListener(e -> updateModel());
            m_buttonGroup.add(button);
            box.add(button);
        }
        getComponentPanel().add(box);
        getModel().addChangeListener(e -> updateComponent());
        updateComponent();
    }

    /**
     * @param actionCommand an action command
     * @return the button of that action command, or null
     * @throws IllegalArgumentException if the argument is null
     */
    public AbstractButton getButton(final String actionCommand) {
        if (actionCommand == null) {
            throw new IllegalArgumentException("actionCommand must not be null");
        }
        for (final Enumeration<AbstractButton> b = m_buttonGroup.getElements(); b.hasMoreElements();) {
            final AbstractButton button = b.nextElement();
            if (actionCommand.equals(button.getActionCommand())) {
                return button;
            }
        }
        return null;
    }

    private void updateModel() {
        final ButtonModel selected = m_buttonGroup.getSelection();
        ((SettingsModelString)getModel()).setStringValue(selected == null ? null : selected.getActionCommand());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) {
        // any input will do
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        for (final Enumeration<AbstractButton> b = m_buttonGroup.getElements(); b.hasMoreElements();) {
            b.nextElement().setEnabled(enabled);
        }
    }

    @Override
    public void setToolTipText(final String text) {
        for (final Enumeration<AbstractButton> b = m_buttonGroup.getElements(); b.hasMoreElements();) {
            b.nextElement().setToolTipText(text);
        }
    }

    @Override
    protected void updateComponent() {
        final String value = ((SettingsModelString)getModel()).getStringValue();
        for (final Enumeration<AbstractButton> b = m_buttonGroup.getElements(); b.hasMoreElements();) {
            final AbstractButton button = b.nextElement();
            if (button.getActionCommand().equals(value) && !button.isSelected()) {
                button.setSelected(true);
            }
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() {
        updateModel();
    }
}
