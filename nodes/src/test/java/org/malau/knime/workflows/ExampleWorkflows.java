package org.malau.knime.workflows;

import java.util.List;

import org.malau.knime.aligner.FaceAlignerNodeFactory;
import org.malau.knime.aureader.AuDatasetReaderNodeFactory;
import org.malau.knime.fereader.ExpressionDatasetReaderNodeFactory;
import org.malau.knime.learner.MalLearnerNodeFactory;
import org.malau.knime.predictor.AuPredictorNodeFactory;
import org.malau.knime.scorer.AuScorerNodeFactory;
import org.malau.knime.synth.SyntheticFacesNodeFactory;
import org.malau.knime.weightviewer.SampleWeightViewerNodeFactory;
import org.malau.knime.workflows.KnimeNodes.Aggregation;
import org.malau.knime.workflows.WorkflowModel.KnimeStep;
import org.malau.knime.workflows.WorkflowModel.OurStep;
import org.malau.knime.workflows.WorkflowModel.Workflow;

/**
 * The example workflows, in one place: which nodes, where, how they are connected, which settings differ from the
 * nodes' defaults, and the notes that explain each step to someone who has never written code. Everything else (the
 * nodes' full settings, KNIME's file format) is filled in by {@link WorkflowWriter}.
 *
 * <p>
 * Port numbers are KNIME's: 0 is a node's flow variable port, 1 its first data port.
 */
final class ExampleWorkflows {
    /** Colours of the notes, one per kind of step. */
    private static final int DATA = 0xFFF3D6;

    private static final int TRAIN = 0xDDEBFF;

    private static final int TEST = 0xDDF5DD;

    private static final int LOOK = 0xEFE2FA;

    private static final int INFO = 0xFFFFFF;

    /** Column the Face Aligner appends and the learner and predictor read. */
    static final String ALIGNED = "aligned face";

    /** Where the aligners of workflow 1 take the eye positions from: the generator's landmark column. */
    static final String LANDMARK_SOURCE = "LANDMARKS_COLUMN";

    private ExampleWorkflows() {
    }

    /** The learners of the synthetic workflows: the small network they were made for, trained as before. */
    static final String SMALL_NETWORK = org.malau.knime.learner.MalLearnerNodeModel.INIT_SMALL;

    static List<Workflow> all() {
        return List.of(demoSynthetic(), alignYourPhotos(), bp4dProtocol(), smileDetector());
    }

    /** Workflow 1: the whole method on synthetic faces, nothing to download. */
    static Workflow demoSynthetic() {
        final Workflow w = new Workflow("MAL_Demo_Synthetic",
            "Meta Auxiliary Learning (MAL) on synthetic faces, end to end: make labelled practice faces, align them, "
                + "train an action unit (AU) detector together with facial-expression recognition, detect AUs on new "
                + "people, score the detection, and see which training samples MAL trusted. Runs as it is, in about six "
                + "minutes on two CPU cores.",
            "facial action units", "FACS", "meta auxiliary learning", "synthetic data", "MAL nodes for KNIME");
        final OurStep train = w.ours(1, SyntheticFacesNodeFactory.class, 40, 320, "practice faces\n(training people)")
            .set("seed", 1).set("au_subjects", 20).set("fe_subjects", 40).set("faces_per_subject", 20);
        final OurStep alignAu = w.ours(2, FaceAlignerNodeFactory.class, 280, 250, "align the\nAU-labelled faces")
            .set("landmark_source", LANDMARK_SOURCE);
        final OurStep alignFe = w.ours(3, FaceAlignerNodeFactory.class, 280, 390, "align the\nexpression faces")
            .set("landmark_source", LANDMARK_SOURCE);
        final OurStep learner = w.ours(4, MalLearnerNodeFactory.class, 500, 320, "learn AUs with MAL")
            .set("au_image_column", ALIGNED).set("fe_image_column", ALIGNED).set("strategy", "mal").set("epochs", 10)
            .set("initialisation", SMALL_NETWORK).set("learning_rate", 1e-3).set("meta_fraction", 0.1)
            .set("mal_variant", "paper");
        final OurStep testFaces = w.ours(5, SyntheticFacesNodeFactory.class, 40, 620, "test faces\n(new people)")
            .set("seed", 2).set("au_subjects", 8).set("fe_subjects", 0).set("faces_per_subject", 20);
        final OurStep alignTest = w.ours(6, FaceAlignerNodeFactory.class, 280, 620, "align the\ntest faces")
            .set("landmark_source", LANDMARK_SOURCE);
        final OurStep predictor = w.ours(7, AuPredictorNodeFactory.class, 720, 620, "detect AUs")
            .set("image_column", ALIGNED);
        final OurStep scorer = w.ours(8, AuScorerNodeFactory.class, 940, 620, "how well?\n(F1 per AU)");
        final OurStep weights = w.ours(9, SampleWeightViewerNodeFactory.class, 830, 320, "which samples\ndid MAL trust?");
        w.connect(train, 1, alignAu, 1);
        w.connect(train, 2, alignFe, 1);
        w.connect(alignAu, 1, learner, 1);
        w.connect(alignFe, 1, learner, 2);
        w.connect(learner, 2, weights, 1);
        w.connect(alignFe, 1, weights, 2);
        w.connect(testFaces, 1, alignTest, 1);
        w.connect(learner, 1, predictor, 1);
        w.connect(alignTest, 1, predictor, 2);
        w.connect(predictor, 1, scorer, 1);

        w.note(20, 20, 1080, 64, INFO, "MAL demo on synthetic faces\n"
            + "How to run it: right-click the node \"AU Scorer\" and choose \"Execute\" (or press Shift+F7 to run "
            + "everything). Nodes turn green when done. Click a node to see its results below the workflow; "
            + "right-click a node to open its views.\n"
            + "Nothing is downloaded: the faces are drawn by the extension itself, with known labels.");
        w.note(20, 100, 420, 420, DATA, "Step 1 - practice data\n"
            + "\"Synthetic FACS Faces\" draws faces of made-up people. Each face shows a mix of facial action units "
            + "(AUs, small muscle movements such as a brow raise) with known labels. It makes two tables: faces "
            + "labelled with AUs, and faces labelled only with an expression (happy, sad, ...), some of which are "
            + "deliberately wrong or show no face.\n"
            + "\"Face Aligner\" turns and scales every face so that the eyes are always in the same place.");
        w.note(460, 100, 200, 420, TRAIN, "Step 2 - learning\n"
            + "\"MAL Learner\" trains a small neural network to find AUs. The expression faces help, and MAL "
            + "learns a weight for every one of them: high for useful samples, low for wrong or useless ones.");
        w.note(680, 100, 420, 420, LOOK, "Step 3 - look inside\n"
            + "\"Sample Weight Viewer\" shows the weights MAL learned. Open its view (right-click, \"View\"): clean "
            + "samples should end up with higher weights than corrupted ones.");
        w.note(20, 540, 1080, 210, TEST, "Step 4 - testing on people the network has never seen\n"
            + "A second \"Synthetic FACS Faces\" (another seed) makes new people. \"AU Predictor\" detects their AUs; "
            + "\"AU Scorer\" compares with the true labels: one row per AU with its F1 score (1 = perfect), and the "
            + "average.");
        return w;
    }

    /** Workflow 2: align the faces of the user's own photos. */
    static Workflow alignYourPhotos() {
        final Workflow w = new Workflow("Align_Your_Photos",
            "Finds the faces in a folder of photos and aligns them (eyes always in the same place), one aligned face "
                + "per photo. Ships with sample photos (public domain and CC0, see data/sample-photos/ATTRIBUTION.md); "
                + "point it at your own folder to align your photos.",
            "face alignment", "face detection", "MAL nodes for KNIME");
        w.data("sample-photos");
        final KnimeStep folder = w.knime(1, KnimeNodes.CREATE_PATH_VARIABLES, 70, 250, "your photo folder",
            m -> KnimeNodes.createPathVariables(m, new String[]{"photo_folder"}, new String[]{"sample-photos"}));
        final KnimeStep list = w.knime(2, KnimeNodes.LIST_FILES, 260, 250, "list the photos",
            m -> KnimeNodes.listFiles(m, "sample-photos", "jpg;jpeg;png", true));
        list.variable("file_chooser/path", "photo_folder");
        final KnimeStep paths = w.knime(3, KnimeNodes.PATH_TO_STRING, 480, 250, "paths as text",
            m -> KnimeNodes.pathToString(m, "Path", "image"));
        final OurStep align = w.ours(4, FaceAlignerNodeFactory.class, 700, 250, "find and align\nthe faces")
            .set("image_column", "image").set("grey", false);
        w.connect(folder, 1, list, 0);
        w.connect(list, 1, paths, 1);
        w.connect(paths, 1, align, 1);

        w.note(20, 20, 840, 64, INFO, "Align your photos\n"
            + "Run it: right-click \"Face Aligner\" and choose \"Execute\". Then click \"Face Aligner\": the table "
            + "below the workflow shows each photo with its aligned face, whether a face was found (face status) and "
            + "where.");
        w.note(20, 100, 420, 280, DATA, "Use your own photos\n"
            + "Double-click \"Create File/Folder Variables\". Set the base location to \"Local File System\", choose "
            + "the folder with your photos, and clear the value of photo_folder. JPEG and PNG photos are read.");
        w.note(460, 100, 400, 280, TEST, "What happens\n"
            + "The photos are listed, their paths passed to \"Face Aligner\", which detects the largest face in each "
            + "photo, finds the eyes and cuts out a 112 x 112 face with the eyes at fixed positions.");
        return w;
    }

    /** Workflow 4: a smile (AU12) detector trained on 40 real photos, scored on people it has not seen. */
    static Workflow smileDetector() {
        final Workflow w = new Workflow("Smile_Detector",
            "A smile detector (action unit 12, lip corner puller) trained on a few dozen real photos: 40 photos of 20 "
                + "people, each neutral and smiling (Face Research Lab London Set, CC BY 4.0, see data/smiles/"
                + "ATTRIBUTION.md). The faces are found and aligned, and in 5 rounds a network pretrained on real faces "
                + "is fine-tuned on 16 people and tested on the other 4; F1 averaged over the rounds.",
            "facial action units", "AU12", "smile", "real photos", "pretrained network", "cross-validation",
            "MAL nodes for KNIME");
        w.data("smiles");
        final OurStep photos = w.ours(1, AuDatasetReaderNodeFactory.class, 40, 400, "photos and\nsmile labels")
            .set("format", "GENERIC_CSV").set("location", "knime://knime.workflow/data/smiles/labels.csv")
            .set("au_codes", "12");
        final OurStep align = w.ours(2, FaceAlignerNodeFactory.class, 220, 400, "find and align\nthe faces")
            .set("image_column", "image");
        final KnimeStep people = w.knime(3, KnimeNodes.GROUP_BY, 400, 250, "list the people",
            m -> KnimeNodes.groupBy(m, List.of("subject"), List.of()));
        final KnimeStep folds = w.knime(4, KnimeNodes.X_PARTITIONER, 560, 250, "5 folds of people",
            m -> KnimeNodes.xPartitioner(m, 5, 20_261_204L));
        final KnimeStep trainRows = w.knime(5, KnimeNodes.REFERENCE_ROW_FILTER, 740, 320, "photos of the\ntraining people",
            m -> KnimeNodes.referenceRowFilter(m, "subject", "subject"));
        final KnimeStep testRows = w.knime(6, KnimeNodes.REFERENCE_ROW_FILTER, 740, 520, "photos of the\ntest people",
            m -> KnimeNodes.referenceRowFilter(m, "subject", "subject"));
        final OurStep learner = w.ours(7, MalLearnerNodeFactory.class, 920, 320, "fine-tune the\npretrained network")
            .set("au_image_column", ALIGNED).set("strategy", "au-only");
        final OurStep predictor = w.ours(8, AuPredictorNodeFactory.class, 1080, 520, "detect smiles")
            .set("image_column", ALIGNED);
        final OurStep scorer = w.ours(9, AuScorerNodeFactory.class, 1230, 520, "F1\n(this fold)");
        final KnimeStep collect = w.knime(10, KnimeNodes.LOOP_END, 1390, 520, "collect\nthe 5 folds",
            KnimeNodes::loopEnd);
        final String doubleCell = "org.knime.core.data.def.DoubleCell";
        final KnimeStep average = w.knime(11, KnimeNodes.GROUP_BY, 1530, 520, "average over folds\n(the result)",
            m -> KnimeNodes.groupBy(m, List.of("AU"), List.of(new Aggregation("F1", doubleCell, "Mean_V4.6"),
                new Aggregation("precision", doubleCell, "Mean_V4.6"),
                new Aggregation("recall", doubleCell, "Mean_V4.6"))));
        w.connect(photos, 1, align, 1);
        w.connect(align, 1, people, 1);
        w.connect(people, 1, folds, 1);
        w.connect(align, 1, trainRows, 1);
        w.connect(folds, 1, trainRows, 2);
        w.connect(align, 1, testRows, 1);
        w.connect(folds, 2, testRows, 2);
        w.connect(trainRows, 1, learner, 1);
        w.connect(learner, 1, predictor, 1);
        w.connect(testRows, 1, predictor, 2);
        w.connect(predictor, 1, scorer, 1);
        w.connect(scorer, 1, collect, 1);
        w.connect(collect, 1, average, 1);

        w.note(20, 20, 1640, 80, INFO, "Smile detector from 40 real photos\n"
            + "Run it: right-click the last node (\"GroupBy\", average over folds) and choose \"Execute\" (a few minutes "
            + "on two CPU cores). Click it when it is green: the F1 of smile detection averaged over 5 rounds, each "
            + "tested on 4 people the network never saw (1 = every smile found, no false alarm).\n"
            + "Photos: Face Research Lab London Set, DeBruine & Jones (2017), doi:10.6084/m9.figshare.5047666.v5, "
            + "CC BY 4.0; reduced in size (data/smiles/ATTRIBUTION.md).");
        w.note(20, 120, 360, 520, DATA, "Step 1 - photos and labels\n"
            + "\"AU Data Set Reader\" reads data/smiles/labels.csv: for every photo the person (subject) and AU12 "
            + "(1 = smiling). For your own photos, write such a table (file, subject, AU columns) and point the reader "
            + "at it.\n\"Face Aligner\" finds each face, places the eyes with a pretrained 68-point landmark network "
            + "and cuts out a 112 x 112 colour face.");
        w.note(400, 120, 300, 520, TEST, "Step 2 - 5 folds of people\n"
            + "Each person is in the test part of exactly one fold and never in training and test at once: the score "
            + "says how well the detector works on new people.");
        w.note(720, 120, 620, 520, TRAIN, "Step 3 - inside the loop (runs 5 times)\n"
            + "\"MAL Learner\" starts from a network pretrained on real faces (face-api.js's expression network, "
            + "shipped with the extension) and fine-tunes it on 16 people's photos; it stops by itself when the "
            + "held-out people's loss stops improving. \"AU Predictor\" detects smiles on the 4 test people and "
            + "\"AU Scorer\" scores them.");
        w.note(1360, 120, 300, 520, LOOK, "Step 4 - the result\n"
            + "\"Loop End\" stacks the scores of the 5 folds; \"GroupBy\" averages F1, precision and recall.");
        return w;
    }

    /** Workflow 3: the standard AU benchmark protocol, shipped with a tiny synthetic stand-in for the data sets. */
    static Workflow bp4dProtocol() {
        final Workflow w = new Workflow("BP4D_DISFA_Protocol",
            "The usual AU benchmark protocol: 3-fold cross-validation with different people in training and test, MAL "
                + "trained on an AU data set (BP4D or DISFA) helped by an expression data set (RAF-DB), F1 per AU "
                + "averaged over the folds. Ships pointing at a tiny synthetic stand-in in the BP4D and RAF-DB folder "
                + "layouts (data/), so that it runs; set the two folder variables to your licensed copies to run the "
                + "real protocol.",
            "facial action units", "BP4D", "DISFA", "RAF-DB", "cross-validation", "MAL nodes for KNIME");
        w.data("BP4D-tiny");
        w.data("RAF-DB-tiny");
        final KnimeStep folders = w.knime(1, KnimeNodes.VARIABLE_CREATOR, 30, 390, "data set folders",
            m -> KnimeNodes.variableCreator(m, new String[]{"au_dataset_folder", "expression_dataset_folder"},
                new String[]{"knime://knime.workflow/data/BP4D-tiny", "knime://knime.workflow/data/RAF-DB-tiny"}));
        final OurStep au = w.ours(2, AuDatasetReaderNodeFactory.class, 230, 300, "AU-labelled faces\n(BP4D layout)");
        au.variable("location", "au_dataset_folder");
        final OurStep fe = w.ours(3, ExpressionDatasetReaderNodeFactory.class, 230, 470,
            "expression faces\n(RAF-DB layout)").set("partition", "train");
        fe.variable("location", "expression_dataset_folder");
        final KnimeStep people = w.knime(4, KnimeNodes.GROUP_BY, 410, 180, "list the people",
            m -> KnimeNodes.groupBy(m, List.of("subject"), List.of()));
        final KnimeStep folds = w.knime(5, KnimeNodes.X_PARTITIONER, 560, 180, "3 folds of people",
            m -> KnimeNodes.xPartitioner(m, 3, 20_261_128L));
        final KnimeStep trainRows = w.knime(6, KnimeNodes.REFERENCE_ROW_FILTER, 740, 250, "faces of the\ntraining people",
            m -> KnimeNodes.referenceRowFilter(m, "subject", "subject"));
        final KnimeStep testRows = w.knime(7, KnimeNodes.REFERENCE_ROW_FILTER, 740, 450, "faces of the\ntest people",
            m -> KnimeNodes.referenceRowFilter(m, "subject", "subject"));
        final OurStep learner = w.ours(8, MalLearnerNodeFactory.class, 900, 250, "learn AUs with MAL")
            .set("strategy", "mal").set("epochs", 15).set("initialisation", SMALL_NETWORK).set("learning_rate", 1e-3)
            .set("meta_fraction", 0.1).set("mal_variant", "paper");
        final OurStep predictor = w.ours(9, AuPredictorNodeFactory.class, 1060, 450, "detect AUs");
        final OurStep scorer = w.ours(10, AuScorerNodeFactory.class, 1210, 450, "F1 per AU\n(this fold)");
        final KnimeStep collect = w.knime(11, KnimeNodes.LOOP_END, 1380, 450, "collect\nthe 3 folds",
            KnimeNodes::loopEnd);
        final String doubleCell = "org.knime.core.data.def.DoubleCell";
        final KnimeStep average = w.knime(12, KnimeNodes.GROUP_BY, 1520, 450, "average over folds\n(the result)",
            m -> KnimeNodes.groupBy(m, List.of("AU"), List.of(new Aggregation("F1", doubleCell, "Mean_V4.6"),
                new Aggregation("precision", doubleCell, "Mean_V4.6"),
                new Aggregation("recall", doubleCell, "Mean_V4.6"))));
        w.connect(folders, 1, au, 0);
        w.connect(folders, 1, fe, 0);
        w.connect(au, 1, people, 1);
        w.connect(people, 1, folds, 1);
        w.connect(au, 1, trainRows, 1);
        w.connect(folds, 1, trainRows, 2);
        w.connect(au, 1, testRows, 1);
        w.connect(folds, 2, testRows, 2);
        w.connect(trainRows, 1, learner, 1);
        w.connect(fe, 1, learner, 2);
        w.connect(learner, 1, predictor, 1);
        w.connect(testRows, 1, predictor, 2);
        w.connect(predictor, 1, scorer, 1);
        w.connect(scorer, 1, collect, 1);
        w.connect(collect, 1, average, 1);

        w.note(20, 20, 1640, 70, INFO, "BP4D / DISFA protocol\n"
            + "Run it: right-click the last node (\"GroupBy\", average over folds) and choose \"Execute\". Click it "
            + "when it is green: one row per AU with its F1 averaged over the 3 folds, and the average over all "
            + "AUs.\nThe data shipped in data/ is synthetic (not BP4D, not RAF-DB), only laid out like them.");
        w.note(20, 110, 360, 520, DATA, "Step 1 - your data sets\n"
            + "Double-click \"Variable Creator\" and replace the two folders by your copies of BP4D (or DISFA: then "
            + "also choose DISFA in the AU reader) and RAF-DB. The readers take the folders from these variables.\n"
            + "The stand-in's faces are already cut out and aligned. Real BP4D and DISFA frames are whole video "
            + "frames: insert a \"Face Aligner\" after the AU reader and choose its \"aligned face\" column as the "
            + "image column of \"MAL Learner\" and \"AU Predictor\".");
        w.note(400, 110, 300, 520, TEST, "Step 2 - 3 folds of people\n"
            + "Each person is in the test part of exactly one fold and never in training and test at once.");
        w.note(720, 110, 620, 520, TRAIN, "Step 3 - inside the loop (runs 3 times)\n"
            + "MAL learns from the training people's faces, helped by the expression faces, then detects AUs on the "
            + "test people and scores them.");
        w.note(1360, 110, 300, 520, LOOK, "Step 4 - the result\n"
            + "\"Loop End\" stacks the scores of the 3 folds; \"GroupBy\" averages F1, precision and recall per AU "
            + "over the folds.");
        return w;
    }
}
