package org.malau.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The jars copied into lib/ at build time and the manifest's Bundle-ClassPath must name the same
 * files: a jar missing from the manifest is dead weight in the update site, a manifest entry
 * without its jar is a ClassNotFoundException in KNIME that no flat-class-path test would show.
 */
class BundleClassPathTest {
    @Test
    void everyJarInLibIsOnTheBundleClassPathAndNothingElse() throws IOException {
        Manifest manifest;
        try (InputStream in = Files.newInputStream(Paths.get("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        Set<String> declared = Arrays.stream(manifest.getMainAttributes().getValue("Bundle-ClassPath").split(","))
            .map(String::trim).filter(e -> !e.equals(".")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> copied;
        try (Stream<Path> jars = Files.list(Paths.get("lib"))) {
            copied = jars.map(p -> "lib/" + p.getFileName()).filter(n -> n.endsWith(".jar"))
                .collect(Collectors.toCollection(TreeSet::new));
        }
        assertFalse(copied.isEmpty(), "lib/ is empty: the build did not copy the third-party jars");
        assertEquals(copied, declared, "Bundle-ClassPath in META-INF/MANIFEST.MF differs from the jars in lib/");
    }
}
