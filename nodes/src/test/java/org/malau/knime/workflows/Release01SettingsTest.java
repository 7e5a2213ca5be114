package org.malau.knime.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.knime.core.node.Node;
import org.knime.core.node.NodeSettings;
import org.malau.knime.testing.Fixtures;

/**
 * Every {@code settings.xml} our nodes saved in the example workflows of release 0.1 (kept as fixtures) loads into
 * today's node models through KNIME's route ({@code Node.loadSettingsFrom}: validate, then load), and what the node
 * then saves loads again: workflows saved with 0.1 open and keep working, as KNIME's own nodes guarantee.
 */
class Release01SettingsTest {

    private static List<Path> fixtures() throws Exception {
        try (Stream<Path> files = Files.walk(Fixtures.dir())) {
            return files.filter(p -> p.getFileName().toString().equals("settings.xml")).sorted().toList();
        }
    }

    @Test
    void everySavedNodeOfRelease01LoadsAndSavesAgain() throws Exception {
        final List<Path> files = fixtures();
        assertEquals(15, files.size(), "the nodes of ours in the three example workflows of release 0.1: " + files);
        final Set<String> factories = new TreeSet<>();
        for (final Path file : files) {
            final NodeSettings saved = Fixtures.load(file);
            final String factory = saved.getString("factory");
            factories.add(factory);
            final Node node = WorkflowWriter.ourNode(factory);
            node.loadSettingsFrom(saved);
            final NodeSettings again = new NodeSettings("settings.xml");
            node.saveSettingsTo(again);
            final Node fresh = WorkflowWriter.ourNode(factory);
            fresh.loadSettingsFrom(again);
            // no setting of 0.1 is dropped: loaded and saved again, every key is still there
            final Set<String> before = saved.getNodeSettings(Node.CFG_MODEL).keySet();
            final Set<String> after = again.getNodeSettings(Node.CFG_MODEL).keySet();
            assertTrue(after.containsAll(before), () -> Fixtures.dir().relativize(file) + ": saved " + after
                + ", lost some of " + before);
        }
        assertTrue(factories.size() >= 7, "the fixtures cover our nodes: " + factories);
    }
}
