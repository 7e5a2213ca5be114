package org.malau.knime.synth;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeLogger;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.malau.data.FaceRecord;
import org.malau.data.synth.PngEncoder;
import org.malau.data.synth.SynthAus;
import org.malau.data.synth.SynthConfig;
import org.malau.data.synth.SynthFace;
import org.malau.data.synth.SynthGenerator;
import org.malau.data.synth.SynthSet;
import org.malau.knime.common.EngineErrors;
import org.malau.knime.common.FaceTableLayout;

/**
 * Generates the engine's synthetic FACS faces: an AU-labelled table and an expression-labelled table
 * with known label corruption, images as PNG cells. The same settings give byte-identical tables.
 */
public class SyntheticFacesNodeModel extends NodeModel {
    /** Faces rendered between cancel checks; rendering runs on all cores within a batch. */
    static final int BATCH = 32;

    private static final NodeLogger LOGGER = NodeLogger.getLogger(SyntheticFacesNodeModel.class);

    private static final String CFG_SEED = "seed";
    private static final String CFG_AU_SUBJECTS = "au_subjects";
    private static final String CFG_FE_SUBJECTS = "fe_subjects";
    private static final String CFG_PER_SUBJECT = "faces_per_subject";
    private static final String CFG_FE_LABEL_NOISE = "fe_label_noise";
    private static final String CFG_FE_UNRELATED = "fe_unrelated";
    private static final String CFG_SIZE = "image_size";
    private static final String CFG_NUISANCE = "nuisance";

    private static final SynthConfig DEFAULTS = SynthConfig.builder().build();

    private final SettingsModelInteger m_seed = createSeedSettingsModel();
    private final SettingsModelIntegerBounded m_auSubjects = createAuSubjectsSettingsModel();
    private final SettingsModelIntegerBounded m_feSubjects = createFeSubjectsSettingsModel();
    private final SettingsModelIntegerBounded m_perSubject = createPerSubjectSettingsModel();
    private final SettingsModelDoubleBounded m_feLabelNoise = createFeLabelNoiseSettingsModel();
    private final SettingsModelDoubleBounded m_feUnrelated = createFeUnrelatedSettingsModel();
    private final SettingsModelIntegerBounded m_size = createSizeSettingsModel();
    private final SettingsModelBoolean m_nuisance = createNuisanceSettingsModel();

    /** No input; the AU-labelled and the expression-labelled table. */
    protected SyntheticFacesNodeModel() {
        super(0, 2);
    }

    static SettingsModelInteger createSeedSettingsModel() {
        return new SettingsModelInteger(CFG_SEED, (int)DEFAULTS.seed());
    }

    static SettingsModelIntegerBounded createAuSubjectsSettingsModel() {
        return new SettingsModelIntegerBounded(CFG_AU_SUBJECTS, DEFAULTS.auSubjects(), 1, SynthConfig.MAX_SUBJECTS);
    }

    static SettingsModelIntegerBounded createFeSubjectsSettingsModel() {
        return new SettingsModelIntegerBounded(CFG_FE_SUBJECTS, DEFAULTS.feSubjects(), 0, SynthConfig.MAX_SUBJECTS);
    }

    static SettingsModelIntegerBounded createPerSubjectSettingsModel() {
        return new SettingsModelIntegerBounded(CFG_PER_SUBJECT, DEFAULTS.perSubject(), 1, SynthConfig.MAX_PER_SUBJECT);
    }

    static SettingsModelDoubleBounded createFeLabelNoiseSettingsModel() {
        return new SettingsModelDoubleBounded(CFG_FE_LABEL_NOISE, DEFAULTS.feLabelNoise(), 0, 1);
    }

    static SettingsModelDoubleBounded createFeUnrelatedSettingsModel() {
        return new SettingsModelDoubleBounded(CFG_FE_UNRELATED, DEFAULTS.feUnrelated(), 0, 1);
    }

    static SettingsModelIntegerBounded createSizeSettingsModel() {
        return new SettingsModelIntegerBounded(CFG_SIZE, DEFAULTS.size(), SynthConfig.MIN_SIZE, SynthConfig.MAX_SIZE);
    }

    static SettingsModelBoolean createNuisanceSettingsModel() {
        return new SettingsModelBoolean(CFG_NUISANCE, DEFAULTS.nuisance());
    }

    /** The AU table: all rendered AUs with intensities, PNG images, landmarks. */
    static FaceTableLayout auLayout() {
        return new FaceTableLayout(SynthAus.codes(), true, PNGImageCellFactory.TYPE, true);
    }

    /** The expression table: no AU columns. */
    static FaceTableLayout feLayout() {
        return new FaceTableLayout(new int[0], false, PNGImageCellFactory.TYPE, true);
    }

    /** The generator's configuration; its own checks (e.g. subject totals) become settings errors. */
    private SynthConfig config() throws InvalidSettingsException {
        try {
            return SynthConfig.builder().seed(m_seed.getIntValue()).auSubjects(m_auSubjects.getIntValue())
                .feSubjects(m_feSubjects.getIntValue()).perSubject(m_perSubject.getIntValue())
                .feLabelNoise(m_feLabelNoise.getDoubleValue()).feUnrelated(m_feUnrelated.getDoubleValue())
                .size(m_size.getIntValue()).nuisance(m_nuisance.getBooleanValue()).build();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("Synthetic faces: " + e.getMessage(), e);
        }
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        config();
        return new DataTableSpec[]{auLayout().createSpec(), feLayout().createSpec()};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        return EngineErrors.call(() -> executeGuarded(inData, exec));
    }

    private BufferedDataTable[] executeGuarded(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final SynthGenerator generator = new SynthGenerator(config());
        final int auFaces = generator.size(SynthSet.AU);
        final int total = auFaces + generator.size(SynthSet.FE);
        final BufferedDataTable au = generate(generator, SynthSet.AU, auLayout(), exec, 0, total);
        final BufferedDataTable fe = generate(generator, SynthSet.FE, feLayout(), exec, auFaces, total);
        LOGGER.debug("generated " + au.size() + " AU-labeled and " + fe.size() + " expression-labeled faces");
        return new BufferedDataTable[]{au, fe};
    }

    private static BufferedDataTable generate(final SynthGenerator generator, final SynthSet set,
        final FaceTableLayout layout, final ExecutionContext exec, final int doneBefore, final int total)
        throws Exception {
        final BufferedDataContainer out = exec.createDataContainer(layout.createSpec());
        final int n = generator.size(set);
        for (int start = 0; start < n; start += BATCH) {
            exec.checkCanceled();
            final List<SynthFace> faces = IntStream.range(start, Math.min(n, start + BATCH)).parallel()
                .mapToObj(i -> generator.face(set, i)).toList();
            final List<byte[]> pngs = faces.parallelStream().map(f -> PngEncoder.encode(f.image())).toList();
            for (int k = 0; k < faces.size(); k++) {
                final SynthFace f = faces.get(k);
                out.addRowToTable(new DefaultRow(RowKey.createRowKey((long)start + k),
                    layout.createCells(labels(f), PNGImageCellFactory.create(pngs.get(k)))));
            }
            final int done = doneBefore + Math.min(n, start + BATCH);
            exec.setProgress(done / (double)total, "Face " + done + " of " + total);
        }
        out.close();
        return out.getTable();
    }

    /** The face's labels; the image source is a placeholder because the table carries the pixels itself. */
    private static FaceRecord labels(final SynthFace f) {
        return f.record(new FaceRecord.ImageFile(Path.of(SynthGenerator.relativeFile(f))));
    }

    @Override
    protected void reset() {
        // nothing is cached between executions
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_seed.saveSettingsTo(settings);
        m_auSubjects.saveSettingsTo(settings);
        m_feSubjects.saveSettingsTo(settings);
        m_perSubject.saveSettingsTo(settings);
        m_feLabelNoise.saveSettingsTo(settings);
        m_feUnrelated.saveSettingsTo(settings);
        m_size.saveSettingsTo(settings);
        m_nuisance.saveSettingsTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_seed.validateSettings(settings);
        m_auSubjects.validateSettings(settings);
        m_feSubjects.validateSettings(settings);
        m_perSubject.validateSettings(settings);
        m_feLabelNoise.validateSettings(settings);
        m_feUnrelated.validateSettings(settings);
        m_size.validateSettings(settings);
        m_nuisance.validateSettings(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_seed.loadSettingsFrom(settings);
        m_auSubjects.loadSettingsFrom(settings);
        m_feSubjects.loadSettingsFrom(settings);
        m_perSubject.loadSettingsFrom(settings);
        m_feLabelNoise.loadSettingsFrom(settings);
        m_feUnrelated.loadSettingsFrom(settings);
        m_size.loadSettingsFrom(settings);
        m_nuisance.loadSettingsFrom(settings);
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // the output tables are all there is; KNIME saves them
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        // the output tables are all there is; KNIME saves them
    }
}
