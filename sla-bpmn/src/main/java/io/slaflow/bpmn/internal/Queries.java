package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.AcceptanceStatus;
import io.slaflow.bpmn.RequestStage;
import io.slaflow.bpmn.RequestStatus;
import io.slaflow.bpmn.SlaEvent;
import io.slaflow.bpmn.TimelineEntry;
import io.slaflow.bpmn.UnknownRequestException;
import io.slaflow.core.acceptance.AcceptanceStage;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.countdown.Explanation;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.routing.WorkItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskQuery;

/**
 * Read-only views of requests: one request's status, a customer's requests, a line's open work in
 * work order, a user's work list, and the requests at risk; the staff views list the open tasks and
 * running rework rounds of acceptance cases too ({@link CaseEntries}), across customers or scoped to
 * one in the query itself. Every view reads the database; none keeps request state in memory.
 * Thread-safe.
 */
public final class Queries {

    private final SlaRuntime runtime;
    private final ClockStore clocks;
    private final TaskService tasks;
    private final HistoryService history;
    private final ManagementService management;
    private final Transactions transactions;
    private final AcceptanceQueries acceptance;
    private final CaseEntries.Loader cases;
    private final AcceptanceCases hostCases;

    /**
     * Creates the queries.
     *
     * @param engine the process engine
     * @param runtime policy, clock and members
     */
    public Queries(ProcessEngine engine, SlaRuntime runtime) {
        this.runtime = runtime;
        this.clocks = new ClockStore(runtime);
        this.tasks = engine.getTaskService();
        this.history = engine.getHistoryService();
        this.management = engine.getManagementService();
        this.transactions = new Transactions(management);
        this.acceptance = new AcceptanceQueries(engine, runtime);
        this.hostCases = new AcceptanceCases(engine);
        this.cases = new CaseEntries.Loader(engine, runtime, acceptance, (request, acceptanceCase, now) -> status(
                request.getId(), ClockStore.attach(request.getId(), request.getProcessVariables()), Optional.empty(),
                request.getEndTime() != null, now, Optional.of(acceptanceCase)));
    }

    /**
     * Returns the status of request {@code id}, or of the acceptance case a host started under that id
     * (as the staff views list it), if {@code customer} is null or owns it.
     */
    public RequestStatus status(String id, String customer) {
        return transactions.read("read request " + id, () -> {
            HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                    .processDefinitionKey(Model.PROCESS_KEY).includeProcessVariables().singleResult();
            if (instance == null) {
                return hostCase(id, customer);
            }
            if (customer != null && !customer.equals(instance.getTenantId())) {
                return Outcome.fail(new UnknownRequestException(id));
            }
            Task task = instance.getEndTime() == null
                    ? tasks.createTaskQuery().processInstanceId(id).singleResult() : null;
            return Outcome.ok(status(instance, ClockStore.attach(id, instance.getProcessVariables()), task,
                    runtime.now()));
        });
    }

    /**
     * Returns the timeline of request {@code id} of {@code customer}, or of the acceptance case a host
     * started under that id: its people's steps (its acceptance case's too) and its countdowns' transitions
     * (its rework rounds' too) in time order, the explanation of each countdown now, and that of its last
     * rework round's.
     *
     * @throws UnknownRequestException if the customer has no request or host-started case with this id
     */
    public Timeline timeline(String id, String customer) {
        return transactions.read("read the timeline of request " + id, () -> {
            HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                    .processDefinitionKey(Model.PROCESS_KEY).includeProcessVariables().singleResult();
            if (instance == null) {
                return hostCaseTimeline(id, customer);
            }
            if (!customer.equals(instance.getTenantId())) {
                return Outcome.fail(new UnknownRequestException(id));
            }
            Map<String, Object> vars = ClockStore.attach(id, instance.getProcessVariables());
            ServiceRequest filed = Json.readRequest((String) vars.get(Model.VAR_REQUEST)).request();
            Instant now = runtime.now();
            Task task = instance.getEndTime() == null ? tasks.createTaskQuery().processInstanceId(id).singleResult() : null;
            boolean callBack = task != null && Model.TASK_CALL_BACK.equals(task.getTaskDefinitionKey());
            ClockStore.Timed clock = clocks.current(ClockStore.Slot.INTAKE, new ClockStore.Owner(id, customer, 0), filed,
                    vars, callBack);
            Timing timing = ClockStore.timing(ClockStore.Slot.INTAKE, vars);
            Configuration config = runtime.configurations().version(timing.version(), now);
            String rule = config.rule(filed, timing.severity(filed), timing.kind(filed));
            Map<SlaMetric, Explanation> explanations = new EnumMap<>(SlaMetric.class);
            for (SlaMetric metric : clock.clock().metrics()) {
                explanations.put(metric, clock.clock().countdown(metric).explain(now, clock.calendar(), rule,
                        config.version()));
            }
            OpenCase acceptanceCase = inAcceptance(vars) ? hostCases.load(id) : null;
            return Outcome.ok(new Timeline(customer, entries(id), explanations,
                    acceptanceCase == null ? Map.of() : lastRound(acceptanceCase, now)));
        });
    }

    /** Returns the timeline of the case a host started as {@code id}, if {@code customer} owns it. */
    private Outcome<Timeline> hostCaseTimeline(String id, String customer) {
        OpenCase c = hostCases.load(id);
        if (c == null || c.parent() != null || !customer.equals(c.tenant())) {
            return Outcome.fail(new UnknownRequestException(id));
        }
        Instant now = runtime.now();
        return Outcome.ok(new Timeline(customer, entries(id), HostCaseCountdowns.explain(runtime, c, now),
                lastRound(c, now)));
    }

    /** Returns the steps and the feed's transitions recorded under {@code id}, in time order; a step before what it caused. */
    private static List<TimelineEntry> entries(String id) {
        List<TimelineEntry> entries = new ArrayList<>(Steps.of(id));
        for (SlaEvent e : EventLog.of(id)) {
            entries.add(new TimelineEntry(e.at(), TimelineEntry.Kind.valueOf(e.type().name()), null,
                    e.group() == null ? null : "offered to " + e.group(), e.metric(), e.round()));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at));  // stable: the steps come first
        return entries;
    }

    /** Returns the explanation of the current or last rework round of case {@code c} by its number; empty before one. */
    private Map<Integer, Explanation> lastRound(OpenCase c, Instant now) {
        return RoundClock.explain(runtime, c.record().request(), c.variables(), now)
                .map(e -> Map.of(RoundClock.roundNumber(c.variables()), e)).orElse(Map.of());
    }

    /**
     * What {@link #timeline} read.
     *
     * @param customer the request's customer
     * @param entries its steps and transitions in time order
     * @param explanations each countdown explained
     * @param rounds the current or last rework round's countdown explained, by the round's number (empty
     *     before the first round)
     */
    public record Timeline(String customer, List<TimelineEntry> entries, Map<SlaMetric, Explanation> explanations,
            Map<Integer, Explanation> rounds) {
    }

    /** Returns the entry of the case a host started as {@code id}, if {@code customer} is null or owns it. */
    private Outcome<RequestStatus> hostCase(String id, String customer) {
        OpenCase c = hostCases.load(id);
        if (c == null || c.parent() != null || customer != null && !customer.equals(c.tenant())) {
            return Outcome.fail(new UnknownRequestException(id));
        }
        Instant now = runtime.now();
        return Outcome.ok(HostCaseCountdowns.entry(runtime, c, acceptance.status(c, now), now));
    }

    /** Returns the requests of {@code customer}, oldest first: that tenant's and no other's. */
    public List<RequestStatus> requestsOf(String customer) {
        return transactions.read("list the requests of " + customer, () -> {
            List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                    .processDefinitionKey(Model.PROCESS_KEY).processInstanceTenantId(customer)
                    .includeProcessVariables().orderByProcessInstanceStartTime().asc().list();
            Map<String, Task> open = tasks.createTaskQuery().processDefinitionKey(Model.PROCESS_KEY)
                    .taskTenantId(customer).list().stream()
                    .collect(Collectors.toMap(Task::getProcessInstanceId, Function.identity()));
            Instant now = runtime.now();
            Map<String, Map<String, Object>> vars = attached(instances);
            List<RequestStatus> list = new ArrayList<>();
            for (HistoricProcessInstance i : instances) {
                list.add(status(i, vars.get(i.getId()), open.get(i.getId()), now));
            }
            return Outcome.ok(list);
        });
    }

    /**
     * Returns the unclaimed work offered to {@code group}, in work order: intake requests and the open
     * tasks of acceptance cases ({@link CaseEntries}); only {@code customer}'s when it is not null.
     */
    public List<RequestStatus> openWork(String customer, String group, int first, int max) {
        return work("list the open work of " + group, customer, now -> new Filters(ClockStore.WorkFilter.offeredTo(group),
                q -> q.taskCandidateGroup(group)), first, max);
    }

    /**
     * Returns the work {@code user} has or may take now: claimed by them, and, while they are on shift and
     * present ({@link Staff}), offered to them or to one of their groups, in work order; only
     * {@code customer}'s when it is not null.
     */
    public List<RequestStatus> workList(String customer, String user, int first, int max) {
        return work("list the work of " + user, customer, now -> {
            Staff staff = runtime.members();
            if (!staff.isKnown(user)) {
                throw Requests.unknownUser(user, "workList");
            }
            if (staff.read().unavailableBecause(user, now).isPresent()) {
                return new Filters(ClockStore.WorkFilter.claimedBy(user), q -> q.taskAssignee(user));
            }
            Set<String> groups = staff.groupsOf(user);
            return new Filters(ClockStore.WorkFilter.of(user, groups),
                    q -> q.or().taskAssignee(user).taskCandidateUser(user).taskCandidateGroupIn(groups).endOr());
        }, first, max);
    }

    /** Which work a view lists: the intake's tasks, as a condition on the clock rows, and the cases' tasks. */
    private record Filters(ClockStore.WorkFilter intake, UnaryOperator<TaskQuery> cases) {
    }

    /**
     * Returns a page of the work the filters select, in work order. The intake's requests come ordered
     * and cut to the page by the database, from the clock rows' work-order columns
     * ({@link ClockStore#work}); the open tasks of acceptance cases (a case has one at a time) are
     * loaded whole and merged in; only the page's requests are loaded. The filters are chosen inside the
     * view's transaction, from the time and the staff directory it reads.
     */
    private List<RequestStatus> work(String what, String customer, Function<Instant, Filters> filters, int first,
            int max) {
        return transactions.read(what, () -> {
            Instant now = runtime.now();
            Filters chosen = filters.apply(now);
            UnaryOperator<TaskQuery> caseFilter = chosen.cases();
            ClockStore.WorkFilter intakeFilter = chosen.intake();
            TaskQuery caseTasks = tasks.createTaskQuery().processDefinitionKey(AcceptanceModel.PROCESS_KEY);
            CaseEntries entries = cases.of(caseFilter.apply(customer == null ? caseTasks : caseTasks.taskTenantId(customer))
                    .includeProcessVariables().list(), now);
            List<WorkItem> ordered = new ArrayList<>(ClockStore.work(customer, intakeFilter,
                    (int) Math.min(Integer.MAX_VALUE, (long) first + max), runtime.workOrder()));
            Map<String, RequestStatus> loaded = new HashMap<>();
            for (RequestStatus entry : entries.all()) {
                loaded.put(entry.id(), entry);
                ordered.add(workItem(entry));
            }
            ordered.sort(runtime.workOrder());
            List<WorkItem> page = ordered.subList(Math.min(first, ordered.size()),
                    (int) Math.min(ordered.size(), (long) first + max));
            List<String> toLoad = page.stream().map(WorkItem::id).filter(id -> !loaded.containsKey(id)).toList();
            load(toLoad, now).forEach(st -> loaded.put(st.id(), st));
            return Outcome.ok(page.stream().map(i -> loaded.get(i.id())).filter(Objects::nonNull).toList());
        });
    }

    /** Loads the statuses of the open intake requests {@code ids}, with their open tasks. */
    private List<RequestStatus> load(List<String> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Task> found = tasks.createTaskQuery().processInstanceIdIn(ids).includeProcessVariables().list();
        Map<String, Task> open = new HashMap<>();
        found.forEach(t -> open.put(t.getProcessInstanceId(), t));
        Map<String, Map<String, Object>> vars = ClockStore.attachAll(found, Task::getProcessInstanceId,
                Task::getProcessVariables);
        return ids.stream().filter(vars::containsKey).map(id -> status(id, vars.get(id), Optional.of(open.get(id)),
                false, now)).toList();
    }

    /**
     * Returns the requests whose running countdown reaches its deadline within {@code horizon}, and the
     * acceptance cases whose running rework round does, nearest deadline first; only {@code customer}'s
     * when it is not null. The candidates come from the clock table's indexed deadlines; only those are
     * loaded.
     */
    public List<RequestStatus> atRisk(String customer, Duration horizon) {
        return transactions.read("list the requests at risk", () -> {
            Instant now = runtime.now();
            Instant limit = now.plus(horizon);
            CaseEntries rounds = cases.atRisk(ClockStore.deadlineBy(ClockStore.Slot.ROUND, customer, limit), now, limit);
            List<RequestStatus> list = new ArrayList<>(rounds.all());
            Set<String> ids = ClockStore.deadlineBy(ClockStore.Slot.INTAKE, customer, limit);
            ids.removeAll(rounds.parents());
            if (!ids.isEmpty()) {
                Map<String, Task> open = new HashMap<>();
                tasks.createTaskQuery().processInstanceIdIn(ids).list().forEach(t -> open.put(t.getProcessInstanceId(), t));
                List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                        .processInstanceIds(ids).includeProcessVariables().list();
                Map<String, Map<String, Object>> vars = attached(instances);
                for (HistoricProcessInstance i : instances) {
                    RequestStatus s = status(i, vars.get(i.getId()), open.get(i.getId()), now);
                    if (runsOutBy(s.response(), limit) || runsOutBy(s.resolution(), limit)) {
                        list.add(s);
                    }
                }
            }
            list.sort(Comparator.comparing(RequestStatus::nextDeadline).thenComparing(RequestStatus::id));
            return Outcome.ok(list);
        });
    }

    private static WorkItem workItem(RequestStatus s) {
        return new WorkItem(s.id(), s.workKind(), s.filedAt(), s.nextDeadline(), s.stage() == RequestStage.CALL_BACK);
    }

    private static boolean runsOutBy(CountdownStatus s, Instant limit) {
        return s.state() == CountdownState.RUNNING && !s.due().isAfter(limit);
    }

    private RequestStatus status(HistoricProcessInstance instance, Map<String, Object> vars, Task task, Instant now) {
        return status(instance.getId(), vars, Optional.ofNullable(task), instance.getEndTime() != null, now);
    }

    /** Returns the variables of {@code instances}, by id, with their clocks attached. */
    private static Map<String, Map<String, Object>> attached(List<HistoricProcessInstance> instances) {
        return ClockStore.attachAll(instances, HistoricProcessInstance::getId, HistoricProcessInstance::getProcessVariables);
    }

    private RequestStatus status(String id, Map<String, Object> vars, Optional<Task> task, boolean ended, Instant now) {
        return status(id, vars, task, ended, now, inAcceptance(vars) ? acceptance.ofRequest(id, now) : Optional.empty());
    }

    private static boolean inAcceptance(Map<String, Object> vars) {
        return Boolean.TRUE.equals(vars.get(AcceptanceModel.VAR_IN_ACCEPTANCE));
    }

    /**
     * Returns the status of an intake request from its variables: its open task's stage, or waiting on
     * the customer, or in acceptance ({@code acceptanceCase}: then the case's task decides who has it,
     * and a round's escalation counts), or ended: resolved, or stopped with its case.
     */
    RequestStatus status(String id, Map<String, Object> vars, Optional<Task> task, boolean ended, Instant now,
            Optional<AcceptanceStatus> acceptanceCase) {
        StoredRequest stored = Json.readRequest((String) vars.get(Model.VAR_REQUEST));
        RequestStage stage = ended ? endedStage(acceptanceCase)
                : task.map(t -> Requests.stageOf(t.getTaskDefinitionKey()))
                        .orElse(inAcceptance(vars) ? RequestStage.ACCEPTANCE : RequestStage.WAITING_ON_CUSTOMER);
        ClockStore.Timed clock = clocks.current(ClockStore.Slot.INTAKE, new ClockStore.Owner(id,
                stored.request().customer(), 0), stored.request(), vars, stage == RequestStage.CALL_BACK);
        boolean escalated = Boolean.TRUE.equals(vars.get(Model.VAR_ESCALATED));
        Optional<String> assignee = Optional.ofNullable(task.isPresent() ? task.get().getAssignee()
                : (String) vars.get(Model.VAR_ASSIGNEE));
        if (stage == RequestStage.ACCEPTANCE && acceptanceCase.isPresent()) {
            assignee = acceptanceCase.get().assignee();
            escalated |= acceptanceCase.get().escalated();
        }
        Object workKind = vars.get(Model.VAR_WORK_KIND);
        RequestKind kind = workKind instanceof String k ? RequestKind.valueOf(k) : stored.request().kind();
        return new RequestStatus(id, stored.request(), kind, stored.filedAt(), stage, (String) vars.get(Model.VAR_LINE),
                assignee, escalated, clock.clock().status(SlaMetric.RESPONSE, now, clock.calendar()),
                clock.clock().status(SlaMetric.RESOLUTION, now, clock.calendar()), acceptanceCase,
                others(clock, now));
    }

    /** Returns the statuses of a clock's countdowns beyond the response and the resolution. */
    private static Map<SlaMetric, CountdownStatus> others(ClockStore.Timed clock, Instant now) {
        Map<SlaMetric, CountdownStatus> others = new EnumMap<>(SlaMetric.class);
        for (SlaMetric metric : clock.clock().metrics()) {
            if (metric != SlaMetric.RESPONSE && metric != SlaMetric.RESOLUTION) {
                others.put(metric, clock.clock().status(metric, now, clock.calendar()));
            }
        }
        return others;
    }

    /** Returns the stage of an ended request: stopped if its acceptance case stopped, else resolved. */
    static RequestStage endedStage(Optional<AcceptanceStatus> acceptanceCase) {
        return acceptanceCase.filter(c -> c.stage() == AcceptanceStage.STOPPED).isPresent() ? RequestStage.STOPPED
                : RequestStage.RESOLVED;
    }
}
