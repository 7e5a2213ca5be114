package org.malau.knime.common;

import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;

/**
 * A node's settings in one list, saved, validated and loaded in a loop (as knime-dl4j's base node model keeps its
 * settings), so that a setting is declared once: the settings every saved node has, and the ones added since release
 * 0.1 with what loading an older workflow without them sets (the behaviour it was saved with).
 */
public final class SettingsList {
    /**
     * A setting added after release 0.1.
     *
     * @param key its key in the settings
     * @param model its model
     * @param keepOld what loading a workflow saved before it existed sets
     */
    public record Added(String key, SettingsModel model, Runnable keepOld) {
    }

    private final List<SettingsModel> m_always;

    private final List<Added> m_added;

    /**
     * @param always the settings every saved node has
     * @param added the settings added since, in the order they are saved
     */
    public SettingsList(final List<SettingsModel> always, final List<Added> added) {
        m_always = List.copyOf(always);
        m_added = List.copyOf(added);
    }

    /** Saves every setting. */
    public void save(final NodeSettingsWO settings) {
        for (final SettingsModel m : m_always) {
            m.saveSettingsTo(settings);
        }
        for (final Added a : m_added) {
            a.model().saveSettingsTo(settings);
        }
    }

    /** Validates every setting the settings have; an added one may be absent. */
    public void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (final SettingsModel m : m_always) {
            m.validateSettings(settings);
        }
        for (final Added a : m_added) {
            if (settings.containsKey(a.key())) {
                a.model().validateSettings(settings);
            }
        }
    }

    /** Loads every setting; an added one the settings lack gets what older workflows keep. */
    public void load(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (final SettingsModel m : m_always) {
            m.loadSettingsFrom(settings);
        }
        for (final Added a : m_added) {
            if (settings.containsKey(a.key())) {
                a.model().loadSettingsFrom(settings);
            } else {
                a.keepOld().run();
            }
        }
    }
}
