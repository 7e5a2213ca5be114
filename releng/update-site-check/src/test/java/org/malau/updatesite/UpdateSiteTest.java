package org.malau.updatesite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the built p2 repository the way a KNIME installation does and checks what a user on each
 * platform would get: the right units, the platform filters, and native libraries of the right kind
 * for the platform (by file name and by the file's magic bytes), with nothing of another platform.
 */
class UpdateSiteTest {
    /** The fragments the feature promises, one per desktop platform KNIME runs on. */
    enum Platform {
        LINUX_X86_64("org.malau.engine.linux.x86_64", "linux", "gtk", "x86_64", "linux-x86_64", Binary.ELF_X86_64),
        WIN32_X86_64("org.malau.engine.win32.x86_64", "win32", "win32", "x86_64", "windows-x86_64", Binary.PE_X86_64),
        MACOSX_X86_64("org.malau.engine.macosx.x86_64", "macosx", "cocoa", "x86_64", "macosx-x86_64", Binary.MACHO_X86_64),
        MACOSX_AARCH64("org.malau.engine.macosx.aarch64", "macosx", "cocoa", "aarch64", "macosx-arm64", Binary.MACHO_ARM64);

        final String bundle;
        final String os;
        final String ws;
        final String arch;
        final String classifier;
        final Binary binary;

        Platform(String bundle, String os, String ws, String arch, String classifier, Binary binary) {
            this.bundle = bundle;
            this.os = os;
            this.ws = ws;
            this.arch = arch;
            this.classifier = classifier;
            this.binary = binary;
        }
    }

    /** Kinds of native binary, recognised from a file's first bytes. */
    enum Binary {
        ELF_X86_64, ELF_OTHER, PE_X86_64, PE_OTHER, MACHO_X86_64, MACHO_ARM64, MACHO_UNIVERSAL, MACHO_OTHER, NONE;

        static Binary of(byte[] h) {
            if (h.length >= 20 && h[0] == 0x7f && h[1] == 'E' && h[2] == 'L' && h[3] == 'F') {
                int machine = (h[18] & 0xff) | (h[19] & 0xff) << 8;
                return machine == 0x3E ? ELF_X86_64 : ELF_OTHER;
            }
            if (h.length >= 0x40 && h[0] == 'M' && h[1] == 'Z') {
                int peOffset = le32(h, 0x3C);
                if (peOffset > 0 && peOffset + 6 <= h.length && h[peOffset] == 'P' && h[peOffset + 1] == 'E'
                    && h[peOffset + 2] == 0 && h[peOffset + 3] == 0) {
                    int machine = (h[peOffset + 4] & 0xff) | (h[peOffset + 5] & 0xff) << 8;
                    return machine == 0x8664 ? PE_X86_64 : PE_OTHER;
                }
                return NONE;
            }
            if (h.length >= 8 && le32(h, 0) == 0xFEEDFACF) {
                int cpu = le32(h, 4);
                return cpu == 0x01000007 ? MACHO_X86_64 : cpu == 0x0100000C ? MACHO_ARM64 : MACHO_OTHER;
            }
            if (h.length >= 8 && (be32(h, 0) == 0xCAFEBABE) && be32(h, 4) > 0 && be32(h, 4) < 20) {
                // A universal Mach-O binary (a Java class file has the same magic but a version >= 45
                // here): it counts as x86_64 or arm64 when that slice is inside.
                return MACHO_UNIVERSAL;
            }
            return NONE;
        }

        /** Whether a binary of this kind runs on the platform; for universal binaries, from their slices. */
        boolean runsOn(Platform platform, byte[] h) {
            if (this != MACHO_UNIVERSAL) {
                return this == platform.binary;
            }
            int wanted = platform.binary == MACHO_X86_64 ? 0x01000007 : platform.binary == MACHO_ARM64 ? 0x0100000C : -1;
            int n = be32(h, 4);
            for (int i = 0; i < n && 8 + 20 * i + 4 <= h.length; i++) {
                if (be32(h, 8 + 20 * i) == wanted) {
                    return true;
                }
            }
            return false;
        }

        private static int le32(byte[] b, int o) {
            return (b[o] & 0xff) | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | (b[o + 3] & 0xff) << 24;
        }

        private static int be32(byte[] b, int o) {
            return (b[o] & 0xff) << 24 | (b[o + 1] & 0xff) << 16 | (b[o + 2] & 0xff) << 8 | (b[o + 3] & 0xff);
        }
    }

    private static Path target;
    private static Path repository;
    private static Map<String, Element> units;

    @BeforeAll
    static void readRepository() throws Exception {
        target = Paths.get(System.getProperty("malau.updatesite.dir", "../../update-site/target"));
        repository = target.resolve("repository");
        assertTrue(Files.isRegularFile(repository.resolve("artifacts.jar")), "no artifacts.jar in " + repository);
        Document content = readXmlFromJar(repository.resolve("content.jar"), "content.xml");
        units = new HashMap<>();
        NodeList list = content.getElementsByTagName("unit");
        for (int i = 0; i < list.getLength(); i++) {
            Element unit = (Element) list.item(i);
            units.put(unit.getAttribute("id"), unit);
        }
    }

    @Test
    void holdsOurFeatureAndBundlesAndNoKnimeBundle() throws IOException {
        TreeSet<String> plugins = new TreeSet<>();
        try (Stream<Path> files = Files.list(repository.resolve("plugins"))) {
            files.forEach(p -> plugins.add(p.getFileName().toString().replaceAll("_[0-9][^_]*\\.jar$", "")));
        }
        TreeSet<String> expected = new TreeSet<>(List.of("org.malau.engine", "org.malau.knime"));
        for (Platform p : Platform.values()) {
            expected.add(p.bundle);
        }
        assertEquals(expected, plugins, "bundles in the update site");
        assertTrue(units.containsKey("org.malau.feature.feature.group"), "feature group missing from content.jar");
        assertFalse(units.keySet().stream().anyMatch(id -> id.startsWith("org.knime")),
            "the update site must not carry any org.knime.* unit: " + units.keySet());
        try (Stream<Path> files = Files.list(target)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().matches("malau-knime-update-site-.*\\.zip")),
                "zipped update site for offline installation missing in " + target);
        }
    }

    @Test
    void theFeaturesDescriptionNamesEveryPlatformItShipsNativesFor() {
        // what KNIME's installation dialog shows: the feature group's description, localized from feature.properties
        String description = null;
        NodeList props = units.get("org.malau.feature.feature.group").getElementsByTagName("property");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            if (p.getAttribute("name").endsWith("description") && !p.getAttribute("value").startsWith("%")) {
                description = p.getAttribute("value");
            }
        }
        assertNotNull(description, "the feature group has no description");
        Map<Platform, String> readable = Map.of(Platform.LINUX_X86_64, "Linux x86_64", Platform.WIN32_X86_64,
            "Windows x86_64", Platform.MACOSX_X86_64, "macOS x86_64", Platform.MACOSX_AARCH64, "macOS arm64");
        for (Platform p : Platform.values()) {
            assertTrue(description.contains(readable.get(p)), p + " is not named in: " + description);
        }
        for (String library : List.of("LibTorch", "ND4J", "OpenBLAS", "OpenCV")) {
            assertTrue(description.contains(library), library + " is not named in: " + description);
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void fragmentIsFilteredToItsPlatformAndTheFeatureInstallsItOnlyThere(Platform platform) {
        Element unit = units.get(platform.bundle);
        assertNotNull(unit, platform.bundle + " missing from content.jar");
        String filter = childText(unit, "filter").replace(" ", "");
        assertTrue(filter.contains("(osgi.os=" + platform.os + ")") && filter.contains("(osgi.arch=" + platform.arch + ")"),
            platform.bundle + " has platform filter '" + filter + "'");
        Element feature = units.get("org.malau.feature.feature.group");
        NodeList required = feature.getElementsByTagName("required");
        boolean found = false;
        for (int i = 0; i < required.getLength(); i++) {
            Element r = (Element) required.item(i);
            if (platform.bundle.equals(r.getAttribute("name"))) {
                String rf = text(r, "filter").replace(" ", "");
                assertTrue(rf.contains("(osgi.os=" + platform.os + ")") && rf.contains("(osgi.arch=" + platform.arch + ")"),
                    "the feature must require " + platform.bundle + " only on its platform, filter was '" + rf + "'");
                found = true;
            }
        }
        assertTrue(found, "the feature does not include " + platform.bundle);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void fragmentCarriesNativeLibrariesOfItsPlatformOnly(Platform platform) throws IOException {
        Path jar = bundleJar(platform.bundle);
        List<String> natives = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        try (JarFile fragment = new JarFile(jar.toFile())) {
            assertEquals("(& (osgi.os=" + platform.os + ") (osgi.arch=" + platform.arch + "))",
                fragment.getManifest().getMainAttributes().getValue("Eclipse-PlatformFilter"));
            for (ZipEntry e : java.util.Collections.list(fragment.entries())) {
                if (!e.getName().endsWith(".jar")) {
                    continue;
                }
                try (ZipInputStream nested = new ZipInputStream(fragment.getInputStream(e))) {
                    scanNatives(e.getName(), nested, platform, natives, wrong);
                }
            }
        }
        assertTrue(wrong.isEmpty(), platform.bundle + " holds files of another platform: " + wrong);
        // ND4J's backend, LibTorch (its CPU library and JavaCPP's bridge to it), OpenBLAS and OpenCV core are what
        // the engine loads; each must be there.
        for (String needed : new String[] {"nd4jcpu", "torch_cpu", "jnitorch", "openblas", "opencv_core"}) {
            assertTrue(natives.stream().anyMatch(n -> n.contains(needed)),
                platform.bundle + " lacks a native library for " + needed + "; natives: " + natives);
        }
        System.out.println(platform.bundle + ": " + natives.size() + " native libraries, all " + platform.binary);
    }

    /**
     * JNA (used by ND4J's system-information library) carries its own small dispatch library for every
     * platform inside jna.jar and picks the right one itself; every other native belongs in a fragment.
     */
    @Test
    void engineBundleItselfHoldsNoNativeLibrariesApartFromJnasOwn() throws IOException {
        List<String> natives = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        try (JarFile engine = new JarFile(bundleJar("org.malau.engine").toFile())) {
            for (ZipEntry e : java.util.Collections.list(engine.entries())) {
                if (e.getName().endsWith(".jar") && !e.getName().equals("lib/jna.jar")) {
                    try (ZipInputStream nested = new ZipInputStream(engine.getInputStream(e))) {
                        scanNatives(e.getName(), nested, null, natives, wrong);
                    }
                }
            }
        }
        assertTrue(natives.isEmpty() && wrong.isEmpty(), "natives belong in the platform fragments: " + natives + wrong);
    }

    /**
     * The nodes bundle embeds JFreeChart (pure Java) for the Sample Weight Viewer: every Bundle-ClassPath entry must
     * be inside the bundle, and no embedded jar may carry native libraries.
     */
    @Test
    void nodesBundleCarriesItsClassPathJarsWithoutNatives() throws IOException {
        List<String> natives = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        try (JarFile nodes = new JarFile(bundleJar("org.malau.knime").toFile())) {
            String classPath = nodes.getManifest().getMainAttributes().getValue("Bundle-ClassPath");
            assertNotNull(classPath, "org.malau.knime has no Bundle-ClassPath");
            List<String> entries = java.util.Arrays.stream(classPath.split(",")).map(String::trim).toList();
            assertTrue(entries.contains("lib/jfreechart.jar"), "Bundle-ClassPath: " + entries);
            for (String entry : entries) {
                if (!entry.equals(".")) {
                    assertNotNull(nodes.getEntry(entry), entry + " is on Bundle-ClassPath but not in org.malau.knime");
                    try (ZipInputStream nested = new ZipInputStream(nodes.getInputStream(nodes.getEntry(entry)))) {
                        scanNatives(entry, nested, null, natives, wrong);
                    }
                }
            }
        }
        assertTrue(natives.isEmpty() && wrong.isEmpty(), "the nodes bundle must hold no natives: " + natives + wrong);
    }

    /**
     * Collects the native libraries in one nested jar. With a platform, anything that is not that
     * platform's kind goes to {@code wrong}; without one, every native library does.
     */
    private static void scanNatives(String jarName, ZipInputStream in, Platform platform, List<String> natives,
        List<String> wrong) throws IOException {
        ZipEntry e;
        while ((e = in.getNextEntry()) != null) {
            if (e.isDirectory()) {
                continue;
            }
            String name = e.getName();
            byte[] head = in.readNBytes(4096);
            Binary kind = Binary.of(head);
            boolean nativeName = name.endsWith(".so") || name.matches(".*\\.so\\.[0-9.]+") || name.endsWith(".dll")
                || name.endsWith(".dylib");
            if (kind == Binary.NONE && !nativeName) {
                continue;
            }
            String where = jarName + "!/" + name;
            if (platform == null) {
                wrong.add(where + " (" + kind + ")");
                continue;
            }
            boolean rightName = switch (platform.binary) {
                case ELF_X86_64 -> name.endsWith(".so") || name.matches(".*\\.so\\.[0-9.]+");
                case PE_X86_64 -> name.endsWith(".dll");
                default -> name.endsWith(".dylib") || name.endsWith(".so");
            };
            boolean otherPlatformPath = java.util.Arrays.stream(Platform.values())
                .anyMatch(p -> p != platform && name.contains("/" + p.classifier + "/"));
            boolean runs = kind.runsOn(platform, head);
            // Executables (OpenCV's tools) carry no extension but must still be of this platform's kind.
            if (kind != Binary.NONE && !runs || nativeName && (!runs || !rightName) || otherPlatformPath) {
                wrong.add(where + " (" + kind + ")");
            } else if (nativeName) {
                natives.add(name.substring(name.lastIndexOf('/') + 1));
            }
        }
    }

    private static Path bundleJar(String bundle) throws IOException {
        try (Stream<Path> files = Files.list(repository.resolve("plugins"))) {
            return files.filter(p -> p.getFileName().toString().startsWith(bundle + "_")).findFirst()
                .orElseThrow(() -> new AssertionError(bundle + " not in " + repository.resolve("plugins")));
        }
    }

    /** Text of a direct child element; p2 nests other filters (touchpoints, requirements) deeper. */
    private static String childText(Element parent, String tag) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        return "";
    }

    private static String text(Element parent, String tag) {
        NodeList list = parent.getElementsByTagName(tag);
        return list.getLength() == 0 ? "" : list.item(0).getTextContent().trim();
    }

    private static Document readXmlFromJar(Path jar, String entry) throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry e = file.getEntry(entry);
            if (e == null) {
                fail(jar + " has no " + entry);
            }
            byte[] xml;
            try (InputStream in = file.getInputStream(e)) {
                xml = in.readAllBytes();
            }
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        }
    }
}
