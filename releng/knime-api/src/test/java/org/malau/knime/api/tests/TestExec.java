package org.malau.knime.api.tests;

import java.io.File;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.Node;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeProgressMonitor;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NodeView;

/**
 * Builds an {@link ExecutionContext} the way node tests must: only through KNIME's public API (the deprecated
 * two-argument constructor and {@code new Node(factory)}), so the same code compiles against real KNIME.
 */
final class TestExec {

    private TestExec() {
    }

    /** A model that does nothing; {@link Node} needs a factory that can create one. */
    static class NoopModel extends NodeModel {
        NoopModel() {
            super(0, 0);
        }

        @Override
        protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) {
            return new DataTableSpec[0];
        }

        @Override
        protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec) {
            return new BufferedDataTable[0];
        }

        @Override
        protected void loadInternals(final File dir, final ExecutionMonitor exec) {
            // stateless
        }

        @Override
        protected void saveInternals(final File dir, final ExecutionMonitor exec) {
            // stateless
        }

        @Override
        protected void saveSettingsTo(final NodeSettingsWO settings) {
            // no settings
        }

        @Override
        protected void validateSettings(final NodeSettingsRO settings) {
            // no settings
        }

        @Override
        protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) {
            // no settings
        }

        @Override
        protected void reset() {
            // stateless
        }
    }

    /** A factory without views or dialog; the tests' factories differ only in their model. */
    abstract static class ViewlessFactory extends NodeFactory<NodeModel> {
        @Override
        protected int getNrNodeViews() {
            return 0;
        }

        @Override
        public NodeView<NodeModel> createNodeView(final int viewIndex, final NodeModel nodeModel) {
            return null;
        }

        @Override
        protected boolean hasDialog() {
            return false;
        }

        @Override
        protected NodeDialogPane createNodeDialogPane() {
            return null;
        }
    }

    static final class NoopFactory extends ViewlessFactory {
        @Override
        public NodeModel createNodeModel() {
            return new NoopModel();
        }
    }

    @SuppressWarnings("deprecation")
    static ExecutionContext create(final NodeProgressMonitor monitor) {
        return new ExecutionContext(monitor, new Node(new NoopFactory()));
    }

    static ExecutionContext create() {
        return create(new DefaultNodeProgressMonitor());
    }
}
