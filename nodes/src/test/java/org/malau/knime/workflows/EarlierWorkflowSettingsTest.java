package org.malau.knime.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.Node;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.config.base.ConfigBase;
import org.malau.knime.testing.Fixtures;

/**
 * Settings saved before the choices were stored by id (the example workflows at 470a644 and release 0.1.0, see the
 * fixtures' READMEs) still load through each node model, and are saved again with every choice as its id: an enum's
 * name, or the engine's own id where it has one.
 */
class EarlierWorkflowSettingsTest {
    /** What earlier versions stored for a choice, and the id it is saved as now; values not listed stay as they are. */
    private static final Map<String, Map<String, String>> CONVERTED = Map.of(
        "face_mode", Map.of("Largest face", "LARGEST", "All faces", "ALL"),
        "landmark_source", Map.of("None: detect faces", "DETECT", "Landmarks column", "LANDMARKS_COLUMN",
            "Eye center columns", "EYE_COLUMNS", "Eye centre columns", "EYE_COLUMNS"),
        "eye_method", Map.of("68 landmarks (pretrained network)", "landmarks68", "Eye cascades", "cascade"),
        "missing_images", Map.of("Fail", "FAIL", "Skip and warn", "SKIP"),
        "format", Map.of("BP4D", "BP4D", "DISFA", "DISFA", "Generic CSV", "GENERIC_CSV", "RAF-DB", "RAFDB",
            "AffectNet", "AFFECTNET", "FER2013", "FER2013"));

    /** The ids each stored choice may have after loading. */
    private static final Map<String, Set<String>> IDS = Map.of(
        "face_mode", Set.of("LARGEST", "ALL"),
        "landmark_source", Set.of("DETECT", "EYE_COLUMNS", "LANDMARKS_COLUMN"),
        "eye_method", Set.of("landmarks68", "cascade"),
        "missing_images", Set.of("FAIL", "SKIP"),
        "format", Set.of("BP4D", "DISFA", "GENERIC_CSV", "RAFDB", "AFFECTNET", "FER2013"),
        "strategy", Set.of("au-only", "mtl", "uncertainty", "l2rw", "mal"),
        "engine", Set.of("libtorch", "dl4j"),
        "mal_variant", Set.of("robust", "paper"),
        "initialisation", Set.of("face-api-expression", "face-api-landmarks", "small-random"),
        "weight_layout", Set.of("long", "wide"));

    /** Settings the learner gained after 470a644's workflows were saved, and what it loads them as (the old behaviour). */
    private static final Map<String, String> ADDED_SINCE_470A644 = Map.of("mal_variant", "paper");

    private static List<Path> fixtures(final String set) throws Exception {
        try (Stream<Path> files = Files.walk(Fixtures.dir(set))) {
            return files.filter(p -> p.getFileName().toString().equals("settings.xml")).sorted().toList();
        }
    }

    @Test
    void theExampleWorkflowsOf470a644LoadAndAreSavedWithIdsAndOtherwiseUnchanged() throws Exception {
        final List<Path> files = fixtures(Fixtures.BEFORE_CHOICE_IDS);
        assertEquals(20, files.size(), "the nodes of ours in the four example workflows");
        final Set<String> converted = new TreeSet<>();
        for (final Path f : files) {
            final String name = Fixtures.dir(Fixtures.BEFORE_CHOICE_IDS).relativize(f).toString();
            final NodeSettingsRO saved = Fixtures.load(f);
            final ConfigBase before = (ConfigBase)saved.getNodeSettings(Node.CFG_MODEL);
            final ConfigBase after = (ConfigBase)loadAndSave(saved).getNodeSettings(Node.CFG_MODEL);
            // what the model should save: the earlier settings with choices as ids, and the settings added since
            final ConfigBase expected = (ConfigBase)Fixtures.load(f).getNodeSettings(Node.CFG_MODEL);
            converted.addAll(convert(before, expected));
            for (final String key : after.keySet()) {
                if (before.containsKey(key)) {
                    continue;
                }
                final String setting = key.replaceFirst("_Internals$", "");
                assertTrue(ADDED_SINCE_470A644.containsKey(setting), name + ": unexpected new setting " + key);
                if (key.equals(setting)) {
                    expected.addString(key, ADDED_SINCE_470A644.get(key));
                } else {
                    // KNIME's bookkeeping of the settings model beside the value
                    final ConfigBase internals = expected.addConfigBase(key);
                    internals.addString("SettingsModelID", after.getConfigBase(key).getString("SettingsModelID"));
                    internals.addBoolean("EnabledStatus", after.getConfigBase(key).getBoolean("EnabledStatus"));
                }
            }
            assertIds(name, after);
            assertEquals(expected.toString(), after.toString(), name);
        }
        // the fixtures hold every kind of text those workflows stored
        assertTrue(converted.containsAll(List.of("face_mode: Largest face -> LARGEST",
            "landmark_source: None: detect faces -> DETECT", "landmark_source: Landmarks column -> LANDMARKS_COLUMN",
            "eye_method: 68 landmarks (pretrained network) -> landmarks68", "missing_images: Fail -> FAIL",
            "format: Generic CSV -> GENERIC_CSV", "format: RAF-DB -> RAFDB")), converted.toString());
    }

    @Test
    void theNodesOfRelease01LoadAndAreSavedWithIds() throws Exception {
        final List<Path> files = fixtures(Fixtures.RELEASE_0_1);
        final Set<String> converted = new TreeSet<>();
        for (final Path f : files) {
            final String name = Fixtures.dir(Fixtures.RELEASE_0_1).relativize(f).toString();
            final NodeSettingsRO saved = Fixtures.load(f);
            final ConfigBase before = (ConfigBase)saved.getNodeSettings(Node.CFG_MODEL);
            final ConfigBase after = (ConfigBase)loadAndSave(saved).getNodeSettings(Node.CFG_MODEL);
            final ConfigBase expected = (ConfigBase)Fixtures.load(f).getNodeSettings(Node.CFG_MODEL);
            converted.addAll(convert(before, expected));
            for (final String key : CONVERTED.keySet()) {
                if (before.containsKey(key)) {
                    assertEquals(expected.getString(key), after.getString(key), name + " " + key);
                }
            }
            assertIds(name, after);
        }
        assertTrue(converted.containsAll(List.of("face_mode: Largest face -> LARGEST", "format: RAF-DB -> RAFDB",
            "landmark_source: Landmarks column -> LANDMARKS_COLUMN", "missing_images: Fail -> FAIL")),
            converted.toString());
    }

    @Test
    void theOtherTextsOfThoseVersionsLoadToo() throws Exception {
        // values the example workflows did not happen to use, set in their files as a user would have saved them
        int checked = 0;
        for (final String[] c : new String[][]{
            {"Smile_Detector/AU Data Set Reader (#1)", "missing_images", "Skip and warn", "SKIP"},
            {"BP4D_DISFA_Protocol/Expression Data Set Reader (#3)", "missing_images", "Skip and warn", "SKIP"},
            {"BP4D_DISFA_Protocol/Expression Data Set Reader (#3)", "format", "FER2013", "FER2013"},
            {"BP4D_DISFA_Protocol/AU Data Set Reader (#2)", "format", "DISFA", "DISFA"},
            {"Smile_Detector/Face Aligner (#2)", "face_mode", "All faces", "ALL"},
            {"Smile_Detector/Face Aligner (#2)", "eye_method", "Eye cascades", "cascade"},
            {"Smile_Detector/Face Aligner (#2)", "landmark_source", "Eye centre columns", "EYE_COLUMNS"},
            {"Smile_Detector/Face Aligner (#2)", "landmark_source", "Eye center columns", "EYE_COLUMNS"}}) {
            final NodeSettings saved = settings(c[0]);
            ((ConfigBase)saved.getNodeSettings(Node.CFG_MODEL)).addString(c[1], c[2]);
            assertEquals(c[3], loadAndSave(saved).getNodeSettings(Node.CFG_MODEL).getString(c[1]), c[0] + " " + c[1]);
            checked++;
        }
        assertEquals(8, checked);
    }

    @Test
    void aTextNoVersionStoredIsRefusedNamingTheChoices() throws Exception {
        final NodeSettings saved = settings("Smile_Detector/Face Aligner (#2)");
        ((ConfigBase)saved.getNodeSettings(Node.CFG_MODEL)).addString("face_mode", "Biggest face");
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> loadAndSave(saved));
        assertTrue(e.getMessage().contains("\"Biggest face\"") && e.getMessage().contains("LARGEST (Largest face)"),
            e.getMessage());
    }

    private static NodeSettings settings(final String node) throws Exception {
        return Fixtures.load(Fixtures.dir(Fixtures.BEFORE_CHOICE_IDS).resolve(node).resolve("settings.xml"));
    }

    /** Replaces the earlier texts of {@code before}'s choices by their ids in {@code expected}; says what it replaced. */
    private static List<String> convert(final ConfigBase before, final ConfigBase expected)
        throws InvalidSettingsException {
        final List<String> done = new java.util.ArrayList<>();
        for (final String key : before.keySet()) {
            final Map<String, String> table = CONVERTED.get(key);
            if (table != null) {
                final String old = before.getString(key);
                final String id = table.getOrDefault(old, old);
                expected.addString(key, id);
                if (!id.equals(old)) {
                    done.add(key + ": " + old + " -> " + id);
                }
            }
        }
        return done;
    }

    private static void assertIds(final String name, final ConfigBase saved) throws InvalidSettingsException {
        for (final String key : saved.keySet()) {
            if (IDS.containsKey(key)) {
                assertTrue(IDS.get(key).contains(saved.getString(key)),
                    name + ": " + key + " saved as \"" + saved.getString(key) + "\", not an id");
            }
        }
    }

    private static NodeSettings loadAndSave(final NodeSettingsRO saved) throws Exception {
        final Node node = WorkflowWriter.ourNode(saved.getString("factory"));
        // KNIME's own route: validateSettings, then loadValidatedSettingsFrom, on the "model" child
        node.loadSettingsFrom(saved);
        final NodeSettings again = new NodeSettings("settings.xml");
        node.saveSettingsTo(again);
        return again;
    }
}
