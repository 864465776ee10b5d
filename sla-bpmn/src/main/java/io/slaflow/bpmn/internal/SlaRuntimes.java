package io.slaflow.bpmn.internal;

import java.util.IdentityHashMap;
import java.util.Map;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.util.CommandContextUtil;

/**
 * Finds the {@link SlaRuntime} of the process engine a delegate runs in. Flowable instantiates the
 * model's delegate classes itself, so they look their runtime up by the engine configuration of the
 * current command: one runtime per process engine, several engines per JVM.
 */
public final class SlaRuntimes {

    private static final Map<ProcessEngineConfiguration, SlaRuntime> RUNTIMES = new IdentityHashMap<>();

    private SlaRuntimes() {
    }

    /**
     * Attaches {@code runtime} to {@code configuration}.
     *
     * @throws IllegalStateException if another runtime is attached to it
     */
    public static void attach(ProcessEngineConfiguration configuration, SlaRuntime runtime) {
        synchronized (RUNTIMES) {
            if (RUNTIMES.containsKey(configuration)) {
                throw new IllegalStateException("an SlaEngine is already attached to process engine '"
                        + configuration.getEngineName() + "'; close it first");
            }
            RUNTIMES.put(configuration, runtime);
        }
    }

    /** Detaches {@code runtime} from {@code configuration}, if it is the one attached. */
    public static void detach(ProcessEngineConfiguration configuration, SlaRuntime runtime) {
        synchronized (RUNTIMES) {
            RUNTIMES.remove(configuration, runtime);
        }
    }

    /**
     * Returns the runtime of the engine running the current Flowable command.
     *
     * @throws IllegalStateException if none is attached
     */
    public static SlaRuntime current() {
        ProcessEngineConfiguration configuration = CommandContextUtil.getProcessEngineConfiguration();
        SlaRuntime runtime;
        synchronized (RUNTIMES) {
            runtime = RUNTIMES.get(configuration);
        }
        if (runtime == null) {
            throw new IllegalStateException("no SlaEngine is attached to process engine '"
                    + configuration.getEngineName() + "': every node that runs the slaflow processes must build one");
        }
        return runtime;
    }
}
