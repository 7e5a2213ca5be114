package org.malau.knime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.malau.knime.testing.NodeTesting;

/**
 * The Tycho build compiles the nodes against every engine package, exported or not, but in KNIME
 * the OSGi class loader only lets the nodes see the engine's exported packages; a missing export
 * would surface only as a NoClassDefFoundError when a node runs.
 */
class EngineExportsTest {
    private static final Pattern ENGINE_IMPORT = Pattern.compile("^import (org\\.malau\\.(?!knime\\b)[a-z0-9_.]+)\\.[A-Z]\\w*;",
        Pattern.MULTILINE);

    @Test
    void everyEnginePackageTheNodesImportIsExported() throws IOException {
        final Path engineManifest = NodeTesting.nodesDir().resolveSibling("plugin").resolve("META-INF/MANIFEST.MF");
        final Set<String> exported;
        try (InputStream in = Files.newInputStream(engineManifest)) {
            final String header = new Manifest(in).getMainAttributes().getValue("Export-Package");
            exported = Arrays.stream(header.split(",")).map(s -> s.split(";")[0].trim()).collect(Collectors.toSet());
        }
        final Set<String> imported = new TreeSet<>();
        try (Stream<Path> files = Files.walk(NodeTesting.nodesDir().resolve("src/main/java"))) {
            for (final Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                final Matcher m = ENGINE_IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    imported.add(m.group(1));
                }
            }
        }
        assertFalse(imported.isEmpty(), "the nodes import no engine package; is the pattern still right?");
        for (final String p : imported) {
            assertTrue(exported.contains(p), "the nodes import " + p + ", which the engine does not export: " + exported);
        }
    }
}
