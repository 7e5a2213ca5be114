package org.malau.engine.osgitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.malau.face.AlignOptions;
import org.malau.face.AlignStatus;
import org.malau.face.FaceAligner;
import org.malau.face.ImageAlignment;
import org.malau.runtime.NativeRuntime;
import org.malau.runtime.RuntimeSelfCheck;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Runs inside a real Equinox started by tycho-surefire with the built engine bundle and its Linux
 * fragment. This bundle sees the engine only through {@code Require-Bundle}, as the KNIME nodes do.
 */
class EngineInOsgiTest {
    private ClassLoader previousContextLoader;

    @BeforeEach
    void foreignContextClassLoader() {
        // A KNIME worker thread's context loader is not the engine's; make sure nothing relies on it.
        previousContextLoader = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(ClassLoader.getPlatformClassLoader());
    }

    @AfterEach
    void restoreContextClassLoader() {
        Thread.currentThread().setContextClassLoader(previousContextLoader);
    }

    @Test
    void engineIsLoadedByItsBundleWithTheNativeFragmentAttached() {
        Bundle engine = FrameworkUtil.getBundle(RuntimeSelfCheck.class);
        assertNotNull(engine, "engine classes must come from an OSGi bundle, not the flat class path");
        assertEquals("org.malau.engine", engine.getSymbolicName());
        BundleWiring wiring = engine.adapt(BundleWiring.class);
        assertNotNull(wiring, "engine bundle is not resolved");
        List<String> fragments = wiring.getProvidedWires(HostNamespace.HOST_NAMESPACE).stream()
            .map(w -> w.getRequirer().getSymbolicName()).toList();
        assertTrue(fragments.contains("org.malau.engine.linux.x86_64"), "native fragment not attached: " + fragments);
        assertNotNull(engine.getEntry("lib/nd4j-api.jar"), "third-party jars are embedded in the engine's lib/");
        assertNotNull(engine.getResource("org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64/libjnind4jcpu.so"),
            "the Linux fragment's native jars are on the engine's class path");
        assertEquals("linux-x86_64", NativeRuntime.platform());
    }

    @Test
    void dl4jTrainsATinyNetworkAndTheLossFalls() {
        double[] losses = RuntimeSelfCheck.trainTinyNetwork(30, 42L);
        System.out.println("OSGi DL4J tiny CNN losses: first=" + losses[0] + " last=" + losses[losses.length - 1]
            + " all=" + Arrays.toString(losses));
        assertTrue(Arrays.stream(losses).allMatch(Double::isFinite), "losses must be finite");
        assertTrue(losses[losses.length - 1] < 0.5 * losses[0],
            "loss should at least halve in 30 steps: " + Arrays.toString(losses));
    }

    /**
     * The project's own network on each engine trains (the loss falls) and predicts inside the
     * bundle: LibTorch's natives load from the fragment through JavaCPP under OSGi class loading.
     */
    @Test
    void bothEnginesTrainTheMultiTaskNetworkAndPredictInsideOsgi() {
        assertTrue(RuntimeSelfCheck.class.getClassLoader().getResource(
            "org/bytedeco/pytorch/linux-x86_64/libjnitorch.so") != null, "LibTorch's natives come from the fragment");
        for (String engine : new String[] {"libtorch", "dl4j"}) {
            double[] losses = RuntimeSelfCheck.trainNetwork(engine, 30, 42L);
            // the process settings are applied through JNA from inside the bundle as well
            String tuning = org.malau.runtime.ProcessTuning.applied();
            assertTrue(tuning.contains("OMP_WAIT_POLICY") && tuning.contains("malloc"), tuning);
            System.out.println("OSGi " + engine + " multi-task network AU losses: first=" + losses[0] + " last="
                + losses[losses.length - 1]);
            assertTrue(Arrays.stream(losses).allMatch(Double::isFinite), engine + ": losses must be finite");
            assertTrue(losses[losses.length - 1] < 0.5 * losses[0], engine + ": the loss should at least halve in 30 steps: "
                + Arrays.toString(losses));
        }
    }

    @Test
    void openCvFindsOneFaceOnTheObamaPortraitWithTheShippedHaarCascade() throws Exception {
        Path photo = sharedData().resolve("faces/usgov_obama.jpg");
        List<int[]> faces = RuntimeSelfCheck.detectFaces(photo);
        System.out.println("OSGi OpenCV Haar faces on " + photo.getFileName() + ": "
            + faces.stream().map(Arrays::toString).toList());
        assertEquals(1, faces.size(), "usgov_obama.jpg shows exactly one face");
        int[] box = faces.get(0);
        // The portrait is 910x1137; a real face box is a sizeable part of the width, not a speck.
        assertTrue(box[2] > 910 / 6, "face box too small to be the face: " + Arrays.toString(box));
    }

    @Test
    void faceAlignerFindsFaceAndEyesWithItsCascadesInsideOsgi() {
        Path photo = sharedData().resolve("faces/usgov_obama.jpg");
        try (FaceAligner aligner = new FaceAligner(AlignOptions.defaults())) {
            ImageAlignment result = aligner.align(photo);
            System.out.println("OSGi FaceAligner on " + photo.getFileName() + ": " + result.status() + " " + result.faces().size()
                + " face(s), first " + (result.faces().isEmpty() ? "-" : result.faces().get(0).status() + " " + result.faces().get(0).eyes()));
            assertEquals(1, result.faces().size(), "one face: " + result.message());
            assertEquals(AlignStatus.OK, result.faces().get(0).status(), "both eyes found by the eye cascades");
            assertTrue(result.faces().get(0).png().length > 100, "an encoded aligned crop");
        }
    }

    private static Path sharedData() {
        String dir = System.getProperty("malau.shared.dir");
        Path data = dir != null ? Paths.get(dir, "data") : Paths.get("../../../shared/data");
        assertTrue(Files.isDirectory(data), "shared data folder not found: " + data.toAbsolutePath());
        return data;
    }
}
