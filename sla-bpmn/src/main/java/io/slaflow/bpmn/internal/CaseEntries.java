package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.AcceptanceStatus;
import io.slaflow.bpmn.RequestStatus;
import io.slaflow.core.countdown.CountdownState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.task.api.Task;

/**
 * The acceptance cases in the staff views, loaded inside one read: a case that an intake request called
 * is listed as that request (its id, stage {@code ACCEPTANCE}, the case's status); a case a host started
 * on its own is listed under its own id, with the countdowns its steps imply
 * ({@link HostCaseCountdowns}). Immutable once loaded.
 */
final class CaseEntries {

    /** Builds the entry of an intake request from its stored state and its case's status. */
    interface IntakeEntry {
        RequestStatus of(HistoricProcessInstance request, AcceptanceStatus acceptanceCase, Instant now);
    }

    private final Map<String, RequestStatus> byProcess;
    private final Set<String> parents;

    private CaseEntries(Map<String, RequestStatus> byProcess, Set<String> parents) {
        this.byProcess = byProcess;
        this.parents = parents;
    }

    /** Returns the intake requests whose cases were loaded. */
    Set<String> parents() {
        return parents;
    }

    /** Returns every entry loaded, in the order the cases were found. */
    List<RequestStatus> all() {
        return List.copyOf(byProcess.values());
    }

    /** Loads the entries of acceptance cases. Thread-safe. */
    static final class Loader {

        private final SlaRuntime runtime;
        private final TaskService tasks;
        private final HistoryService history;
        private final AcceptanceQueries acceptance;
        private final IntakeEntry intake;

        Loader(ProcessEngine engine, SlaRuntime runtime, AcceptanceQueries acceptance, IntakeEntry intake) {
            this.runtime = runtime;
            this.tasks = engine.getTaskService();
            this.history = engine.getHistoryService();
            this.acceptance = acceptance;
            this.intake = intake;
        }

        /** Returns the entries of the cases whose open tasks are {@code caseTasks} (loaded with their variables). */
        CaseEntries of(List<Task> caseTasks, Instant now) {
            Map<String, Map<String, Object>> attached = ClockStore.attachAll(caseTasks, Task::getProcessInstanceId,
                    Task::getProcessVariables);
            List<OpenCase> cases = caseTasks.stream().map(t -> new OpenCase(t.getProcessInstanceId(), t.getTenantId(),
                    attached.get(t.getProcessInstanceId()), t, List.of(), false)).toList();
            return entries(cases, now);
        }

        /**
         * Returns the entries of the cases whose running rework round reaches its deadline by {@code limit}:
         * the candidates are {@code ids}, the processes whose round has a deadline by then.
         */
        CaseEntries atRisk(Set<String> ids, Instant now, Instant limit) {
            if (ids.isEmpty()) {
                return new CaseEntries(Map.of(), Set.of());
            }
            Map<String, Task> open = new HashMap<>();
            tasks.createTaskQuery().processInstanceIdIn(ids).list().forEach(t -> open.put(t.getProcessInstanceId(), t));
            List<OpenCase> atRisk = new ArrayList<>();
            List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery().processInstanceIds(ids)
                    .unfinished().includeProcessVariables().list();
            Map<String, Map<String, Object>> attached = ClockStore.attachAll(instances, HistoricProcessInstance::getId,
                    HistoricProcessInstance::getProcessVariables);
            for (HistoricProcessInstance i : instances) {
                OpenCase c = new OpenCase(i.getId(), i.getTenantId(), attached.get(i.getId()), open.get(i.getId()),
                        List.of(), false);
                RoundClock.status(runtime, c.record().request(), c.variables(), now)
                        .filter(r -> r.state() == CountdownState.RUNNING && !r.due().isAfter(limit))
                        .ifPresent(r -> atRisk.add(c));
            }
            return entries(atRisk, now);
        }

        private CaseEntries entries(List<OpenCase> cases, Instant now) {
            Set<String> parentIds = new LinkedHashSet<>();
            cases.stream().map(OpenCase::parent).filter(Objects::nonNull).forEach(parentIds::add);
            Map<String, HistoricProcessInstance> parents = new HashMap<>();
            if (!parentIds.isEmpty()) {
                history.createHistoricProcessInstanceQuery().processInstanceIds(parentIds).includeProcessVariables()
                        .list().forEach(p -> parents.put(p.getId(), p));
            }
            Map<String, RequestStatus> byProcess = new LinkedHashMap<>();
            for (OpenCase c : cases) {
                AcceptanceStatus status = acceptance.status(c, now);
                if (c.parent() == null) {
                    byProcess.put(c.processInstanceId(), HostCaseCountdowns.entry(runtime, c, status, now));
                } else if (parents.containsKey(c.parent())) {
                    byProcess.put(c.processInstanceId(), intake.of(parents.get(c.parent()), status, now));
                }
            }
            return new CaseEntries(Collections.unmodifiableMap(byProcess), Set.copyOf(parents.keySet()));
        }
    }
}
