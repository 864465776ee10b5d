package io.slaflow.bpmn.internal;

import static io.slaflow.bpmn.internal.Requests.first;

import io.slaflow.bpmn.AlreadyClaimedException;
import io.slaflow.bpmn.NoContractException;
import io.slaflow.bpmn.PrepaidAccount;
import io.slaflow.bpmn.RequestStage;
import io.slaflow.bpmn.SlaEvent;
import io.slaflow.bpmn.TimelineEntry;
import io.slaflow.bpmn.UnknownRequestException;
import io.slaflow.core.NotAllowedException;
import io.slaflow.core.SlaException;
import io.slaflow.core.WrongStageException;
import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.acceptance.ScenarioResult;
import io.slaflow.core.acceptance.Solution;
import io.slaflow.core.acceptance.Specification;
import io.slaflow.core.contract.PaymentPoint;
import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.core.routing.SupportGroups;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;

/**
 * The operations of the acceptance workflow, each one run of a step in one transaction: load the case,
 * check the user, apply the step through {@link AcceptanceCase} (which refuses a wrong stage, a user not
 * on the customer's side, bad results or a second payment, changing nothing), store the case with the
 * new step, keep the rework round's countdown and the intake request's resolution countdown in step, and,
 * when the case awaits something else than before, leave the wait or task where the process waited for
 * what the case awaited ({@code CaseExit}); the model's gateways then route on what the case awaits now.
 * Thread-safe.
 */
public final class AcceptanceOperations {

    /** The specialist of a step the customer (or, for payments, the host) takes: none to check. */
    private static final String CUSTOMER = null;
    private static final int PAGE = 200;

    /**
     * One operation: its name, the kind of step the timeline records it as, the specialist acting (null
     * for the customer or the host), its step, and a check of the engine's own before the step (null when
     * there is nothing to refuse).
     */
    private record Change(String operation, TimelineEntry.Kind kind, String specialist,
            BiFunction<AcceptanceCase, Instant, CaseStep> step, BiFunction<OpenCase, AcceptanceCase, SlaException> check) {

        Change(String operation, TimelineEntry.Kind kind, String specialist,
                BiFunction<AcceptanceCase, Instant, CaseStep> step) {
            this(operation, kind, specialist, step, (c, a) -> null);
        }
    }

    private final SlaRuntime runtime;
    private final RuntimeService processes;
    private final TaskService tasks;
    private final Requests requests;
    private final AcceptanceCases cases;
    private final Transactions transactions;
    private final Contracts contracts;
    private final IntakeResolution intake;
    private final PrepaidLedger ledger;
    private final LegacyOutcome legacy;

    /**
     * Creates the operations.
     *
     * @param engine the process engine
     * @param runtime policy, clock, members, routing and listeners
     * @param contracts the customers' contracts
     */
    public AcceptanceOperations(ProcessEngine engine, SlaRuntime runtime, Contracts contracts) {
        this.runtime = runtime;
        this.processes = engine.getRuntimeService();
        this.tasks = engine.getTaskService();
        this.requests = new Requests(engine, runtime.members());
        this.cases = new AcceptanceCases(engine);
        this.transactions = new Transactions(engine.getManagementService());
        this.contracts = contracts;
        this.intake = new IntakeResolution(runtime, processes);
        this.ledger = new PrepaidLedger(engine.getManagementService());
        this.legacy = new LegacyOutcome(engine.getRepositoryService());
    }

    // ---- opening a case ----------------------------------------------------------------------------

    /** Starts a case a host files on its own; returns its id. */
    public String start(ServiceRequest request, String user, Solution solution) {
        ServiceContract contract = contractOf(request.customer());
        String line = finalLine(request);
        return transactions.run("start the acceptance workflow", () -> {
            SlaException problem = requireMember(user, line, false, "start", "work of kind " + request.kind()
                    + " from " + request.tier() + " goes to " + line);
            if (problem != null) {
                return Outcome.fail(problem);
            }
            CaseRecord record = opened(request, contract, user, solution);
            Map<String, Object> vars = new HashMap<>();
            vars.put(AcceptanceModel.VAR_CASE, AcceptanceJson.write(record));
            vars.put(AcceptanceModel.VAR_LINE, line);
            vars.put(AcceptanceModel.VAR_WORK_KIND, request.kind().name());
            vars.put(AcceptanceModel.VAR_STAGE, record.replay().stage().name());
            vars.put(AcceptanceModel.VAR_AWAITS, record.replay().awaiting().name());
            ProcessInstance instance = processes.createProcessInstanceBuilder()
                    .processDefinitionKey(AcceptanceModel.PROCESS_KEY)
                    .overrideProcessDefinitionTenantId(request.customer())
                    .variables(vars)
                    .start();
            processes.setVariable(instance.getId(), AcceptanceModel.VAR_ID, instance.getId());
            CaseSteps.opened(instance.getId(), record.steps().get(0));
            return Outcome.ok(instance.getId());
        });
    }

    /**
     * The line of intake request {@code id} proposes a solution: the request's work task ends and the
     * intake calls the acceptance workflow; the resolution countdown pauses while the customer decides.
     */
    public void proposeSolution(String id, String user, Solution solution) {
        transactions.run("propose a solution for request " + id, () -> {
            Requests.lock(id);
            OpenRequest r = requests.load(id);
            if (r == null) {
                return Outcome.fail(new UnknownRequestException(id));
            }
            SlaException problem = first(
                    () -> requests.requireStage(r, "proposeSolution", RequestStage.WORK),
                    () -> requests.requireAllowed(r, user, "proposeSolution"),
                    () -> requests.requireUnclaimedOrOwn(r, user, "proposeSolution"),
                    () -> contracts.of(r.stored().request().customer()).isPresent() ? null
                            : new NoContractException(r.stored().request().customer()));
            if (problem != null) {
                return Outcome.fail(problem);
            }
            ServiceRequest request = r.stored().request();
            CaseRecord record = opened(request, contracts.of(request.customer()).orElseThrow(), user, solution);
            AcceptanceCase opened = record.replay();
            if (r.assignee() == null) {
                tasks.claim(r.task().getId(), user);
            }
            List<SlaEvent> events = new ArrayList<>();
            intake.follow(id, request, opened, opened.updatedAt(), events);
            Map<String, Object> vars = Map.of(Model.VAR_ASSIGNEE, user, AcceptanceModel.VAR_IN_ACCEPTANCE, true);
            Map<String, Object> handedOn = Map.of(Model.VAR_OUTCOME, AcceptanceModel.OUTCOME_ACCEPTANCE,
                    AcceptanceModel.VAR_CASE, AcceptanceJson.write(record), AcceptanceModel.VAR_ID, id,
                    AcceptanceModel.VAR_PARENT, id, AcceptanceModel.VAR_LINE, r.line(),
                    AcceptanceModel.VAR_WORK_KIND, r.workKind().name(), AcceptanceModel.VAR_STAGE, opened.stage().name(),
                    AcceptanceModel.VAR_AWAITS, opened.awaiting().name());
            tasks.complete(r.task().getId(), vars, handedOn);
            CaseSteps.opened(id, record.steps().get(0));
            runtime.publishAfterCommit(events);
            return Outcome.ok(null);
        });
    }

    private CaseRecord opened(ServiceRequest request, ServiceContract contract, String user, Solution solution) {
        CaseStep open = new CaseStep(CaseStep.Op.OPEN, runtime.now(), user, null, solution, null, null, null, null);
        return new CaseRecord(request, contract, List.of(open));
    }

    // ---- the steps --------------------------------------------------------------------------------

    /** The customer asks for changes to the proposed solution. */
    public void askChanges(String id, String user, String changes) {
        run(id, new Change("askChanges", TimelineEntry.Kind.CHANGES_ASKED, CUSTOMER,
                (c, at) -> new CaseStep(CaseStep.Op.ASK_CHANGES, at, user, changes, null, null, null, null, null)));
    }

    /** The specialist revises the solution. */
    public void reviseSolution(String id, String user, Solution revised) {
        run(id, new Change("reviseSolution", TimelineEntry.Kind.SOLUTION_REVISED, user,
                (c, at) -> new CaseStep(CaseStep.Op.REVISE_SOLUTION, at, user, null, revised, null, null, null, null)));
    }

    /** The customer agrees to the solution. */
    public void agreeSolution(String id, String user) {
        run(id, new Change("agreeSolution", TimelineEntry.Kind.SOLUTION_AGREED, CUSTOMER,
                (c, at) -> CaseStep.of(CaseStep.Op.AGREE_SOLUTION, at, user)));
    }

    /** The specialist submits the specification, or a new version while the customer reviews it. */
    public void submitSpecification(String id, String user, Specification spec) {
        run(id, specification("submitSpecification", TimelineEntry.Kind.SPECIFICATION_SUBMITTED, user, (c, at) -> spec,
                (c, a) -> null));
    }

    /** For work that needs no written specification, the agreed solution stands as one, with an estimate. */
    public void skipSpecification(String id, String user, BigDecimal estimate) {
        run(id, specification("skipSpecification", TimelineEntry.Kind.SPECIFICATION_SKIPPED, user,
                (c, at) -> Specification.ofSolution(c.solution(), estimate, c.contract().riskBuffer()),
                (c, a) -> runtime.desk().specificationRequired().contains(c.workKind()) ? new WrongStageException("skipSpecification",
                        a.stage().name(), c.workKind() + " work needs a written specification with acceptance"
                        + " scenarios (D9); submit one with submitSpecification") : null));
    }

    private Change specification(String operation, TimelineEntry.Kind kind, String user,
            BiFunction<AcceptanceCase, Instant, Specification> spec, BiFunction<OpenCase, AcceptanceCase, SlaException> check) {
        return new Change(operation, kind, user, (c, at) -> new CaseStep(CaseStep.Op.SUBMIT_SPECIFICATION, at, user, null,
                null, spec.apply(c, at), null, null, null), check);
    }

    /**
     * The customer approves the specification, against what is free of the customer's prepaid hours
     * now (the account is locked until the transaction ends, so approvals of one customer's cases
     * take their hours one after another). An account not opened yet opens with the hours of the
     * customer's current contract, not of the one the case was opened with.
     */
    public void approveSpecification(String id, String user) {
        run(id, new Change("approveSpecification", TimelineEntry.Kind.SPECIFICATION_APPROVED, CUSTOMER,
                (c, at) -> new CaseStep(CaseStep.Op.APPROVE_SPECIFICATION, at, user, null, null, null, null, null, null,
                        ledger.available(c.request().customer(), openingHours(c.request().customer())).orElse(null))));
    }

    /** The customer refuses to write down acceptance scenarios: the work stops (D10). */
    public void refuseScenarios(String id, String user) {
        run(id, new Change("refuseScenarios", TimelineEntry.Kind.SCENARIOS_REFUSED, CUSTOMER,
                (c, at) -> CaseStep.of(CaseStep.Op.REFUSE_SCENARIOS, at, user)));
    }

    /** The customer approves or declines an overdraw of the prepaid hours. */
    public void decideOverdraw(String id, String user, boolean approve) {
        String operation = approve ? "approveOverdraw" : "declineOverdraw";
        CaseStep.Op op = approve ? CaseStep.Op.APPROVE_OVERDRAW : CaseStep.Op.DECLINE_OVERDRAW;
        TimelineEntry.Kind kind = approve ? TimelineEntry.Kind.OVERDRAW_APPROVED : TimelineEntry.Kind.OVERDRAW_DECLINED;
        run(id, new Change(operation, kind, CUSTOMER, (c, at) -> CaseStep.of(op, at, user)));
    }

    /** Records the payment due at {@code point}. */
    public void recordPayment(String id, PaymentPoint point) {
        run(id, new Change("recordPayment", TimelineEntry.Kind.PAYMENT_RECORDED, CUSTOMER,
                (c, at) -> new CaseStep(CaseStep.Op.RECORD_PAYMENT, at, null, null, null, null, point, null, null)));
    }

    /** The specialist records that the documentation was delivered. */
    public void deliverDocumentation(String id, String user) {
        run(id, new Change("deliverDocumentation", TimelineEntry.Kind.DOCUMENTATION_DELIVERED, user,
                (c, at) -> CaseStep.of(CaseStep.Op.DELIVER_DOCUMENTATION, at, user)));
    }

    /** The specialist completes the work (or a rework round) and demonstrates it. */
    public void completeWork(String id, String user) {
        run(id, new Change("completeWork", TimelineEntry.Kind.WORK_COMPLETED, user,
                (c, at) -> CaseStep.of(CaseStep.Op.COMPLETE_WORK, at, user)));
    }

    /** The customer records a result per scenario. */
    public void recordResults(String id, String user, List<ScenarioResult> results) {
        run(id, new Change("recordResults", TimelineEntry.Kind.RESULTS_RECORDED, CUSTOMER,
                (c, at) -> new CaseStep(CaseStep.Op.RECORD_RESULTS, at, user, null, null, null, null, results, null)));
    }

    /** The customer claims warranty on accepted work. */
    public void claimWarranty(String id, String user, Severity severity, String description) {
        run(id, new Change("claimWarranty", TimelineEntry.Kind.WARRANTY_CLAIMED, CUSTOMER,
                (c, at) -> new CaseStep(CaseStep.Op.CLAIM_WARRANTY, at, user, description, null, null, null, null,
                        severity)));
    }

    /**
     * Moves the timers of the running rework rounds to their next thresholds under the current
     * policy's calendars (after a policy change), a page at a time; returns how many moved.
     */
    public int rescheduleRounds() {
        int moved = 0;
        List<String> page;
        int first = 0;
        do {
            int from = first;
            page = transactions.run("list the rework round clocks", () -> Outcome.ok(
                    ClockStore.running(ClockStore.Slot.ROUND, from, PAGE)));
            for (String pid : page) {
                moved += transactions.run("reschedule a rework round", () -> Outcome.ok(rescheduleRound(pid))) ? 1 : 0;
            }
            first += PAGE;
        } while (page.size() == PAGE);
        return moved;
    }

    private boolean rescheduleRound(String pid) {
        ProcessInstance instance = processes.createProcessInstanceQuery().processInstanceId(pid).singleResult();
        if (instance == null) {
            return false;
        }
        cases.lockProcess(instance);
        return RoundClock.reschedule(runtime, pid, ClockStore.attach(pid, processes.getVariables(pid)));
    }

    // ---- claiming a step ---------------------------------------------------------------------------

    /**
     * Claims the open step of the acceptance case {@code id} names (the intake request that called it,
     * or a case a host started) for {@code user}, as {@code claim} does for an intake task: a member of
     * the case's group takes an unclaimed step, and once a rework round's breach escalated the case, a
     * lead takes it over.
     *
     * @return false, changing nothing, when {@code id} names no running case (an intake request not in
     *     the workflow, or nothing): the intake's claim answers then
     * @throws WrongStageException when the case waits for the customer or the host: no step to claim
     */
    public boolean claimStep(String id, String user) {
        if (!transactions.read("find the case of " + id, () -> Outcome.ok(cases.running(id) != null))) {
            return false;   // the intake's claim answers: a case that starts meanwhile leaves its request in the wrong stage
        }
        return transactions.run("claim " + id, () -> {
            cases.lock(id);
            OpenCase c = cases.load(id);
            if (c == null || c.ended()) {
                return Outcome.ok(false);
            }
            if (c.task() == null) {
                AcceptanceCase now = c.record().replay();
                return Outcome.fail(new WrongStageException("claim", now.stage().name(), "case '" + c.id()
                        + "' waits for " + CaseExit.described(now.awaiting()) + "; there is no step of support's to claim"));
            }
            boolean takeOver = c.escalated() && runtime.members().groupsOf(user).contains(SupportGroups.LEADS);
            SlaException problem = takeOver ? null : requireSpecialist(c, user, "claim");
            if (problem != null) {
                return Outcome.fail(problem);
            }
            if (!user.equals(c.assignee())) {
                tasks.setAssignee(c.task().getId(), user);
            }
            return Outcome.ok(true);
        });
    }

    // ---- prepaid hours ----------------------------------------------------------------------------

    /** Adds hours the customer bought to its prepaid balance; returns the account after it. */
    public PrepaidAccount addPrepaidHours(String customer, BigDecimal hours, String note) {
        contractOf(customer);
        return transactions.run("add prepaid hours for " + customer,
                () -> Outcome.ok(ledger.add(customer, hours, note, openingHours(customer), runtime.now())));
    }

    /** Returns the customer's prepaid account; one not opened yet shows the hours it would open with. */
    public Optional<PrepaidAccount> prepaidAccount(String customer) {
        return transactions.read("read the prepaid hours of " + customer,
                () -> Outcome.ok(ledger.read(customer, openingHours(customer))));
    }

    /**
     * Returns the hours {@code customer}'s prepaid account opens with: those of the engine's current
     * contract (as {@link #prepaidAccount} shows them), whichever contract a case was opened with.
     * Every place that may open the account asks here.
     */
    private Optional<BigDecimal> openingHours(String customer) {
        return contracts.of(customer).flatMap(ServiceContract::prepaidHours);
    }

    // ---- the machinery ----------------------------------------------------------------------------

    private void run(String id, Change ch) {
        transactions.run(ch.operation() + " for " + id, () -> {
            cases.lock(id);
            OpenCase c = cases.load(id);
            if (c == null) {
                return Outcome.fail(cases.notACase(id, ch.operation(), requests));
            }
            CaseRecord record = c.record();
            AcceptanceCase before = record.replay();
            SlaException problem = first(() -> ch.specialist() == null ? null
                    : requireSpecialist(c, ch.specialist(), ch.operation()),
                    () -> ch.check().apply(c, before));
            if (problem != null) {
                return Outcome.fail(problem);
            }
            Instant now = runtime.now();
            Instant at = now.isBefore(before.updatedAt()) ? before.updatedAt() : now;
            CaseStep step;
            AcceptanceCase after;
            try {
                step = ch.step().apply(before, at);
                after = step.apply(before);
            } catch (SlaException e) {
                return Outcome.fail(e);
            }
            Optional<CaseExit> exit = CaseExit.of(before.awaiting(), after);
            if (c.ended() || exit.isEmpty() || !c.waitsAt(exit.get().element())) {
                return Outcome.fail(notWaiting(c, ch.operation(), before, exit));
            }
            boolean moves = after.awaiting() != before.awaiting();
            apply(c, ch, before, record.with(step), after, moves ? exit.get() : null, at);
            return Outcome.ok(null);
        });
    }

    /** The failure of a step the case took on a case that has ended, or whose process does not wait where the case says. */
    private static WrongStageException notWaiting(OpenCase c, String operation, AcceptanceCase before,
            Optional<CaseExit> exit) {
        String process = c.ended() ? " and has ended"
                : exit.map(e -> ", but its process waits at " + c.active() + ", not at " + e.element())
                        .orElse(", but its process still runs");
        return new WrongStageException(operation, before.stage().name(), "case '" + c.id() + "' waits for "
                + CaseExit.described(before.awaiting()) + process);
    }

    /**
     * Stores the step and its side effects and, given an {@code exit} (null when the case awaits what it
     * awaited), leaves it; an instance of an earlier model is told the outcome its gateways read.
     */
    private void apply(OpenCase c, Change ch, AcceptanceCase before, CaseRecord record, AcceptanceCase after,
            CaseExit exit, Instant at) {
        if (ch.specialist() != null && c.task() != null && c.assignee() == null) {
            tasks.claim(c.task().getId(), ch.specialist());
        }
        List<SlaEvent> events = new ArrayList<>();
        Map<String, Object> vars = new HashMap<>();
        vars.put(AcceptanceModel.VAR_CASE, AcceptanceJson.write(record));
        vars.put(AcceptanceModel.VAR_STAGE, after.stage().name());
        vars.put(AcceptanceModel.VAR_AWAITS, after.awaiting().name());
        after.warranty().ifPresent(w -> vars.put(AcceptanceModel.VAR_WARRANTY_END, ClockStore.ceilMillis(w.end()).toString()));
        RoundClock.startIfEntered(runtime, c.id(), c.processInstanceId(), before, after, vars, c.variables(), at, events);
        RoundClock.meetIfCompleted(runtime, c.id(), c.processInstanceId(), before, after, c.variables(), at, events);
        CaseSteps.record(CaseSteps.timelineId(c), ch.kind(), record.steps().get(record.steps().size() - 1), before, after,
                RoundClock.roundNumber(vars));
        if (c.parent() != null) {
            intake.follow(c.parent(), after.request(), after, at, events);
        }
        String customer = after.request().customer();
        ledger.follow(customer, openingHours(customer), c.id(), before, after, at);
        boolean roundStarted = vars.containsKey(AcceptanceModel.VAR_ROUND_SLA);
        if (exit != null || roundStarted) {
            String definition = processDefinitionOf(c);
            if (exit != null && legacy.readsOutcome(definition)) {
                vars.put(AcceptanceModel.VAR_OUTCOME, LegacyOutcome.of(before.awaiting(), after.awaiting()));
            }
            if (roundStarted && legacy.timesRounds(definition)) {
                vars.put(AcceptanceModel.VAR_ROUND_NEXT, LegacyClocks.PARKED);
            }
        }
        processes.setVariables(c.processInstanceId(), vars);
        if (exit != null) {
            leave(c, exit);
        }
        runtime.publishAfterCommit(events);
    }

    private String processDefinitionOf(OpenCase c) {
        return processes.createProcessInstanceQuery().processInstanceId(c.processInstanceId()).singleResult()
                .getProcessDefinitionId();
    }

    /** Leaves the wait or task of {@code exit}: the process moves on to the gateways that read what the case awaits. */
    private void leave(OpenCase c, CaseExit exit) {
        String pid = c.processInstanceId();
        switch (exit.kind()) {
            case TASK -> tasks.complete(c.task().getId());
            case WAIT -> processes.trigger(processes.createExecutionQuery().processInstanceId(pid)
                    .activityId(exit.element()).singleResult().getId());
            case MESSAGE -> processes.messageEventReceived(AcceptanceModel.SCENARIOS_REFUSED_MESSAGE,
                    processes.createExecutionQuery().processInstanceId(pid)
                            .messageEventSubscriptionName(AcceptanceModel.SCENARIOS_REFUSED_MESSAGE).singleResult().getId());
        }
    }

    private SlaException requireSpecialist(OpenCase c, String user, String operation) {
        SlaException problem = requireMember(user, c.line(), c.escalated(), operation,
                "case '" + c.id() + "' is with " + c.line() + (c.escalated() ? " and leads" : ""));
        if (problem != null) {
            return problem;
        }
        String assignee = c.assignee();
        return assignee == null || assignee.equals(user) ? null
                : new AlreadyClaimedException(c.id(), user, operation, assignee);
    }

    private SlaException requireMember(String user, String line, boolean escalated, String operation, String where) {
        if (!runtime.members().isKnown(user)) {
            return Requests.unknownUser(user, operation);
        }
        Set<String> groups = runtime.members().groupsOf(user);
        if (groups.contains(line) || escalated && groups.contains(SupportGroups.LEADS)) {
            return null;
        }
        return new NotAllowedException(user, operation, where + ", and the user's groups are " + groups);
    }

    /** Returns the group the routing rules finally give work of the request's kind: intake, then every hand-off. */
    private String finalLine(ServiceRequest request) {
        String line = runtime.routing().intake(request);
        Set<String> seen = new HashSet<>();
        while (seen.add(line)) {
            Optional<String> next = runtime.routing().handOff(request, line, request.kind());
            if (next.isEmpty()) {
                break;
            }
            line = next.get();
        }
        return line;
    }

    private ServiceContract contractOf(String customer) {
        return contracts.of(customer).orElseThrow(() -> new NoContractException(customer));
    }
}
