package org.malau.knime.port;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.swing.JComponent;

import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectSpecZipInputStream;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;
import org.malau.data.AuLabels;
import org.malau.model.ModelHeader;
import org.malau.train.Strategy;

/**
 * What a downstream node needs to know about a MAL model before it exists: the AU columns it predicts,
 * the expression classes, the network's input crop (size, channels) and the training strategy.
 */
public final class MalModelPortObjectSpec implements PortObjectSpec {
    private static final int VERSION = 1;

    private final List<String> m_auNames;
    private final List<String> m_expressionClasses;
    private final int m_inputSize;
    private final int m_channels;
    private final String m_strategy;

    /**
     * @param auNames AU column names, e.g. {@code AU01}
     * @param expressionClasses expression class labels, e.g. {@code happiness}
     * @param inputSize width and height of the network's input crop
     * @param channels 1 (grey) or 3 (colour)
     * @param strategy the training strategy, e.g. {@code mal}
     */
    public MalModelPortObjectSpec(final List<String> auNames, final List<String> expressionClasses,
        final int inputSize, final int channels, final String strategy) {
        m_auNames = List.copyOf(auNames);
        m_expressionClasses = List.copyOf(expressionClasses);
        m_inputSize = inputSize;
        m_channels = channels;
        m_strategy = Objects.requireNonNull(strategy);
    }

    /** The spec of a trained model, from its header. */
    public static MalModelPortObjectSpec of(final ModelHeader header) {
        final List<String> aus = new ArrayList<>();
        for (final int code : header.auCodes()) {
            aus.add(AuLabels.columnName(code));
        }
        return new MalModelPortObjectSpec(aus, header.expressionClasses(), header.network().inputSize(),
            header.network().channels(), header.strategy());
    }

    public List<String> getAuNames() {
        return m_auNames;
    }

    public List<String> getExpressionClasses() {
        return m_expressionClasses;
    }

    public int getInputSize() {
        return m_inputSize;
    }

    public int getChannels() {
        return m_channels;
    }

    public String getStrategy() {
        return m_strategy;
    }

    /** Whether the model trained its expression head and so predicts expressions (all strategies but au-only). */
    public boolean predictsExpressions() {
        // a strategy of a later version: its expression head was trained unless it says otherwise
        return Strategy.find(m_strategy).map(Strategy::usesExpressionTask).orElse(true);
    }

    /** One line, e.g. {@code mal, 12 AUs [AU01, ...], 7 expressions, 48x48 grayscale}. */
    public String summary() {
        return m_strategy + ", " + m_auNames.size() + " AUs " + m_auNames + ", " + m_expressionClasses.size()
            + " expressions, " + m_inputSize + "x" + m_inputSize + (m_channels == 1 ? " grayscale" : " color");
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[]{ModelViews.spec(this)};
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof MalModelPortObjectSpec s && m_auNames.equals(s.m_auNames)
            && m_expressionClasses.equals(s.m_expressionClasses) && m_inputSize == s.m_inputSize
            && m_channels == s.m_channels && m_strategy.equals(s.m_strategy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_auNames, m_expressionClasses, m_inputSize, m_channels, m_strategy);
    }

    @Override
    public String toString() {
        return summary();
    }

    /** Writes the spec into its zip entry; registered in plugin.xml. */
    public static final class Serializer extends PortObjectSpecSerializer<MalModelPortObjectSpec> {
        @Override
        public void savePortObjectSpec(final MalModelPortObjectSpec spec, final PortObjectSpecZipOutputStream out)
            throws IOException {
            write(spec, new DataOutputStream(out));
        }

        @Override
        public MalModelPortObjectSpec loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException {
            return read(new DataInputStream(in));
        }
    }

    /** Writes without closing {@code out} (KNIME owns the stream). */
    static void write(final MalModelPortObjectSpec spec, final DataOutputStream out) throws IOException {
        out.writeInt(VERSION);
        writeList(out, spec.m_auNames);
        writeList(out, spec.m_expressionClasses);
        out.writeInt(spec.m_inputSize);
        out.writeInt(spec.m_channels);
        out.writeUTF(spec.m_strategy);
        out.flush();
    }

    static MalModelPortObjectSpec read(final DataInputStream in) throws IOException {
        final int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("MAL model spec version " + version + " is not supported (this version reads "
                + VERSION + "); update the MAL nodes");
        }
        final List<String> aus = readList(in);
        final List<String> classes = readList(in);
        final int size = in.readInt();
        final int channels = in.readInt();
        return new MalModelPortObjectSpec(aus, classes, size, channels, in.readUTF());
    }

    private static void writeList(final DataOutputStream out, final List<String> list) throws IOException {
        out.writeInt(list.size());
        for (final String s : list) {
            out.writeUTF(s);
        }
    }

    private static List<String> readList(final DataInputStream in) throws IOException {
        final int n = in.readInt();
        if (n < 0 || n > 10_000) {
            throw new IOException("MAL model spec is damaged (list of " + n + " entries)");
        }
        final List<String> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(in.readUTF());
        }
        return list;
    }
}
