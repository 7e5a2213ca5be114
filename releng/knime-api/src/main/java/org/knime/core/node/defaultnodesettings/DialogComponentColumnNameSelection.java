package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.swing.JComboBox;
import javax.swing.JLabel;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Compile-only subset of KNIME's {@code DialogComponentColumnNameSelection}; semantics implemented in memory for
 * tests: a combo box over the input table's columns whose type is compatible with one of the given value classes,
 * editing a {@link SettingsModelString}. As in KNIME's {@code ColumnSelectionPanel}: the model's column is selected
 * when it is offered, otherwise the last offered column; a required component refuses to load (with a
 * {@link NotConfigurableException}) when no column fits; the selection is written to the model on save, null when
 * nothing can be selected. With the "none" option ({@code addNoneCol}) the list starts with {@code <none>} (made
 * unique against the column names as KNIME does), which is selected when the model's column is not offered and
 * stands for null in the model. The constructors taking a {@code ColumnFilter} and the RowID option of
 * {@code SettingsModelColumnName} are not modelled.
 */
public class DialogComponentColumnNameSelection extends DialogComponent {

    private final JLabel m_label;

    private final JComboBox<String> m_chooser;

    private final int m_specIndex;

    private final boolean m_isRequired;

    private final boolean m_addNoneCol;

    /** The text of the "none" entry in the current list, null without one. */
    private String m_noneOption;

    private final List<Class<? extends DataValue>> m_classFilter;

    private DataTableSpec m_spec;

    /**
     * A required component: the dialog does not open without a compatible column.
     *
     * @param model the model to edit
     * @param label the label text
     * @param specIndex the input port whose columns are offered
     * @param classFilter the value classes a column must be compatible with (one of them)
     */
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final Class<? extends DataValue>... classFilter) {
        this(model, label, specIndex, true, classFilter);
    }

    /**
     * @param model the model to edit
     * @param label the label text
     * @param specIndex the input port whose columns are offered
     * @param isRequired whether the dialog refuses to open without a compatible column
     * @param classFilter the value classes a column must be compatible with (one of them)
     */
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final Class<? extends DataValue>... classFilter) {
        this(model, label, specIndex, isRequired, false, classFilter);
    }

    /**
     * @param model the model to edit
     * @param label the label text
     * @param specIndex the input port whose columns are offered
     * @param isRequired whether the dialog refuses to open without a compatible column
     * @param addNoneCol whether the list offers "none" (null in the model) before the columns
     * @param classFilter the value classes a column must be compatible with (one of them)
     */
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final boolean addNoneCol,
        final Class<? extends DataValue>... classFilter) {
        super(model);
        if (classFilter == null || classFilter.length == 0) {
            throw new NullPointerException("Classes must not be null");
        }
        m_label = new JLabel(label);
        m_chooser = new JComboBox<>();
        m_specIndex = specIndex;
        m_isRequired = isRequired;
        m_addNoneCol = addNoneCol;
        m_classFilter = List.copyOf(Arrays.asList(classFilter));
        getComponentPanel().add(m_label);
        getComponentPanel().add(m_chooser);
        m_chooser.addItemListener(e -> {
            if (m_chooser.getSelectedItem() != null) {
                model.setStringValue(getSelected());
            }
        });
        model.addChangeListener(e -> {
            final String value = model.getStringValue();
            if (value == null && m_noneOption != null) {
                m_chooser.setSelectedItem(m_noneOption);
            } else if (value != null && !value.equals(m_chooser.getSelectedItem()) && offered().contains(value)) {
                m_chooser.setSelectedItem(value);
            }
            setEnabledComponents(model.isEnabled());
        });
        updateComponent();
    }

    private List<String> offered() {
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < m_chooser.getItemCount(); i++) {
            names.add(m_chooser.getItemAt(i));
        }
        return names;
    }

    private boolean fits(final DataColumnSpec column) {
        for (final Class<? extends DataValue> c : m_classFilter) {
            if (column.getType().isCompatible(c)) {
                return true;
            }
        }
        return false;
    }

    /** @return the name of the selected column, null if none is selected or can be selected */
    public final String getSelected() {
        final Object selected = m_chooser.getSelectedItem();
        return selected == null || selected.equals(m_noneOption) ? null : selected.toString();
    }

    @Override
    protected void updateComponent() {
        final String value = ((SettingsModelString)getModel()).getStringValue();
        m_chooser.removeAllItems();
        m_noneOption = null;
        if (m_addNoneCol) {
            m_noneOption = "<none>";
            for (int i = 1; m_spec != null && m_spec.containsName(m_noneOption); i++) {
                m_noneOption = "<none> (#" + i + ")";
            }
            m_chooser.addItem(m_noneOption);
        }
        String selectMe = null;
        if (m_spec != null) {
            for (final DataColumnSpec column : m_spec) {
                if (fits(column)) {
                    m_chooser.addItem(column.getName());
                    if (column.getName().equals(value)) {
                        selectMe = column.getName();
                    }
                }
            }
        }
        if (selectMe != null) {
            m_chooser.setSelectedItem(selectMe);
        } else if (m_noneOption != null) {
            m_chooser.setSelectedItem(m_noneOption);
        } else if (m_chooser.getItemCount() > 0) {
            m_chooser.setSelectedIndex(m_chooser.getItemCount() - 1);
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        ((SettingsModelString)getModel()).setStringValue(getSelected());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        if (specs == null || specs.length <= m_specIndex) {
            throw new NotConfigurableException(
                "Need input table spec to configure dialog. Configure or execute predecessor nodes.");
        }
        if (specs[m_specIndex] != null && !(specs[m_specIndex] instanceof DataTableSpec)) {
            throw new NotConfigurableException(
                "Wrong type of PortObject for ColumnNameSelection, expecting DataTableSpec!");
        }
        final DataTableSpec spec = (DataTableSpec)specs[m_specIndex];
        m_spec = spec;
        if (!m_isRequired) {
            return;
        }
        if (spec == null) {
            throw new NotConfigurableException(
                "Need input table spec to configure dialog. Configure or execute predecessor nodes.");
        }
        for (final DataColumnSpec column : spec) {
            if (fits(column)) {
                return;
            }
        }
        throw new NotConfigurableException("No column in spec compatible to " + m_classFilter.stream()
            .map(Class::getSimpleName).reduce((a, b) -> a + "\" or \"" + b).map(s -> "\"" + s + "\"").orElse("") + ".");
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_chooser.setEnabled(enabled);
        m_label.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_chooser.setToolTipText(text);
        m_label.setToolTipText(text);
    }
}
