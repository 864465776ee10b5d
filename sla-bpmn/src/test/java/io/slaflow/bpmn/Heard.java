package io.slaflow.bpmn;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * What the listeners of several nodes heard: how often each request heard each event type (and
 * metric), in all and per node. Thread-safe: the nodes' job threads call it at once.
 */
final class Heard {

    private final Map<String, AtomicInteger> perRequest = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perType = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perNode = new ConcurrentHashMap<>();
    private final Object progress = new Object();

    /** Returns the listener of node {@code node}. */
    SlaEventListener listener(String node) {
        return e -> {
            perRequest.computeIfAbsent(key(e.type(), e.metric().name(), e.requestId()), k -> new AtomicInteger()).incrementAndGet();
            perType.computeIfAbsent(e.type() + " " + e.metric(), k -> new AtomicInteger()).incrementAndGet();
            perNode.computeIfAbsent(node + " " + e.type(), k -> new AtomicInteger()).incrementAndGet();
            synchronized (progress) {
                progress.notifyAll();
            }
        };
    }

    /** Returns how often request {@code id} heard {@code type} of {@code metric}. */
    int count(SlaEvent.Type type, String metric, String id) {
        AtomicInteger n = perRequest.get(key(type, metric, id));
        return n == null ? 0 : n.get();
    }

    /** Returns how many {@code type} events of {@code metric} were heard in all. */
    int total(SlaEvent.Type type, String metric) {
        AtomicInteger n = perType.get(type + " " + metric);
        return n == null ? 0 : n.get();
    }

    /** Returns how many {@code type} events node {@code node} announced. */
    int byNode(String node, SlaEvent.Type type) {
        AtomicInteger n = perNode.get(node + " " + type);
        return n == null ? 0 : n.get();
    }

    /** Returns the events heard per node and type, for messages. */
    String perNode() {
        return perNode.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /**
     * Waits until {@code total(type, metric)} reaches {@code n}, or {@code timeout} of real time has
     * passed (the nodes' background threads work in real time); returns whether it was reached.
     */
    boolean awaitTotal(SlaEvent.Type type, String metric, int n, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (total(type, metric) < n) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
        }
        return true;
    }

    private static String key(SlaEvent.Type type, String metric, String id) {
        return type + " " + metric + " " + id;
    }
}
