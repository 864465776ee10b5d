package io.slaflow.bpmn;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting in real time for the nodes' background threads (sweepers, async executors) in cluster tests. */
final class Await {

    private Await() {
    }

    /** Waits until {@code condition} holds, checking every 50 ms, at most {@code patience}; returns whether it did. */
    static boolean until(BooleanSupplier condition, Duration patience) {
        long end = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        return true;
    }
}
