package io.slaflow.bpmn.internal;

import static io.slaflow.bpmn.internal.Requests.first;

import io.slaflow.bpmn.RequestStage;
import io.slaflow.bpmn.SlaEvent;
import io.slaflow.bpmn.TimelineEntry;
import io.slaflow.bpmn.UnknownRequestException;
import io.slaflow.core.NotAllowedException;
import io.slaflow.core.SlaException;
import io.slaflow.core.WrongStageException;
import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.Countdown;
import io.slaflow.core.countdown.RequestClock;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.policy.InvalidPolicyException;
import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.policy.SlaTargets;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;

/**
 * The operations that change a request, each one transaction: submit, claim, call back, respond,
 * wait for the customer, the customer's reply, hand-over, resolve, and rescheduling after a policy
 * change. Thread-safe.
 */
public final class Operations {

    private static final int PAGE = 200;
    private static final int MAX_PROBLEMS_LISTED = 20;

    private final SlaRuntime runtime;
    private final RuntimeService processes;
    private final TaskService tasks;
    private final Requests requests;
    private final ClockStore clocks;
    private final Transactions transactions;

    /**
     * Creates the operations.
     *
     * @param engine the process engine
     * @param runtime policy, clock, members, routing and listeners
     */
    public Operations(ProcessEngine engine, SlaRuntime runtime) {
        this.runtime = runtime;
        this.processes = engine.getRuntimeService();
        this.tasks = engine.getTaskService();
        this.requests = new Requests(engine, runtime.members());
        this.clocks = new ClockStore(runtime);
        this.transactions = new Transactions(engine.getManagementService());
    }

    /**
     * Files a request and starts its countdowns; returns its id. A missed call's response countdown is
     * the call-back, with the call-back policy's target.
     */
    public String submit(ServiceRequest request, boolean missedCall) {
        String line = runtime.routing().intake(request);
        return transactions.run("submit the request", () -> {
            Optional<String> known = request.reference().flatMap(ref -> References.find(request.customer(), ref));
            if (known.isPresent()) {
                return Outcome.ok(known.get());               // submitted before: the same request, nothing changed
            }
            Instant now = runtime.now();
            String firstOffer = Offers.firstOffer(runtime.members(), line, request.kind(), now);
            Configuration config = runtime.inForce();
            SlaTargets targets = config.targets(request);
            Timing timing = new Timing(config.version(), null);
            Map<String, Object> vars = new HashMap<>();
            StoredRequest stored = new StoredRequest(request, now);
            vars.put(Model.VAR_REQUEST, Json.writeRequest(stored));
            vars.put(Model.VAR_LINE, line);
            vars.put(Model.VAR_WORK_KIND, request.kind().name());
            if (firstOffer != null) {
                vars.put(Model.VAR_OFFERED_TO, firstOffer);
            }
            List<Countdown> countdowns = new ArrayList<>(List.of(
                    missedCall ? runtime.callBacks().countdown(now)
                            : Countdown.start(SlaMetric.RESPONSE, targets.response(), targets.warnAt(),
                                    targets.escalations(targets.response()), now),
                    Countdown.start(SlaMetric.RESOLUTION, targets.resolution(), targets.warnAt(),
                            targets.escalations(targets.resolution()), now)));
            targets.start().ifPresent(start -> countdowns.add(Countdown.start(SlaMetric.START, start, targets.warnAt(), now)));
            RequestClock clock = RequestClock.of(countdowns);
            ProcessInstance instance = processes.createProcessInstanceBuilder()
                    .processDefinitionKey(Model.PROCESS_KEY)
                    .overrideProcessDefinitionTenantId(request.customer())
                    .variables(vars)
                    .transientVariable(Model.VAR_MISSED_CALL, missedCall)
                    .transientVariable(Model.TRANSIENT_CLOCK, clock)
                    .transientVariable(Model.TRANSIENT_TIMING, timing)
                    .start();
            clocks.start(ClockStore.Slot.INTAKE, instance.getId(), new ClockStore.Owner(instance.getId(),
                    request.customer(), 0), stored, timing, clock, targets.calendar());
            request.reference().ifPresent(ref -> References.record(request.customer(), ref, instance.getId()));
            Steps.record(instance.getId(), now, TimelineEntry.Kind.FILED, request.requester(),
                    request.description() != null ? request.description() : request.subject());
            Offers.recordOffer(runtime.members(), instance.getId(), line, request.kind(), firstOffer, Set.of(), now);
            List<SlaEvent> events = new ArrayList<>();
            for (SlaMetric metric : clock.metrics()) {
                events.add(event(SlaEvent.Type.STARTED, instance.getId(), request, metric, now));
            }
            runtime.publishAfterCommit(events);
            return Outcome.ok(instance.getId());
        });
    }

    /** Claims request {@code id} for {@code user}; a lead may take over an escalated request. */
    public void claim(String id, String user) {
        change(id, r -> first(
                () -> requests.requireStage(r, "claim", RequestStage.CALL_BACK, RequestStage.RESPONSE, RequestStage.WORK),
                () -> requests.requireAllowed(r, user, "claim"),
                () -> r.escalated() && requests.isLead(user) ? null : requests.requireUnclaimedOrOwn(r, user, "claim"),
                () -> requests.requireAvailable(r, user, "claim", runtime.now())),
                r -> {
                    if (!user.equals(r.assignee())) {
                        tasks.setAssignee(r.task().getId(), user);
                        step(r, TimelineEntry.Kind.CLAIMED, user, null);
                    }
                    return startMet(r);
                });
    }

    /**
     * Declines request {@code id} for {@code user} (D7: "another specialist is found"): it was offered to
     * them alone or they claimed it; it is offered to the next member of its line on rotation who is on
     * shift, present and has not declined it. When nobody is left, it is offered to the whole line and
     * escalated at once: to the next escalation level of its rule, or, without levels, to {@code leads}
     * (once). Recorded for the timeline with the reason, verbatim.
     */
    public void decline(String id, String user, String reason) {
        change(id, r -> first(
                () -> requests.requireStage(r, "decline", RequestStage.CALL_BACK, RequestStage.RESPONSE, RequestStage.WORK),
                () -> requests.requireAllowed(r, user, "decline"),
                () -> requests.requireUnclaimedOrOwn(r, user, "decline"),
                () -> user.equals(r.assignee()) || user.equals(r.offeredTo()) ? null : new NotAllowedException(user,
                        "decline", "request '" + r.id() + "' is neither claimed by them nor offered to them alone (it is"
                                + " offered to " + (r.offeredTo() != null ? r.offeredTo() : "all of " + r.line())
                                + "); claim it first to decline it")),
                r -> {
                    Instant now = runtime.now();
                    step(r, TimelineEntry.Kind.DECLINED, user, reason);
                    List<String> declined = new ArrayList<>(r.declined());
                    if (!declined.contains(user)) {
                        declined.add(user);
                    }
                    processes.setVariable(r.id(), Model.VAR_DECLINED, Json.writeUsers(declined));
                    String taskId = r.task().getId();
                    if (user.equals(r.assignee())) {
                        tasks.unclaim(taskId);
                        processes.removeVariable(r.id(), Model.VAR_ASSIGNEE);
                    }
                    tasks.deleteCandidateUser(taskId, user);
                    String next = runtime.members().nextInRotation(r.line(), now, declined);
                    String offer = Offers.offerText(runtime.members(), r.line(), next, declined, now);
                    if (next != null) {
                        tasks.deleteCandidateGroup(taskId, r.line());
                        tasks.addCandidateUser(taskId, next);
                        processes.setVariable(r.id(), Model.VAR_OFFERED_TO, next);
                        step(r, TimelineEntry.Kind.OFFERED, null, offer);
                        return List.of();
                    }
                    processes.removeVariable(r.id(), Model.VAR_OFFERED_TO);
                    tasks.addCandidateGroup(taskId, r.line());
                    step(r, TimelineEntry.Kind.OFFERED, null, offer + ": offered to all of " + r.line());
                    SlaMetric working = r.clock().countdown(SlaMetric.RESPONSE).isMet() ? SlaMetric.RESOLUTION
                            : SlaMetric.RESPONSE;
                    if (!r.clock().countdown(working).escalations().isEmpty()) {
                        return store(r, r.clock().escalateNext(working, now, calendar(r)));   // the rule's next level
                    }
                    return clocks.escalateNow(r.id(), r.owner(), r.escalated(), working, now);
                });
    }

    /** Records that the line called the customer back after a missed call: its response is met. */
    public void callBack(String id, String user) {
        act(id, user, "callBack", new RequestStage[] {RequestStage.CALL_BACK}, r -> {
            List<SlaEvent> events = meet(r, SlaMetric.RESPONSE);
            step(r, TimelineEntry.Kind.RESPONDED, user, null);
            complete(r, user, Model.OUTCOME_CALLED_BACK, new HashMap<>());
            return events;
        });
    }

    /** Gives the first response: the response countdown is met. */
    public void respond(String id, String user, String diagnosis) {
        act(id, user, "respond", new RequestStage[] {RequestStage.RESPONSE}, r -> {
            List<SlaEvent> events = answered(r);
            events.addAll(meet(current(r), SlaMetric.RESPONSE));
            step(r, TimelineEntry.Kind.RESPONDED, user, diagnosis);
            Map<String, Object> vars = new HashMap<>();
            vars.put(Model.VAR_DIAGNOSIS, diagnosis);
            complete(r, user, Model.OUTCOME_RESPOND, vars);
            return events;
        });
    }

    /** Puts a question to the customer: the running countdowns pause and the SLA clock's timer is parked. */
    public void waitForCustomer(String id, String user, String question) {
        act(id, user, "waitForCustomer", new RequestStage[] {RequestStage.RESPONSE, RequestStage.WORK}, r -> {
            step(r, TimelineEntry.Kind.WAITING, user, question);
            List<SlaEvent> events = answered(r);
            OpenRequest now = current(r);
            events.addAll(store(now, now.clock().pause(runtime.now(), question, calendar(now))));
            Map<String, Object> vars = new HashMap<>();
            vars.put(Model.VAR_QUESTION, question);
            vars.put(Model.VAR_ASSIGNEE, user);
            complete(r, user, Model.OUTCOME_WAIT, vars);
            return events;
        });
    }

    /**
     * Records the customer's reply: the paused countdowns resume and the SLA clock's timer comes back.
     * With a {@code customer}, a request of another customer is an unknown request.
     */
    public void customerReplied(String customer, String id, String reply) {
        change(id, r -> first(
                () -> customer == null || requests.belongsTo(id, customer) ? null : new UnknownRequestException(id),
                () -> requests.requireStage(r, "customerReplied", RequestStage.WAITING_ON_CUSTOMER)), r -> {
            step(r, TimelineEntry.Kind.REPLIED, r.stored().request().customer(), reply);
            List<SlaEvent> events = store(r, r.clock().resume(runtime.now(), calendar(r)));
            events.addAll(nextReplyStarts(current(r)));
            processes.setVariable(r.id(), Model.VAR_REPLY, reply);
            processes.trigger(r.waitingExecution());
            return events;
        });
    }

    /**
     * Hands the request over to the group the routing rules name for the kind of work found (D1):
     * by default consultants to analysts, analysts to programmers, anyone to duty for an emergency.
     */
    public void handOver(String id, String user, RequestKind found, String note) {
        change(id, r -> first(
                () -> requests.requireStage(r, "handOver", RequestStage.RESPONSE, RequestStage.WORK),
                () -> requests.requireAllowed(r, user, "handOver"),
                () -> requests.requireUnclaimedOrOwn(r, user, "handOver"),
                () -> handOffTarget(r, found).isPresent() ? null : new WrongStageException("handOver", r.stage().name(),
                        "no hand-off rule moves " + found + " work on from " + r.line() + " (request '" + r.id()
                                + "'); it stays there: resolve it, or name the kind of work found")), r -> {
                    String to = handOffTarget(r, found).orElseThrow();
                    Timing timing = ClockStore.timing(ClockStore.Slot.INTAKE, r.variables());
                    Severity severity = timing.severity(r.stored().request());
                    step(r, TimelineEntry.Kind.HANDED_OVER, user, note);
                    List<SlaEvent> events = timing.kind(r.stored().request()) == found ? List.of()
                            : retime(r, severity, found);               // work of another kind: its targets
                    clocks.workKind(r.id(), found);
                    processes.removeVariable(r.id(), Model.VAR_ASSIGNEE);
                    processes.removeVariable(r.id(), Model.VAR_OFFERED_TO);
                    processes.removeVariable(r.id(), Model.VAR_DECLINED);       // a new line: its members decide afresh
                    String firstOffer = Offers.firstOffer(runtime.members(), to, found, runtime.now());
                    Offers.recordOffer(runtime.members(), r.id(), to, found, firstOffer, Set.of(), runtime.now());
                    if (firstOffer != null) {
                        processes.setVariable(r.id(), Model.VAR_OFFERED_TO, firstOffer);
                    }
                    complete(r, null, Model.OUTCOME_HAND_OVER, Map.of(Model.VAR_LINE, to,
                            Model.VAR_WORK_KIND, found.name(), Model.VAR_HAND_OVER_NOTE, note));
                    return events;
                });
    }

    /**
     * Reclassifies an open request: its countdowns still counting take the targets the configuration in
     * force gives it as {@code severity} and {@code kind}, keeping the working time counted; the kind orders
     * its work from now on. Recorded for the timeline.
     */
    public void reclassify(String id, String user, Severity severity, RequestKind kind, String note) {
        change(id, r -> first(
                () -> requests.requireStage(r, "reclassify", RequestStage.CALL_BACK, RequestStage.RESPONSE,
                        RequestStage.WORK, RequestStage.WAITING_ON_CUSTOMER),
                () -> requests.requireAllowed(r, user, "reclassify"),
                () -> requests.requireUnclaimedOrOwn(r, user, "reclassify")), r -> {
                    step(r, TimelineEntry.Kind.RECLASSIFIED, user, note);
                    List<SlaEvent> events = retime(r, severity, kind);
                    clocks.workKind(r.id(), kind);
                    processes.setVariable(r.id(), Model.VAR_WORK_KIND, kind.name());
                    return events;
                });
    }

    /** Re-times the request's clock as {@code severity} and {@code kind} by the version in force now. */
    private List<SlaEvent> retime(OpenRequest r, Severity severity, RequestKind kind) {
        ServiceRequest filed = r.stored().request();
        Configuration config = runtime.inForce();
        Retiming retimed = Retiming.of(runtime, ClockStore.Slot.INTAKE, r.owner(), filed,
                ClockStore.timing(ClockStore.Slot.INTAKE, r.variables()), r.clock(), config,
                Timing.of(config.version(), filed, kind, severity), runtime.now(), r.stage() == RequestStage.CALL_BACK);
        return clocks.storeRetimed(ClockStore.Slot.INTAKE, r.id(), r.owner(), retimed, r.variables());
    }

    /** Meets the time to start work at the request's first claim, if its rule counts it. */
    private List<SlaEvent> startMet(OpenRequest r) {
        return meetIfCounting(r, SlaMetric.START);
    }

    /** Meets the next reply the desk owed since the customer's last reply, if one is counting. */
    private List<SlaEvent> answered(OpenRequest r) {
        return meetIfCounting(r, SlaMetric.NEXT_REPLY);
    }

    /** Meets {@code metric} if the request's clock counts it and it is not met; returns the events (a list to add to). */
    private List<SlaEvent> meetIfCounting(OpenRequest r, SlaMetric metric) {
        return r.clock().counts(metric) && !r.clock().countdown(metric).isMet()
                ? new ArrayList<>(meet(r, metric)) : new ArrayList<>();
    }

    /**
     * Starts the next-reply countdown at a customer's reply, if the request's rule counts it: the desk owes
     * its next answer (respond, a question or the resolution) within the rule's {@code nextReply}.
     */
    private List<SlaEvent> nextReplyStarts(OpenRequest r) {
        ServiceRequest filed = r.stored().request();
        Timing timing = ClockStore.timing(ClockStore.Slot.INTAKE, r.variables());
        SlaTargets targets = runtime.configurations().version(timing.version(), runtime.now())
                .targets(filed, timing.severity(filed), timing.kind(filed));
        if (targets.nextReply().isEmpty()) {
            return List.of();
        }
        Instant now = runtime.now();
        RequestClock started = r.clock().start(Countdown.start(SlaMetric.NEXT_REPLY, targets.nextReply().get(),
                targets.warnAt(), now));
        List<SlaEvent> events = new ArrayList<>(store(r, started.catchUp(now, calendar(r))));
        events.add(0, event(SlaEvent.Type.STARTED, r.id(), filed, SlaMetric.NEXT_REPLY, now));
        return events;
    }

    /** Returns the request with the clock its variables hold now (after a change stored this command). */
    private static OpenRequest current(OpenRequest r) {
        return r.withClock(ClockStore.read(ClockStore.Slot.INTAKE, r.variables()));
    }

    /** Records a person's step of the request, with their words verbatim, for its timeline. */
    private void step(OpenRequest r, TimelineEntry.Kind kind, String actor, String text) {
        Steps.record(r.id(), runtime.now(), kind, actor, text);
    }

    private Optional<String> handOffTarget(OpenRequest r, RequestKind found) {
        return runtime.routing().handOff(r.stored().request(), r.line(), found);
    }

    /**
     * Resolves the request: both countdowns are met (the response too, if it was resolved at once or on
     * the call-back).
     */
    public void resolve(String id, String user, String resolution) {
        act(id, user, "resolve", new RequestStage[] {RequestStage.CALL_BACK, RequestStage.RESPONSE, RequestStage.WORK},
                r -> runtime.desk().acceptanceRequired().contains(r.workKind()) ? new WrongStageException("resolve", r.stage().name(),
                        r.workKind() + " work of request '" + r.id() + "' is resolved only through the acceptance"
                                + " workflow on this engine: its line proposes a solution (acceptance().proposeSolution),"
                                + " and the accepted work resolves it") : null,
                r -> {
                    step(r, TimelineEntry.Kind.RESOLVED, user, resolution);
                    List<SlaEvent> events = store(r, r.clock().meetAll(runtime.now(), calendar(r)));
                    Map<String, Object> vars = new HashMap<>();
                    vars.put(Model.VAR_RESOLUTION_NOTE, resolution);
                    vars.put(Model.VAR_ASSIGNEE, user);
                    complete(r, user, Model.OUTCOME_RESOLVE, vars);
                    return events;
                });
    }

    /**
     * Asks {@code policy} for the targets of every open request, a page at a time.
     *
     * @throws InvalidPolicyException listing each request the policy throws on or has no targets for
     */
    public void checkPolicy(SlaPolicy policy) {
        List<String> problems = new ArrayList<>();
        int failed = 0;
        List<ServiceRequest> page;
        int first = 0;
        do {
            int from = first;
            page = transactions.read("list the open requests", () -> Outcome.ok(processes.createProcessInstanceQuery()
                    .processDefinitionKey(Model.PROCESS_KEY).includeProcessVariables().orderByProcessInstanceId().asc()
                    .listPage(from, PAGE).stream()
                    .map(i -> Json.readRequest((String) i.getProcessVariables().get(Model.VAR_REQUEST)).request())
                    .toList()));
            for (ServiceRequest request : page) {
                String problem = targetsProblem(policy, request);
                if (problem != null && failed++ < MAX_PROBLEMS_LISTED) {
                    problems.add(problem);
                }
            }
            first += PAGE;
        } while (page.size() == PAGE);
        if (failed > MAX_PROBLEMS_LISTED) {
            problems.add("and " + (failed - MAX_PROBLEMS_LISTED) + " more open requests");
        }
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException("'" + policy.name() + "' (not put in force; '" + runtime.configurations().own().name()
                    + "' stays)", problems);
        }
    }

    private static String targetsProblem(SlaPolicy policy, ServiceRequest request) {
        String which = "open request of " + request.customer() + " (" + request.tier() + ", " + request.kind() + ", "
                + request.severity() + ")";
        try {
            return policy.targetsFor(request) == null ? which + ": the policy returned no targets" : null;
        } catch (RuntimeException e) {
            return which + ": the policy threw " + e;
        }
    }

    /** Reschedules every open request (see {@link #reschedule}), a page at a time; returns how many timers moved. */
    public int rescheduleAll() {
        int moved = 0;
        List<String> ids;
        int first = 0;
        do {
            int from = first;
            ids = transactions.read("list the open requests", () -> Outcome.ok(processes.createProcessInstanceQuery()
                    .processDefinitionKey(Model.PROCESS_KEY).orderByProcessInstanceId().asc().listPage(from, PAGE)
                    .stream().map(ProcessInstance::getId).toList()));
            for (String id : ids) {
                moved += reschedule(id);
            }
            first += PAGE;
        } while (ids.size() == PAGE);
        return moved;
    }

    /**
     * Moves the SLA clock's timer of request {@code id} to its next threshold under the current
     * policy's calendar (announcing what the change makes crossed); returns 1 if the next threshold
     * moved, else 0.
     */
    public int reschedule(String id) {
        return transactions.run("reschedule request " + id, () -> {
            Requests.lock(id);
            OpenRequest r = requests.load(id);
            if (r == null || r.ended()) {
                return Outcome.ok(0);
            }
            Optional<Instant> before = ClockStore.due(ClockStore.Slot.INTAKE, id);
            RequestClock.Change change = r.clock().catchUp(runtime.now(), calendar(r));
            runtime.publishAfterCommit(store(r, change));
            return Outcome.ok(before.equals(ClockStore.due(ClockStore.Slot.INTAKE, id)) ? 0 : 1);
        });
    }

    /**
     * Runs an operation of a support member: loads the request, checks user, claim and stage (another
     * user's claim first: of two members racing for a request, the loser hears that the winner has
     * it, whatever stage the winner moved it to), claims it for the user if unclaimed, applies
     * {@code body}, and announces its events after commit.
     */
    private void act(String id, String user, String operation, RequestStage[] stages,
            Function<OpenRequest, List<SlaEvent>> body) {
        act(id, user, operation, stages, r -> null, body);
    }

    /** As {@link #act(String, String, String, RequestStage[], Function)}, with one more check after the stage. */
    private void act(String id, String user, String operation, RequestStage[] stages,
            Function<OpenRequest, SlaException> check, Function<OpenRequest, List<SlaEvent>> body) {
        change(id, r -> first(
                () -> r.ended() ? requests.requireStage(r, operation, stages) : null,
                () -> requests.requireAllowed(r, user, operation),
                () -> requests.requireUnclaimedOrOwn(r, user, operation),
                () -> requests.requireStage(r, operation, stages),
                () -> requests.requireAvailable(r, user, operation, runtime.now()),
                () -> check.apply(r)), r -> {
                    List<SlaEvent> events = new ArrayList<>();
                    OpenRequest claimed = r;
                    if (r.assignee() == null) {
                        tasks.claim(r.task().getId(), user);
                        step(r, TimelineEntry.Kind.CLAIMED, user, null);
                        events.addAll(startMet(r));
                        claimed = r.withClock(ClockStore.read(ClockStore.Slot.INTAKE, r.variables()));
                    }
                    events.addAll(body.apply(claimed));
                    return events;
                });
    }

    private void change(String id, Function<OpenRequest, SlaException> check, Function<OpenRequest, List<SlaEvent>> body) {
        transactions.run("change request " + id, () -> {
            Requests.lock(id);
            OpenRequest r = requests.load(id);
            if (r == null) {
                return Outcome.fail(new UnknownRequestException(id));
            }
            r = follow(r);
            SlaException problem = check.apply(r);
            if (problem != null) {
                return Outcome.fail(problem);
            }
            runtime.publishAfterCommit(body.apply(r));
            return Outcome.ok(null);
        });
    }

    /**
     * Moves the request's clock to the configuration version a reconfiguration in force moved open
     * requests to, if its batches have not reached it yet (announcing what the move crossed); returns the
     * request as it stands then.
     */
    private OpenRequest follow(OpenRequest r) {
        if (r.ended()) {
            return r;
        }
        runtime.publishAfterCommit(clocks.follow(ClockStore.Slot.INTAKE, r.id(), r.owner(), r.stored().request(),
                r.variables(), r.stage() == RequestStage.CALL_BACK));
        return r.withClock(ClockStore.read(ClockStore.Slot.INTAKE, r.variables()));
    }

    /** Meets {@code metric} of the request's clock and moves its next due instant to what is left. */
    private List<SlaEvent> meet(OpenRequest r, SlaMetric metric) {
        return store(r, r.clock().meet(metric, runtime.now(), calendar(r)));
    }

    /** Stores a change of the request's clock and returns its events. */
    private List<SlaEvent> store(OpenRequest r, RequestClock.Change change) {
        return clocks.store(ClockStore.Slot.INTAKE, r.id(), r.owner(), change, calendar(r), r.variables());
    }

    private WorkingCalendar calendar(OpenRequest r) {
        return runtime.calendar(ClockStore.timing(ClockStore.Slot.INTAKE, r.variables()), r.stored().request());
    }

    /**
     * Completes the open task. The outcome and who completed it are transient: the model's gateway
     * reads the one, {@link OfferTask} gives the next task to the other, and neither is stored.
     */
    private void complete(OpenRequest r, String completedBy, String outcome, Map<String, Object> vars) {
        if (!vars.isEmpty()) {
            processes.setVariables(r.id(), vars);
        }
        Map<String, Object> transients = new HashMap<>();
        transients.put(Model.VAR_OUTCOME, outcome);
        if (completedBy != null) {
            transients.put(Model.TRANSIENT_COMPLETED_BY, completedBy);
        }
        tasks.complete(r.task().getId(), (Map<String, Object>) null, transients);
    }

    private static SlaEvent event(SlaEvent.Type type, String id, ServiceRequest request, SlaMetric metric, Instant at) {
        return new SlaEvent(type, id, request.customer(), metric, at, 0);
    }
}
