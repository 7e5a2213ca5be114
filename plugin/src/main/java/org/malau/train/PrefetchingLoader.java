package org.malau.train;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Assembles the batches of a list of iterations on a background thread, at most {@code capacity}
 * iterations ahead, so that PNG decoding overlaps the network's work while memory stays bounded.
 * Errors on the loading thread surface from {@link #next()}. Closing stops the thread.
 */
final class PrefetchingLoader implements AutoCloseable {
    /** One iteration's sample indices; fe and val may be null. */
    record Plan(int iteration, int[] au, int[] fe, int[] val) {
    }

    @FunctionalInterface
    interface Assembly {
        IterationBatches load(Plan plan) throws Exception;
    }

    private static final Object END = new Object();
    private final BlockingQueue<Object> queue;
    private final Thread thread;

    PrefetchingLoader(List<Plan> plans, Assembly assembly, int capacity) {
        queue = new ArrayBlockingQueue<>(Math.max(1, capacity) + 1);
        thread = new Thread(() -> {
            try {
                for (Plan p : plans) {
                    queue.put(assembly.load(p));
                }
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                queue.clear();
                queue.offer(e);
            }
        }, "mal-batch-prefetch");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next iteration's batches, or null after the last one. */
    IterationBatches next() throws Exception {
        Object o = queue.take();
        if (o == END) {
            queue.put(END);
            return null;
        }
        if (o instanceof Exception e) {
            throw e;
        }
        if (o instanceof Error e) {
            throw e;
        }
        return (IterationBatches) o;
    }

    @Override
    public void close() {
        thread.interrupt();
        queue.clear();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
