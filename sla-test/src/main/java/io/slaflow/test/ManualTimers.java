package io.slaflow.test;

import io.slaflow.bpmn.SlaEngine;
import io.slaflow.core.testkit.TestClock;

/**
 * The one place that makes an engine's time manual: it runs on a {@link TestClock} and its due
 * timers run only through {@link SlaEngine#fireDueTimers()}. Should the builder gain an explicit
 * choice for this, only this method changes.
 */
final class ManualTimers {

    private ManualTimers() {
    }

    static SlaEngine.Builder apply(SlaEngine.Builder builder, TestClock clock) {
        return builder.clock(clock).asyncExecutor(false);
    }
}
