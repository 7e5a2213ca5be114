package org.malau.knime.testing;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.malau.data.synth.PngEncoder;
import org.malau.data.synth.SynthConfig;
import org.malau.data.synth.SynthFace;
import org.malau.data.synth.SynthGenerator;
import org.malau.data.synth.SynthSet;
import org.malau.knime.learner.MalLearnerNodeFactory;
import org.malau.knime.learner.MalLearnerNodeModel;
import org.malau.knime.port.MalModelPortObject;

/**
 * A tiny multi-task MAL model (strategy mtl, the small 16 px grey network, width 4, 2 epochs), trained once per
 * test JVM through the learner node on synthetic faces (AU labels and, from the same faces, expressions), and the
 * face table it was trained on; for the nodes that consume models. {@link #auOnlyModel()} is the same trained
 * au-only, a model without a trained expression head.
 */
public final class TinyModel {
    /** The AUs of the face table. */
    public static final int[] AUS = {1, 2, 4, 6, 12};

    private static List<SynthFace> s_faces;

    private static MalModelPortObject s_model;

    private static MalModelPortObject s_auOnly;

    private TinyModel() {
    }

    /** Trains through the learner node's protected API (a subclass may call it). */
    private static final class Trainer extends MalLearnerNodeModel {
        MalModelPortObject train(final BufferedDataTable au, final String strategy, final ExecutionContext exec)
            throws Exception {
            final NodeSettings s = new NodeSettings("model");
            saveSettingsTo(s);
            s.addString("initialisation", MalLearnerNodeModel.INIT_SMALL);
            s.addString("strategy", strategy);
            s.addInt("input_size", 16);
            s.addInt("network_width", 4);
            s.addInt("epochs", 2);
            s.addInt("au_batch", 8);
            s.addInt("fe_batch", 8);
            s.addInt("meta_batch", 4);
            s.addDouble("meta_fraction", 0.25);
            validateSettings(s);
            loadValidatedSettingsFrom(s);
            return (MalModelPortObject)execute(new PortObject[]{au, "au-only".equals(strategy) ? null : au}, exec)[0];
        }
    }

    /** The synthetic AU faces (32). */
    public static synchronized List<SynthFace> faces() {
        if (s_faces == null) {
            s_faces = new SynthGenerator(
                SynthConfig.builder().seed(5).auSubjects(4).feSubjects(3).perSubject(8).size(64).build())
                    .faces(SynthSet.AU).toList();
        }
        return s_faces;
    }

    /** The trained model. */
    public static synchronized MalModelPortObject model() throws Exception {
        if (s_model == null) {
            s_model = new Trainer().train(table(32, null), "mtl",
                NodeTesting.exec(new MalLearnerNodeFactory(), new DefaultNodeProgressMonitor()));
        }
        return s_model;
    }

    /** The same trained with strategy au-only. */
    public static synchronized MalModelPortObject auOnlyModel() throws Exception {
        if (s_auOnly == null) {
            s_auOnly = new Trainer().train(table(32, null), "au-only",
                NodeTesting.exec(new MalLearnerNodeFactory(), new DefaultNodeProgressMonitor()));
        }
        return s_auOnly;
    }

    /** image (PNG), subject, AU01... (0/1), expression. */
    public static DataTableSpec spec() {
        final List<DataColumnSpec> cols = new ArrayList<>();
        cols.add(new DataColumnSpecCreator("image", PNGImageCellFactory.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator("subject", StringCell.TYPE).createSpec());
        for (final int a : AUS) {
            cols.add(new DataColumnSpecCreator(String.format("AU%02d", a), IntCell.TYPE).createSpec());
        }
        cols.add(new DataColumnSpecCreator("expression", StringCell.TYPE).createSpec());
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    /** The first {@code n} faces; a non-null {@code override[i]} replaces row i's image cell. */
    public static BufferedDataTable table(final int n, final DataCell[] override) {
        final BufferedDataContainer c = NodeTesting.exec(new MalLearnerNodeFactory(), new DefaultNodeProgressMonitor())
            .createDataContainer(spec());
        for (int i = 0; i < n; i++) {
            final SynthFace f = faces().get(i);
            final List<DataCell> cells = new ArrayList<>();
            cells.add(override != null && i < override.length && override[i] != null ? override[i]
                : PNGImageCellFactory.create(PngEncoder.encode(f.image())));
            cells.add(new StringCell(f.subject()));
            for (final int a : AUS) {
                cells.add(new IntCell(f.au().occurrence(indexOf(f.au().auCodes(), a))));
            }
            cells.add(new StringCell(f.expression().label()));
            c.addRowToTable(new DefaultRow(RowKey.createRowKey((long)i), cells.toArray(new DataCell[0])));
        }
        c.close();
        return c.getTable();
    }

    private static int indexOf(final int[] a, final int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new AssertionError("AU " + v + " not generated");
    }

    /** The model saved into KNIME's port zip stream and loaded again, as a workflow saves and loads it. */
    public static MalModelPortObject throughPortZip(final MalModelPortObject model) throws java.io.IOException {
        final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (org.knime.core.node.port.PortObjectZipOutputStream zip =
            org.knime.core.node.port.PortUtil.getPortObjectZipOutputStream(bytes)) {
            new MalModelPortObject.Serializer().savePortObject(model, zip, new org.knime.core.node.ExecutionMonitor());
        }
        return new MalModelPortObject.Serializer().loadPortObject(org.knime.core.node.port.PortUtil
            .getPortObjectZipInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())), model.getSpec(),
            new org.knime.core.node.ExecutionMonitor());
    }
}
