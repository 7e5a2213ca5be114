package org.malau.knime.workflows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.knime.core.node.InvalidSettingsException;
import org.malau.knime.testing.NodeTesting;
import org.malau.knime.workflows.WorkflowModel.Workflow;

/**
 * Writes the example workflows of {@link ExampleWorkflows} under {@code <root>/workflows/} (a folder and a
 * {@code .knwf} per workflow, with their data) and the picture of workflow 1 as {@code <root>/docs/workflow-demo.png}.
 * {@link ExampleWorkflowsTest} runs it into a temporary folder and compares with the repository; with
 * {@code -Dmalau.workflows.regenerate=true} it writes into the repository instead (see {@code workflows/README.md}).
 */
final class ExampleWorkflowGenerator {
    static final String WORKFLOWS = "workflows";

    static final String PICTURE = "docs/workflow-demo.png";

    private ExampleWorkflowGenerator() {
    }

    /** The repository's root (the folder holding {@code nodes/}). */
    static Path repositoryRoot() {
        return NodeTesting.nodesDir().getParent();
    }

    static void generate(final Path root) throws IOException, InvalidSettingsException {
        final WorkflowWriter writer = new WorkflowWriter();
        final Path workflows = root.resolve(WORKFLOWS);
        Files.createDirectories(workflows);
        for (final Workflow wf : ExampleWorkflows.all()) {
            final Path dir = workflows.resolve(wf.name());
            deleteTree(dir);
            writer.write(wf, dir);
            for (final String data : wf.dataFolders()) {
                final Path target = dir.resolve("data").resolve(data);
                switch (data) {
                    case "sample-photos" -> ExampleData.samplePhotos(NodeTesting.sharedDir().resolve("data/faces"), target);
                    case "BP4D-tiny" -> ExampleData.bp4dTiny(target);
                    case "RAF-DB-tiny" -> ExampleData.rafDbTiny(target);
                    case "smiles" -> ExampleData.smiles(NodeTesting.sharedDir().resolve("data/smiles"), target);
                    default -> throw new IllegalArgumentException(wf.name() + ": no generator for data/" + data);
                }
            }
            KnwfArchive.write(dir, workflows.resolve(wf.name() + ".knwf"));
        }
        WorkflowPicture.draw(workflows.resolve(ExampleWorkflows.demoSynthetic().name()), root.resolve(PICTURE));
        // pictures of all workflows, to look at a layout while editing ExampleWorkflows
        final String previews = System.getProperty("malau.workflows.previews");
        if (previews != null) {
            for (final Workflow wf : ExampleWorkflows.all()) {
                WorkflowPicture.draw(workflows.resolve(wf.name()), Path.of(previews).resolve(wf.name() + ".png"));
            }
        }
    }

    /** Deletes a generated workflow folder before it is written again, so that no stale file survives. */
    private static void deleteTree(final Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (final Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
