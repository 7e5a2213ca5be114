package org.malau.knime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.IntValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.Node;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * What every node test needs: an {@link ExecutionContext} built through KNIME's public API only (so
 * the tests would compile against real KNIME), the project folders, tiny files on disk, and table
 * accessors.
 */
public final class NodeTesting {
    private NodeTesting() {
    }

    /** An execution context with a fresh progress monitor, for {@code factory}'s node. */
    @SuppressWarnings({"deprecation", "unchecked", "rawtypes"})
    public static ExecutionContext exec(final NodeFactory<?> factory, final DefaultNodeProgressMonitor monitor) {
        return new ExecutionContext(monitor, new Node((NodeFactory)factory));
    }

    /** The nodes module's folder (surefire runs in it; found upwards when run from elsewhere). */
    public static Path nodesDir() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("plugin.xml")) && Files.isDirectory(p.resolve("src/main/java/org/malau/knime"))) {
                return p;
            }
            if (Files.isRegularFile(p.resolve("nodes/plugin.xml"))) {
                return p.resolve("nodes");
            }
        }
        throw new IllegalStateException("nodes/plugin.xml not found above " + Paths.get("").toAbsolutePath());
    }

    /** The {@code shared} folder beside the checkout: system property {@code malau.shared.dir}, else found upwards. */
    public static Path sharedDir() {
        final String prop = System.getProperty("malau.shared.dir");
        if (prop != null && !prop.isBlank()) {
            return Paths.get(prop).toAbsolutePath().normalize();
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            final Path candidate = p.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("knime"))) {
                return candidate.normalize();
            }
        }
        throw new IllegalStateException("shared/ not found above " + Paths.get("").toAbsolutePath()
            + "; set -Dmalau.shared.dir=/path/to/shared");
    }

    /** Writes {@code lines} joined by LF, creating folders. */
    public static Path write(final Path file, final String... lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a real 4x4 image in the format its extension names. */
    public static Path image(final Path file) {
        try {
            Files.createDirectories(file.getParent());
            final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            final BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
            img.setRGB(1, 1, 0x808080);
            assertTrue(ImageIO.write(img, name.endsWith(".png") ? "png" : "jpg", file.toFile()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a PNG whose header claims 40000x40000 pixels (1.6 billion) followed by {@code padding} bytes of
     * nothing: what the pixel budget must refuse from the header, before any pixel buffer exists.
     */
    public static Path hugePngClaim(final Path file, final int padding) {
        final byte[] claim = new byte[33 + padding];
        final byte[] head = {(byte)0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, (byte)0x9C, 0x40, 0, 0, (byte)0x9C, 0x40, 8, 2};
        System.arraycopy(head, 0, claim, 0, head.length);
        try {
            return Files.write(file, claim);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All rows of a table, in order. */
    public static List<DataRow> rows(final BufferedDataTable table) {
        final List<DataRow> rows = new ArrayList<>();
        for (final DataRow r : table) {
            rows.add(r);
        }
        return rows;
    }

    /** The cell of {@code row} in {@code column} of {@code table}. */
    public static DataCell cell(final BufferedDataTable table, final DataRow row, final String column) {
        final int i = table.getDataTableSpec().findColumnIndex(column);
        assertTrue(i >= 0, () -> "no column " + column + " in " + table.getDataTableSpec());
        return row.getCell(i);
    }

    /** A string cell's value, or null for a missing cell. */
    public static String string(final BufferedDataTable table, final DataRow row, final String column) {
        final DataCell c = cell(table, row, column);
        return c.isMissing() ? null : ((StringValue)c).getStringValue();
    }

    /** An int cell's value, or null for a missing cell. */
    public static Integer integer(final BufferedDataTable table, final DataRow row, final String column) {
        final DataCell c = cell(table, row, column);
        return c.isMissing() ? null : ((IntValue)c).getIntValue();
    }

    /**
     * Asserts that the node description beside {@code factory} documents as many options as the model
     * saves settings (KNIME's {@code _Internals} entries aside) and as many output ports as configure
     * returns specs, so that a setting or port added later cannot go undocumented.
     */
    public static void assertDescribed(final Class<?> factory, final NodeSettings saved, final int outPorts)
        throws Exception {
        final javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        final org.w3c.dom.Document doc;
        try (java.io.InputStream in = factory.getResourceAsStream(factory.getSimpleName() + ".xml")) {
            doc = f.newDocumentBuilder().parse(in);
        }
        final long settings = saved.keySet().stream().filter(k -> !k.endsWith("_Internals")).count();
        assertEquals(settings, doc.getElementsByTagNameNS("*", "option").getLength(),
            factory.getSimpleName() + ".xml: one <option> per setting " + saved.keySet());
        assertEquals(outPorts, doc.getElementsByTagNameNS("*", "outPort").getLength(),
            factory.getSimpleName() + ".xml: one <outPort> per output");
        assertEquals(0, doc.getElementsByTagNameNS("*", "inPort").getLength(), "source nodes have no input port");
    }

    /** A model's settings access, through method references made inside the node's package. */
    public interface SettingsAccess {
        /** {@code NodeModel.saveSettingsTo} */
        void save(NodeSettingsWO settings);

        /** {@code NodeModel.validateSettings} */
        void validate(NodeSettingsRO settings) throws InvalidSettingsException;

        /** {@code NodeModel.loadValidatedSettingsFrom} */
        void load(NodeSettingsRO settings) throws InvalidSettingsException;
    }

    /** {@code NodeModel.validateSettings} or {@code loadValidatedSettingsFrom}, as a method reference. */
    public interface SettingsReader {
        void read(NodeSettingsRO settings) throws InvalidSettingsException;
    }

    /**
     * Settings access from three method references, e.g.
     * {@code access(this::saveSettingsTo, this::validateSettings, this::loadValidatedSettingsFrom)} in a
     * test subclass of the node model: those methods are protected, so only the node's package sees them.
     */
    public static SettingsAccess access(final java.util.function.Consumer<NodeSettingsWO> save,
        final SettingsReader validate, final SettingsReader load) {
        return new SettingsAccess() {
            @Override
            public void save(final NodeSettingsWO settings) {
                save.accept(settings);
            }

            @Override
            public void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
                validate.read(settings);
            }

            @Override
            public void load(final NodeSettingsRO settings) throws InvalidSettingsException {
                load.read(settings);
            }
        };
    }

    /**
     * Saves {@code from}, validates and loads the result into {@code to}, saves {@code to} and
     * asserts both saved settings are the same.
     *
     * @return the saved settings
     */
    public static NodeSettings roundTrip(final SettingsAccess from, final SettingsAccess to)
        throws InvalidSettingsException {
        final NodeSettings first = new NodeSettings("model");
        from.save(first);
        to.validate(first);
        to.load(first);
        final NodeSettings second = new NodeSettings("model");
        to.save(second);
        assertEquals(first.keySet(), second.keySet());
        assertEquals(first.toString(), second.toString());
        return second;
    }

    /**
     * Validates and loads {@code settings} into a model, as KNIME's {@code Node.loadSettingsFrom} does, and returns
     * what the model saves then.
     */
    public static NodeSettings reload(final SettingsAccess model, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        model.validate(settings);
        model.load(settings);
        final NodeSettings saved = new NodeSettings("model");
        model.save(saved);
        return saved;
    }

    /**
     * Chooses the columns of a column filter as its dialog would: exactly {@code include} on the include side, the
     * table's other columns excluded; a name the table lacks counts as chosen on an earlier table (an integer column).
     */
    public static void choose(final org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2 filter,
        final org.knime.core.data.DataTableSpec table, final String... include) {
        final List<String> in = List.of(include);
        final List<org.knime.core.data.DataColumnSpec> cols = new ArrayList<>();
        for (final String name : include) {
            if (!table.containsName(name)) {
                cols.add(new org.knime.core.data.DataColumnSpecCreator(name, org.knime.core.data.def.IntCell.TYPE)
                    .createSpec());
            }
        }
        for (final org.knime.core.data.DataColumnSpec c : table) {
            cols.add(c);
        }
        filter.loadDefaults(new org.knime.core.data.DataTableSpec(cols.toArray(new org.knime.core.data.DataColumnSpec[0])),
            new org.knime.core.node.util.filter.InputFilter<org.knime.core.data.DataColumnSpec>() {
                @Override
                public boolean include(final org.knime.core.data.DataColumnSpec c) {
                    return in.contains(c.getName());
                }
            }, true);
    }
}
