package org.malau.runtime;

import java.util.concurrent.Callable;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_core;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Makes ND4J and OpenCV load from the engine's own class loader, whatever thread calls first.
 * <p>
 * Under OSGi the thread context class loader of a KNIME worker thread is not the engine bundle's
 * loader, and ND4J finds its backend with a {@link java.util.ServiceLoader}; JavaCPP looks for the
 * native libraries as class resources. Both must therefore run against the loader that sees the
 * engine's {@code lib/} jars and the platform fragment, which is this class's loader.
 */
public final class NativeRuntime {
    private static volatile boolean nd4jReady;
    private static volatile boolean openCvReady;

    private NativeRuntime() {
    }

    /** Loads the ND4J CPU backend once; afterwards ND4J works from any thread. */
    public static void ensureNd4j() {
        if (nd4jReady) {
            return;
        }
        synchronized (NativeRuntime.class) {
            if (!nd4jReady) {
                requireUnsafeVisible();
                ProcessTuning.beforeNativeLibraries();
                ND4JClassLoading.setNd4jClassloader(NativeRuntime.class.getClassLoader());
                withEngineClassLoader(() -> Nd4j.getBackend());
                nd4jReady = true;
            }
        }
    }

    /**
     * ND4J's memory indexers need {@code sun.misc.Unsafe}; without it they fail later with a bare
     * NullPointerException, so say what is wrong up front.
     */
    private static void requireUnsafeVisible() {
        try {
            Class.forName("sun.misc.Unsafe", false, NativeRuntime.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("package sun.misc (module jdk.unsupported) is not visible to the MAL engine;"
                + " the Java runtime or OSGi framework must export it for DL4J to work", e);
        }
    }

    /** Loads OpenCV's native libraries once. */
    public static void ensureOpenCv() {
        if (openCvReady) {
            return;
        }
        synchronized (NativeRuntime.class) {
            if (!openCvReady) {
                ProcessTuning.beforeNativeLibraries();
                withEngineClassLoader(() -> Loader.load(opencv_core.class));
                openCvReady = true;
            }
        }
    }

    /** The JavaCPP platform name the natives are looked up under, e.g. {@code linux-x86_64}. */
    public static String platform() {
        return Loader.getPlatform();
    }

    /**
     * Runs {@code work} with the engine's class loader as thread context class loader, for library
     * code that looks resources or services up through it.
     */
    public static <T> T withEngineClassLoader(Callable<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(NativeRuntime.class.getClassLoader());
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
