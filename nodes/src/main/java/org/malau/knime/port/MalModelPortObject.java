package org.malau.knime.port;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;

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
import org.malau.train.EpochRecord;
import org.malau.train.TrainingHistory;

/**
 * A trained MAL model as a KNIME port object, with the history of the training that made it (empty for a model read
 * from a file). It is saved in the workflow as the engine's own model file ({@link ModelFile}: a zip with header,
 * network and meta net), so a model written by a node can also be read by {@code ./mal} and the other way round; the
 * history follows in a second entry of the port's zip.
 */
public final class MalModelPortObject implements PortObject {
    /** The port type of MAL models. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(MalModelPortObject.class);

    /** The port type of optional MAL model inputs. */
    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(MalModelPortObject.class, true);

    /** The port zip's entry after the model file; absent in models saved by release 0.1. */
    private static final String HISTORY_ENTRY = "training-history.csv";

    private final MalModel m_model;
    private final MalModelPortObjectSpec m_spec;
    private final List<EpochRecord> m_history;

    /** @param model a model without training history, e.g. read from a file */
    public MalModelPortObject(final MalModel model) {
        this(model, List.of());
    }

    /**
     * @param model the trained model
     * @param history its training, one record per epoch
     */
    public MalModelPortObject(final MalModel model, final List<EpochRecord> history) {
        m_model = model;
        m_spec = MalModelPortObjectSpec.of(model.header());
        m_history = List.copyOf(history);
    }

    public MalModel getModel() {
        return m_model;
    }

    /** @return the training history, one record per epoch; empty when unknown */
    public List<EpochRecord> getHistory() {
        return m_history;
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
        return new JComponent[]{ModelViews.model(m_model.header()), ModelViews.history(m_history)};
    }

    /** Writes the model file into the port's zip entry; registered in plugin.xml. */
    public static final class Serializer extends PortObjectSerializer<MalModelPortObject> {
        @Override
        public void savePortObject(final MalModelPortObject portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException {
            // the engine writes its model file straight into the port's entry and leaves the entry open for KNIME
            ModelFile.write(portObject.m_model, out);
            out.putNextEntry(new ZipEntry(HISTORY_ENTRY));
            // flushed, not closed: KNIME closes the port's stream
            final Writer history = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            new TrainingHistory(portObject.m_history).write(history);
            history.flush();
        }

        @Override
        public MalModelPortObject loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException {
            final MalModel model = ModelFile.read(in, "the MAL model port");
            final ZipEntry next = in.getNextEntry();
            if (next == null || !HISTORY_ENTRY.equals(next.getName())) {
                return new MalModelPortObject(model);
            }
            return new MalModelPortObject(model, TrainingHistory.read(
                new InputStreamReader(in, StandardCharsets.UTF_8), "the MAL model port's training history").epochs());
        }
    }
}
