package org.malau.knime.port;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.malau.model.MalModel;
import org.malau.model.ModelFile;

/**
 * A trained MAL model as a KNIME port object. It is saved in the workflow as the engine's own model
 * file ({@link ModelFile}: a zip with header, network and meta net), so a model written by a node
 * can also be read by {@code ./mal} and the other way round.
 */
public final class MalModelPortObject implements PortObject {
    /** The port type of MAL models. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(MalModelPortObject.class);

    /** The port type of optional MAL model inputs. */
    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(MalModelPortObject.class, true);

    private final MalModel m_model;
    private final MalModelPortObjectSpec m_spec;

    /** @param model the trained model */
    public MalModelPortObject(final MalModel model) {
        m_model = model;
        m_spec = MalModelPortObjectSpec.of(model.header());
    }

    public MalModel getModel() {
        return m_model;
    }

    @Override
    public MalModelPortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public String getSummary() {
        final var h = m_model.header();
        return "MAL model: " + m_spec.summary() + "; trained on " + h.auTrainSize() + " AU and "
            + h.expressionTrainSize() + " expression samples, seed " + h.seed();
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    /** Writes the model file into the port's zip entry; registered in plugin.xml. */
    public static final class Serializer extends PortObjectSerializer<MalModelPortObject> {
        @Override
        public void savePortObject(final MalModelPortObject portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException {
            // the engine writes its model file straight into the port's entry and leaves the entry open for KNIME
            ModelFile.write(portObject.m_model, out);
        }

        @Override
        public MalModelPortObject loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException {
            return new MalModelPortObject(ModelFile.read(in, "the MAL model port"));
        }
    }
}
