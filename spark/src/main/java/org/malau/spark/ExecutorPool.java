package org.malau.spark;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Objects that are expensive to make (networks, detectors) kept for the life of an executor JVM, by key: a task
 * borrows one, uses it alone (they are not thread-safe) and gives it back, so later tasks and partitions reuse it.
 * There are never more objects of a key than tasks that ran side by side in this JVM, i.e. at most the executor's
 * task slots. Static, because Spark gives no other place that lives as long as the executor.
 */
final class ExecutorPool {
    private static final Map<Object, Queue<Object>> FREE = new ConcurrentHashMap<>();

    private ExecutorPool() {
    }

    /** A free object of {@code key}, or a new one from {@code make}. */
    static <T> T borrow(Object key, Supplier<T> make) {
        @SuppressWarnings("unchecked")
        T t = (T) FREE.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).poll();
        return t != null ? t : make.get();
    }

    /** Gives {@code t}, borrowed under {@code key}, back for the next task. */
    static void giveBack(Object key, Object t) {
        FREE.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).add(t);
    }
}
