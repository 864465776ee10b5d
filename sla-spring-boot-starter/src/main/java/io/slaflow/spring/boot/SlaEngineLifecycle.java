package io.slaflow.spring.boot;

import io.slaflow.bpmn.SlaEngine;
import org.springframework.context.SmartLifecycle;

/**
 * Closes the auto-configured {@link SlaEngine} when the application context stops: after the web
 * server has finished its requests (graceful shutdown) and before Flowable's own engine (with
 * Flowable's starter) and the {@code DataSource} are closed. While it closes, the health indicator
 * reports OUT_OF_SERVICE.
 */
public final class SlaEngineLifecycle implements SmartLifecycle {

    /**
     * The phase: below the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}) and its
     * stop ({@code DEFAULT_PHASE - 2048}), so it stops after them; above Flowable's engine (phase 20),
     * so it stops before it.
     */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final SlaEngine engine;
    private volatile boolean running;
    private volatile boolean closing;

    SlaEngineLifecycle(SlaEngine engine) {
        this.engine = engine;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        closing = true;
        try {
            engine.close();
        } finally {
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Tells whether the engine is closing or closed. */
    public boolean isClosing() {
        return closing;
    }
}
