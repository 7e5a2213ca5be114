package org.malau.knime.port;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** The engine's model file bytes. */
    static byte[] toBytes(final MalModel model) throws IOException {
        final Path tmp = Files.createTempFile("mal-model", ".zip");
        try {
            ModelFile.write(model, tmp);
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A model from the engine's model file bytes. */
    static MalModel fromBytes(final byte[] bytes) throws IOException {
        final Path tmp = Files.createTempFile("mal-model", ".zip");
        try {
            Files.write(tmp, bytes);
            return ModelFile.read(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the model file into the port's zip entry; registered in plugin.xml. */
    public static final class Serializer extends PortObjectSerializer<MalModelPortObject> {
        @Override
        public void savePortObject(final MalModelPortObject portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException {
            final byte[] bytes = toBytes(portObject.m_model);
            final DataOutputStream data = new DataOutputStream(out);
            data.writeInt(bytes.length);
            data.write(bytes);
            data.flush();
        }

        @Override
        public MalModelPortObject loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException {
            final DataInputStream data = new DataInputStream(in);
            final int n = data.readInt();
            if (n <= 0) {
                throw new IOException("MAL model port content is damaged (length " + n + ")");
            }
            final byte[] bytes = new byte[n];
            data.readFully(bytes);
            return new MalModelPortObject(fromBytes(bytes));
        }
    }
}
