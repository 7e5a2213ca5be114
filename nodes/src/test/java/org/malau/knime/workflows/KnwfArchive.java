package org.malau.knime.workflows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A workflow folder as a {@code .knwf} file, KNIME's workflow export: a zip whose entries lie under one folder named
 * after the workflow ({@code MAL_Demo_Synthetic/workflow.knime}, ...), which "File > Import KNIME Workflow" unpacks
 * into the workspace. Entries are sorted and carry a fixed time, so the same folder gives the same entries.
 */
final class KnwfArchive {
    private static final FileTime FIXED_TIME = FileTime.fromMillis(1_795_867_200_000L); // 2026-11-28T12:00Z

    private KnwfArchive() {
    }

    static void write(final Path workflowDir, final Path knwf) throws IOException {
        final String root = workflowDir.getFileName().toString();
        final List<Path> files;
        try (Stream<Path> s = Files.walk(workflowDir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(knwf); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            for (final Path f : files) {
                final ZipEntry e = new ZipEntry(root + "/" + workflowDir.relativize(f).toString().replace('\\', '/'));
                e.setLastModifiedTime(FIXED_TIME);
                zip.putNextEntry(e);
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
    }

    /** Entry name to content, for comparing archives by what they hold rather than by their compressed bytes. */
    static Map<String, byte[]> entries(final Path knwf) throws IOException {
        final Map<String, byte[]> m = new TreeMap<>();
        try (InputStream in = Files.newInputStream(knwf); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory()) {
                    m.put(e.getName(), zip.readAllBytes());
                }
            }
        }
        return m;
    }
}
