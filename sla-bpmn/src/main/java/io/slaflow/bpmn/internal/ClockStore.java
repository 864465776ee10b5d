package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.SlaEvent;
import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.Countdown;
import io.slaflow.core.countdown.RequestClock;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.routing.SupportGroups;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.ibatis.exceptions.PersistenceException;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.variable.VariableContainer;
import org.flowable.engine.ManagementService;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.job.api.Job;
import org.flowable.job.api.TimerJobQuery;
import org.flowable.job.service.impl.persistence.entity.JobEntity;
import org.flowable.job.service.impl.persistence.entity.SuspendedJobEntity;
import org.flowable.task.api.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of the SLA clocks: the only class that reads and writes a clock's stored form (its
 * countdowns with the thresholds announced, in the variables of the clock's process, and the next due
 * instant its model's timer reads) and moves the clock's timer job. What a change does to the clock is
 * decided by {@link RequestClock} (sla-core); this class stores the result, places the timer, escalates
 * a breach and turns the transitions into {@link SlaEvent}s. Its methods run inside a command, in the
 * transaction of the operation or timer that calls them, with the clock's process locked.
 *
 * <p>The timer job of a clock sits at its next threshold; while every countdown is paused it sits at
 * {@link #PARKED}, where nothing fires it. Flowable fires a timer in two transactions (the job moves to
 * the executable table, then runs): a change that finds the job already taken leaves it, since the run
 * reads the clock as that change left it, and sets the timer from there. The loop of the model ends
 * only when every countdown is met, so a clock never ends while something is still counting.
 */
public final class ClockStore {

    private static final Logger LOG = LoggerFactory.getLogger(ClockStore.class);

    /** Where the timer of a clock whose countdowns are all paused sits: never due. */
    static final Instant PARKED = Instant.parse("9999-01-01T00:00:00Z");
    private static final int MAX_ROUNDS = 1000;
    private static final int PAGE = 100;

    /** The clocks of the two models: a request's own countdowns, and a rework round's. */
    public enum Slot {
        /** The intake request's response and resolution countdowns. */
        INTAKE(Model.TIMER_SLA, Model.VAR_NEXT, Model.VAR_ESCALATED, Model.TRANSIENT_BREACHED,
                Model.TRANSIENT_BREACHED_METRICS),
        /** The countdown of the running rework round of an acceptance case. */
        ROUND(AcceptanceModel.ROUND_TIMER, AcceptanceModel.VAR_ROUND_NEXT, AcceptanceModel.VAR_ESCALATED,
                AcceptanceModel.TRANSIENT_BREACHED, AcceptanceModel.TRANSIENT_BREACHED_METRICS);

        private final String timer;
        private final String nextVariable;
        private final String escalatedVariable;
        private final String breachedNow;
        private final String breachedMetrics;

        Slot(String timer, String nextVariable, String escalatedVariable, String breachedNow, String breachedMetrics) {
            this.timer = timer;
            this.nextVariable = nextVariable;
            this.escalatedVariable = escalatedVariable;
            this.breachedNow = breachedNow;
            this.breachedMetrics = breachedMetrics;
        }

        private String variable(SlaMetric metric) {
            return this == INTAKE ? Model.countdownVar(metric) : AcceptanceModel.VAR_ROUND;
        }

        private List<SlaMetric> metrics() {
            return this == INTAKE ? List.of(SlaMetric.RESPONSE, SlaMetric.RESOLUTION) : List.of(SlaMetric.RESOLUTION);
        }
    }

    /**
     * Whose clock it is, for the events.
     *
     * @param requestId the request (or acceptance case) the events name
     * @param customer its customer
     * @param round 0 for a request's own clock, else the rework round's number
     * @param line the line whose members a breach offers the work to (intake only; null for a round)
     */
    public record Owner(String requestId, String customer, int round, String line) {

        /** Creates an owner. */
        public Owner {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(customer, "customer");
        }
    }

    private final SlaRuntime runtime;

    /**
     * Creates the writer.
     *
     * @param runtime policy, clock and listeners
     */
    public ClockStore(SlaRuntime runtime) {
        this.runtime = runtime;
    }

    /** Reads the clock of {@code slot} from the variables of its process. */
    public static RequestClock read(Slot slot, VariableContainer process) {
        return read(slot, name -> process.getVariable(name));
    }

    /** Reads the clock of {@code slot} from a map of its process's variables. */
    public static RequestClock read(Slot slot, Map<String, Object> variables) {
        return read(slot, variables::get);
    }

    private static RequestClock read(Slot slot, Function<String, Object> variables) {
        List<Countdown> countdowns = new ArrayList<>();
        Map<SlaMetric, List<Double>> announced = new EnumMap<>(SlaMetric.class);
        for (SlaMetric metric : slot.metrics()) {
            Json.StoredCountdown stored = Json.readCountdown((String) variables.apply(slot.variable(metric)));
            countdowns.add(stored.countdown());
            announced.put(metric, stored.announced());
        }
        return RequestClock.of(countdowns, announced);
    }

    /**
     * Puts the stored form of a clock just started into {@code variables}, for the process that runs it
     * (its model sets the timer from them).
     */
    public static void start(Slot slot, RequestClock clock, Instant now, WorkingCalendar calendar,
            Map<String, Object> variables) {
        put(slot, clock, variables);
        variables.put(slot.nextVariable, timerDate(clock, clock.next(now, calendar)));
    }

    /**
     * Stores {@code change} of the clock of process {@code processId} and moves its timer, escalates
     * the breaches it announced, and returns its events. Call inside a command, with the process locked.
     *
     * @param slot which clock
     * @param processId the process that runs the clock
     * @param owner whose clock it is
     * @param change what happened to it
     * @return the events to announce after commit
     */
    public List<SlaEvent> store(Slot slot, String processId, Owner owner, RequestClock.Change change) {
        ExecutionEntity process = CommandContextUtil.getExecutionEntityManager().findById(processId);
        process.setVariables(stored(slot, change));
        String date = timerDate(change);
        if (!date.isEmpty()) {
            place(slot, processId, Instant.parse(date));
        }
        List<SlaEvent> events = events(owner, change);
        events.addAll(escalate(slot, process, owner, change.breached()));
        return events;
    }

    /**
     * What the clock's timer does when it fires (the model's "Record thresholds" task): announces the
     * thresholds crossed by now, once each, and sets the next timer date, or the empty date that ends
     * the model's loop once every countdown is met; the transient variables the model's "Breached?"
     * gateway reads tell its "Escalate" task ({@link #escalateFired}) what to escalate. Call with the
     * process locked.
     */
    public void fired(Slot slot, DelegateExecution execution, Owner owner, WorkingCalendar calendar) {
        RequestClock.Change change = read(slot, execution).catchUp(runtime.now(), calendar);
        execution.setVariables(stored(slot, change));
        List<String> breached = change.breached().stream().map(Enum::name).toList();
        execution.setTransientVariable(slot.breachedNow, !breached.isEmpty());
        execution.setTransientVariable(slot.breachedMetrics, breached);
        runtime.publishAfterCommit(events(owner, change));
    }

    /** The model's "Escalate" task after {@link #fired}: escalates the breaches the timer just announced. */
    public void escalateFired(Slot slot, DelegateExecution execution, Owner owner) {
        List<SlaMetric> breached = ((List<?>) execution.getTransientVariable(slot.breachedMetrics)).stream()
                .map(m -> SlaMetric.valueOf((String) m)).toList();
        runtime.publishAfterCommit(escalate(slot, execution, owner, breached));
    }

    /** Tells whether the variables of a process hold a clock of {@code slot} (a case before its first round holds none). */
    public static boolean holds(Slot slot, Map<String, Object> variables) {
        return variables.get(slot.variable(SlaMetric.RESOLUTION)) instanceof String;
    }

    /** Returns the timer date stored for the clock of {@code slot}: an instant, or empty once it ended. */
    public static String timerDate(Slot slot, Map<String, Object> variables) {
        Object date = variables.get(slot.nextVariable);
        return date instanceof String s ? s : "";
    }

    /** Returns the timer date {@code change} leaves the clock with: an instant, or empty once it ended. */
    public static String timerDate(RequestClock.Change change) {
        return timerDate(change.clock(), change.next());
    }

    /**
     * Returns the processes of model {@code processKey} whose clock of {@code slot} has its timer due by
     * {@code limit}, only {@code customer}'s when it is not null: an indexed query on the timer table,
     * since a clock's timer sits at or before its next deadline. Call inside a command.
     */
    public static Set<String> dueBy(Slot slot, String processKey, String customer, Instant limit) {
        TimerJobQuery query = CommandContextUtil.getProcessEngineConfiguration().getManagementService()
                .createTimerJobQuery().processDefinitionKey(processKey).elementId(slot.timer)
                .duedateLowerThan(Date.from(limit.plusMillis(1)));
        if (customer != null) {
            query.jobTenantId(customer);
        }
        Set<String> ids = new LinkedHashSet<>();
        query.list().forEach(job -> ids.add(job.getProcessInstanceId()));
        return ids;
    }

    /** Returns a page of the processes whose clock of {@code slot} has a timer, by job id. Call inside a command. */
    public static List<String> timed(Slot slot, String processKey, int first, int size) {
        return CommandContextUtil.getProcessEngineConfiguration().getManagementService().createTimerJobQuery()
                .processDefinitionKey(processKey).elementId(slot.timer).orderByJobId().asc().listPage(first, size)
                .stream().map(Job::getProcessInstanceId).toList();
    }

    /** The stored form of the clock after {@code change}: its countdown variables and next timer date. */
    private static Map<String, Object> stored(Slot slot, RequestClock.Change change) {
        Map<String, Object> variables = new HashMap<>();
        put(slot, change.clock(), variables);
        variables.put(slot.nextVariable, timerDate(change));
        return variables;
    }

    private static void put(Slot slot, RequestClock clock, Map<String, Object> variables) {
        for (SlaMetric metric : slot.metrics()) {
            variables.put(slot.variable(metric), Json.writeCountdown(clock.countdown(metric), clock.announced(metric)));
        }
    }

    /** The date the model's timer is set to: the next threshold, {@link #PARKED}, or empty once the clock ended. */
    private static String timerDate(RequestClock clock, Optional<Instant> next) {
        if (clock.ended()) {
            return "";
        }
        return ceilMillis(next.orElse(PARKED)).toString();
    }

    /**
     * Moves the clock's timer job to {@code at}: a job waiting in the timer table is rescheduled; one
     * parked by an older version in the suspended table comes back; one already taken (in the
     * executable table) is left, since its run reads the clock as stored now and sets the timer itself.
     */
    private static void place(Slot slot, String processId, Instant at) {
        ManagementService management = CommandContextUtil.getProcessEngineConfiguration().getManagementService();
        Job job = management.createTimerJobQuery().processInstanceId(processId).elementId(slot.timer).singleResult();
        if (job == null) {
            Job parked = management.createSuspendedJobQuery().processInstanceId(processId).elementId(slot.timer)
                    .singleResult();
            if (parked == null) {
                return;
            }
            job = CommandContextUtil.getJobService().activateSuspendedJob((SuspendedJobEntity) parked);
        }
        if (!job.getDuedate().toInstant().equals(at)) {
            management.rescheduleTimeDateJob(job.getId(), at.toString());
        }
    }

    private static List<SlaEvent> events(Owner owner, RequestClock.Change change) {
        List<SlaEvent> events = new ArrayList<>();
        for (RequestClock.Transition t : change.transitions()) {
            SlaEvent.Type type = switch (t.kind()) {
                case PAUSED -> SlaEvent.Type.PAUSED;
                case RESUMED -> SlaEvent.Type.RESUMED;
                case MET -> SlaEvent.Type.MET;
                case WARNING -> SlaEvent.Type.WARNING;
                case BREACHED -> SlaEvent.Type.BREACHED;
            };
            events.add(new SlaEvent(type, owner.requestId(), owner.customer(), t.metric(), t.at(), t.threshold(),
                    owner.round()));
        }
        return events;
    }

    /**
     * Escalates after breaches: the first offers the current task to more people (a request's whole
     * line and {@code leads}, for an emergency all of duty; a round's work to {@code leads}); each breach
     * is announced as ESCALATED.
     */
    private List<SlaEvent> escalate(Slot slot, DelegateExecution process, Owner owner, List<SlaMetric> breached) {
        if (breached.isEmpty()) {
            return new ArrayList<>();
        }
        if (!Boolean.TRUE.equals(process.getVariable(slot.escalatedVariable))) {
            process.setVariable(slot.escalatedVariable, true);
            TaskService tasks = CommandContextUtil.getProcessEngineConfiguration().getTaskService();
            Task task = tasks.createTaskQuery().processInstanceId(process.getProcessInstanceId()).singleResult();
            if (task != null) {
                Set<String> offered = tasks.getIdentityLinksForTask(task.getId()).stream()
                        .map(IdentityLink::getGroupId).filter(Objects::nonNull).collect(Collectors.toSet());
                Set<String> groups = slot == Slot.INTAKE ? Offers.groups(owner.line(), true) : Set.of(SupportGroups.LEADS);
                for (String group : groups) {
                    if (!offered.contains(group)) {
                        tasks.addCandidateGroup(task.getId(), group);
                    }
                }
            }
        }
        List<SlaEvent> events = new ArrayList<>();
        for (SlaMetric metric : breached) {
            events.add(new SlaEvent(SlaEvent.Type.ESCALATED, owner.requestId(), owner.customer(), metric,
                    runtime.now(), RequestClock.BREACH, owner.round()));
        }
        return events;
    }

    static Instant ceilMillis(Instant t) {
        Instant down = t.truncatedTo(ChronoUnit.MILLIS);
        return down.equals(t) ? t : down.plusMillis(1);
    }

    /**
     * Runs every job due on the engine clock, synchronously, each in its own transaction, until none is
     * due: timer jobs whose date has come, and executable jobs nobody runs (left between Flowable's two
     * transactions by a process that died, or taken by hand); jobs that fail, or that another node or
     * executor took first, are not tried again in this call (a failed one is left to Flowable's retry
     * handling). A job whose process ended meanwhile is gone, and is passed over quietly.
     *
     * @param management the engine's management service
     * @param now the engine's clock
     * @return how many jobs ran successfully
     */
    public static int fireDue(ManagementService management, Supplier<Instant> now) {
        int fired = 0;
        Set<String> skipped = new HashSet<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Job> stranded = new ArrayList<>(management.createJobQuery().orderByJobDuedate().asc()
                    .listPage(0, PAGE + skipped.size()));
            Instant at = now.get();
            stranded.removeIf(job -> skipped.contains(job.getId()) || !stranded(job, at));
            List<Job> due = new ArrayList<>(management.createTimerJobQuery().executable().orderByJobDuedate().asc()
                    .listPage(0, PAGE + skipped.size()));
            due.removeIf(job -> skipped.contains(job.getId()));
            if (due.isEmpty() && stranded.isEmpty()) {
                break;
            }
            for (Job job : stranded) {
                if (run(management, job, false)) {
                    fired++;
                } else {
                    skipped.add(job.getId());
                }
            }
            for (Job job : due) {
                if (run(management, job, true)) {
                    fired++;
                } else {
                    skipped.add(job.getId());
                }
            }
        }
        return fired;
    }

    /** Tells whether an executable job is left for anyone to run: not locked, or its lock has expired. */
    private static boolean stranded(Job job, Instant now) {
        if (!(job instanceof JobEntity entity)) {
            return false;
        }
        return entity.getLockOwner() == null || entity.getLockExpirationTime() == null
                || entity.getLockExpirationTime().toInstant().isBefore(now);
    }

    private static boolean run(ManagementService management, Job job, boolean timer) {
        try {
            String id = timer ? management.moveTimerToExecutableJob(job.getId()).getId() : job.getId();
            management.executeJob(id);
            return true;
        } catch (FlowableObjectNotFoundException | FlowableOptimisticLockingException e) {
            LOG.debug("job {} was taken by another executor, or its process ended", job.getId());
            return false;
        } catch (FlowableException | PersistenceException e) {
            if (management.createTimerJobQuery().jobId(job.getId()).count() == 0
                    && management.createJobQuery().jobId(job.getId()).count() == 0) {
                LOG.debug("job {} was taken by another node, or its process ended", job.getId(), e);
            } else {
                LOG.warn("job {} of process instance {} failed; Flowable will retry it", job.getId(),
                        job.getProcessInstanceId(), e);
            }
            return false;
        }
    }
}
