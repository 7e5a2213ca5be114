package org.malau.knime.workflows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeSettings;

/**
 * What an example workflow is made of, independent of KNIME's file format: nodes with their positions, labels and
 * settings changes, connections, and the annotations that explain the steps. {@link ExampleWorkflows} builds the
 * three example workflows from these; {@link WorkflowWriter} turns them into KNIME's files.
 */
final class WorkflowModel {
    private WorkflowModel() {
    }

    /** A rectangle on the canvas, in KNIME's editor coordinates. */
    record Bounds(int x, int y, int width, int height) {
    }

    /** A text box on the canvas explaining part of the workflow. */
    record Note(String text, Bounds bounds, int background) {
    }

    /** A connection from an output port to an input port; port 0 is a node's implicit flow variable port. */
    record Link(Step from, int fromPort, Step to, int toPort) {
    }

    /** A node of the workflow: one of ours, or one of KNIME's standard nodes. */
    abstract static class Step {
        private final int m_id;

        private final int m_x;

        private final int m_y;

        private final String m_label;

        private final Map<String, String> m_variables = new LinkedHashMap<>();

        Step(final int id, final int x, final int y, final String label) {
            m_id = id;
            m_x = x;
            m_y = y;
            m_label = label;
        }

        int id() {
            return m_id;
        }

        int x() {
            return m_x;
        }

        int y() {
            return m_y;
        }

        /** The text under the node (KNIME's node label), explaining its role in this workflow. */
        String label() {
            return m_label;
        }

        /**
         * Lets a flow variable set a setting, as the "Flow Variables" tab of a node's dialog does.
         *
         * @param settingPath key of the setting in the node's model settings; nested keys joined by {@code /}
         * @param variable the flow variable's name
         */
        Step variable(final String settingPath, final String variable) {
            m_variables.put(settingPath, variable);
            return this;
        }

        /** Setting path to flow variable name, in the order they were given. */
        Map<String, String> variables() {
            return Collections.unmodifiableMap(m_variables);
        }
    }

    /**
     * One of this extension's nodes. Its settings are whatever its node model saves, with the listed values changed:
     * nothing is written by hand, so the files follow the nodes when their settings change.
     */
    static final class OurStep extends Step {
        private final Class<? extends NodeFactory<?>> m_factory;

        private final Map<String, Object> m_overrides = new LinkedHashMap<>();

        OurStep(final int id, final Class<? extends NodeFactory<?>> factory, final int x, final int y,
            final String label) {
            super(id, x, y, label);
            m_factory = factory;
        }

        Class<? extends NodeFactory<?>> factory() {
            return m_factory;
        }

        /**
         * Changes one of the node model's settings from its default.
         *
         * @param key a key the node model saves (it must exist)
         * @param value an Integer, Long, Double, Boolean or String, of the type the model saves
         */
        OurStep set(final String key, final Object value) {
            m_overrides.put(key, value);
            return this;
        }

        Map<String, Object> overrides() {
            return Collections.unmodifiableMap(m_overrides);
        }
    }

    /** One of KNIME's standard nodes, with its model settings written in the node's own format. */
    static final class KnimeStep extends Step {
        private final KnimeNodes.Type m_type;

        private final Consumer<NodeSettings> m_model;

        KnimeStep(final int id, final KnimeNodes.Type type, final int x, final int y, final String label,
            final Consumer<NodeSettings> model) {
            super(id, x, y, label);
            m_type = type;
            m_model = model;
        }

        KnimeNodes.Type type() {
            return m_type;
        }

        /** Writes the node's model settings into the given (empty) {@code model} config. */
        void writeModel(final NodeSettings model) {
            m_model.accept(model);
        }
    }

    /** A whole workflow. */
    static final class Workflow {
        private final String m_name;

        private final String m_description;

        private final List<String> m_tags;

        private final List<Step> m_steps = new ArrayList<>();

        private final List<Link> m_links = new ArrayList<>();

        private final List<Note> m_notes = new ArrayList<>();

        private final List<String> m_dataFolders = new ArrayList<>();

        Workflow(final String name, final String description, final String... tags) {
            m_name = name;
            m_description = description;
            m_tags = List.of(tags);
        }

        String name() {
            return m_name;
        }

        String description() {
            return m_description;
        }

        List<String> tags() {
            return m_tags;
        }

        OurStep ours(final int id, final Class<? extends NodeFactory<?>> factory, final int x, final int y,
            final String label) {
            return add(new OurStep(id, factory, x, y, label));
        }

        KnimeStep knime(final int id, final KnimeNodes.Type type, final int x, final int y, final String label,
            final Consumer<NodeSettings> model) {
            return add(new KnimeStep(id, type, x, y, label, model));
        }

        private <S extends Step> S add(final S step) {
            if (m_steps.stream().anyMatch(s -> s.id() == step.id())) {
                throw new IllegalArgumentException(m_name + ": node id " + step.id() + " used twice");
            }
            m_steps.add(step);
            return step;
        }

        void connect(final Step from, final int fromPort, final Step to, final int toPort) {
            m_links.add(new Link(from, fromPort, to, toPort));
        }

        void note(final int x, final int y, final int width, final int height, final int background,
            final String text) {
            m_notes.add(new Note(text, new Bounds(x, y, width, height), background));
        }

        /** A folder under the workflow's {@code data/} that the workflow reads (filled by {@link ExampleData}). */
        void data(final String folder) {
            m_dataFolders.add(folder);
        }

        List<Step> steps() {
            return Collections.unmodifiableList(m_steps);
        }

        List<Link> links() {
            return Collections.unmodifiableList(m_links);
        }

        List<Note> notes() {
            return Collections.unmodifiableList(m_notes);
        }

        List<String> dataFolders() {
            return Collections.unmodifiableList(m_dataFolders);
        }
    }
}
