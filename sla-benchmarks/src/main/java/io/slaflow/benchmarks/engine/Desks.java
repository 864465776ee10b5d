package io.slaflow.benchmarks.engine;

import io.slaflow.bpmn.SlaEngine;
import io.slaflow.bpmn.internal.EngineFactory;
import io.slaflow.bpmn.internal.JavaTimeClock;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.core.testkit.TestClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The two desks the engine benchmarks compare: an {@link SlaEngine}, and a bare Flowable engine with
 * the same settings running {@code bare-lifecycle.bpmn20.xml} (two user tasks, one timer, no slaflow
 * code), each on its own H2 database in memory, with the clock standing on a Monday morning so no
 * timer falls due.
 */
final class Desks {

    static final Instant MONDAY_MORNING = Instant.parse("2026-03-09T08:00:00Z");
    static final SlaPolicy POLICY = SlaPolicies.parse("""
            name: benchmark
            calendars:
              office:
                zone: Europe/Kyiv
                shifts:
                  - { days: [MON, TUE, WED, THU, FRI, SAT, SUN], from: "08:00", to: "22:00" }
            targets:
              - when: {}
                calendar: office
                response: PT4H
                resolution: PT24H
                warnAt: [0.5, 0.75]
            """);
    static final ServiceRequest REQUEST = ServiceRequest.builder().customer("acme").requester("olena")
            .tier(RequesterTier.ORDINARY_USER).kind(RequestKind.CONSULTATION).severity(Severity.NON_CRITICAL)
            .subject("How do I print an invoice copy?").description("From the sales journal, for March").build();

    private Desks() {
    }

    /** Returns an SlaEngine on a private H2 database in memory, with one consultant and a listener that counts events. */
    static SlaEngine slaEngine(Runnable onEvent) {
        return slaEngine(onEvent, null);
    }

    /** Returns an SlaEngine on the H2 database at {@code jdbcUrl} (in memory when null). */
    static SlaEngine slaEngine(Runnable onEvent, String jdbcUrl) {
        SlaEngine.Builder builder = SlaEngine.builder().policy(POLICY).clock(TestClock.at(MONDAY_MORNING)).asyncExecutor(false)
                .member("olga", "consultants").listener(e -> onEvent.run());
        if (jdbcUrl != null) {
            builder.jdbcUrl(jdbcUrl, "sa", "");
        }
        return builder.build();
    }

    /** Returns a bare Flowable engine with the SlaEngine's settings and the bare lifecycle deployed. */
    static ProcessEngine bareFlowable() {
        return bareFlowable(null);
    }

    /** Returns a bare Flowable engine on the H2 database at {@code jdbcUrl} (in memory when null). */
    static ProcessEngine bareFlowable(String jdbcUrl) {
        ProcessEngine engine = EngineFactory.build(
                new EngineFactory.Database(jdbcUrl == null ? null : JdbcConnectionPool.create(jdbcUrl, "sa", "")),
                new JavaTimeClock(TestClock.at(MONDAY_MORNING)), false, Map.of(), EngineFactory.JobSettings.DEFAULTS);
        engine.getRepositoryService().createDeployment()
                .addClasspathResource("io/slaflow/benchmarks/engine/bare-lifecycle.bpmn20.xml").deploy();
        return engine;
    }

    static void close(ProcessEngine bare, boolean inMemory) {
        EngineFactory.close(bare, inMemory);
    }

    /** Files the request on the bare engine, the way a host would without slaflow; returns the process id. */
    static String bareSubmit(ProcessEngine engine) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("requester", REQUEST.requester());
        vars.put("tier", REQUEST.tier().name());
        vars.put("kind", REQUEST.kind().name());
        vars.put("severity", REQUEST.severity().name());
        vars.put("subject", REQUEST.subject());
        vars.put("description", REQUEST.description());
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceBuilder()
                .processDefinitionKey("bareLifecycle").overrideProcessDefinitionTenantId(REQUEST.customer())
                .variables(vars).start();
        return instance.getId();
    }

    /** Claims and completes the current task of {@code id} with one variable. */
    static void bareComplete(ProcessEngine engine, String id, String user, String variable, String value) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
        if (task.getAssignee() == null) {
            engine.getTaskService().claim(task.getId(), user);
        }
        engine.getTaskService().complete(task.getId(), Map.of(variable, value));
    }

    /** Returns how many timer jobs request {@code id} holds; the benchmarks check both desks keep one per open request. */
    static long timerJobs(ProcessEngine engine, String id) {
        return engine.getManagementService().createTimerJobQuery().processInstanceId(id).count();
    }

    static List<String> ids(int n, java.util.function.Supplier<String> submit) {
        return java.util.stream.Stream.generate(submit).limit(n).toList();
    }
}
