package io.slaflow.examples.simulation;

import io.slaflow.bpmn.CustomerDesk;
import io.slaflow.bpmn.Reconfiguration;
import io.slaflow.bpmn.RequestStage;
import io.slaflow.bpmn.RequestStatus;
import io.slaflow.bpmn.RequestTimeline;
import io.slaflow.bpmn.RunningClocks;
import io.slaflow.bpmn.SlaEngine;
import io.slaflow.bpmn.SlaEvent;
import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.countdown.Explanation;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.routing.RoutingRules;
import io.slaflow.core.routing.SupportGroups;
import io.slaflow.core.testkit.TestClock;
import io.slaflow.examples.report.MetricResult;
import io.slaflow.examples.report.OpenWork;
import io.slaflow.examples.report.ProcessDiagram;
import io.slaflow.examples.report.RequestHistory;
import io.slaflow.examples.report.RequestRow;
import io.slaflow.examples.report.Scenario;
import io.slaflow.examples.report.SlaReport;
import io.slaflow.examples.report.TimelineStep;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * One scenario on its own engine: the simulated people file, take, answer, ask, hand over and resolve
 * requests through the public {@link SlaEngine} API while the {@link TestClock} moves from event to
 * event, and {@link SlaEngine#fireDueTimers()} runs the due SLA timers every {@link #TICK} of simulated
 * time (a warning or breach is recorded at the instant it happened; only its escalation may come up to
 * a tick late). Each member's shifts are in the engine's {@linkplain SlaEngine#staff() staff directory}
 * (a duty specialist's with the on-call hours); idle people the directory has on duty
 * ({@link io.slaflow.bpmn.StaffDirectory#available}) take work in the engine's work order
 * ({@link SlaEngine#workList}) and claim it as they start ({@link SlaEngine#claim}, which meets the time to
 * start work); a call that finds every consultant on duty busy becomes a
 * {@linkplain SlaEngine#missedCall missed call}. On the {@link Incidents} day a consultant is off sick
 * (an absence in the directory) and the first emergency offered to one duty specialist from that day on
 * is {@linkplain SlaEngine#decline declined} by them and taken by the next on duty; a duty specialist on
 * call who cannot come declines the same way.
 * The customers file and reply through their own {@linkplain SlaEngine#forCustomer desk view}. An
 * announced policy change is stored with {@link SlaEngine#reconfigure} at its announcement and takes
 * force at its instant; each request records the configuration version in force when it was filed.
 * Development that goes through acceptance ({@link AcceptanceSteps}) is found there too: once the
 * customer has decided, the case's next step (the specification, the work, a rework) is an open task
 * of the programmers' line in their work lists, and whoever is free takes it in the work order.
 * At the end of the baseline, before the engine closes, each breached request's timeline and the
 * explanation of each breached countdown ({@link SlaEngine#timeline}) are read into the report.
 * Not thread-safe; run once.
 */
final class DeskRun {

    /** How often the due SLA timers run, in simulated time. */
    static final Duration TICK = Duration.ofMinutes(5);
    /** How often open work is sampled for the report. */
    static final Duration SAMPLE = Duration.ofHours(1);

    private static final int TIMERS = 0;
    private static final int DONE = 1;
    private static final int REPLY = 2;
    private static final int SHIFT = 3;
    private static final int ARRIVAL = 4;
    private static final int RECORD = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);
    /**
     * What the announced change does to the requests open when it takes force: they keep the targets
     * they were filed with. The change tightens a resolution target; moving open deadlines earlier
     * would breach work the desk planned against the promise made at filing (a breach the desk could
     * not have avoided), so the new target is a promise for the requests filed from then on.
     */
    static final RunningClocks STRATEGY = RunningClocks.KEEP;

    private record Event(Instant at, int order, long seq, Runnable action) {
    }

    private final SimulationConfig config;
    private final String name;
    private final Staffing staffing;
    private final List<Arrival> arrivals;
    private final PrintStream progress;
    /** Whether this is the baseline, whose report also has the process diagrams and the request pages. */
    private final boolean baseline;
    private final ZoneId zone;
    private final TestClock clock;
    private final Incidents incidents;
    private final Roster roster;
    private final RoutingRules routing;
    private final Map<String, CustomerDesk> desks = new LinkedHashMap<>();
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            Comparator.comparing(Event::at).thenComparingInt(Event::order).thenComparingLong(Event::seq));
    private final Map<String, Ticket> tickets = new LinkedHashMap<>();
    /** The tickets not resolved yet, in filing order. */
    private final Set<Ticket> open = new LinkedHashSet<>();
    private final Set<String> dirty = new LinkedHashSet<>();
    private final Map<String, List<Integer>> openSeries = new LinkedHashMap<>();
    private final Tally tally = new Tally();
    private SlaEngine engine;
    private AcceptanceSteps acceptance;
    private long seq;
    /** Whether the first emergency from the incidents day on offered to one duty specialist was declined yet. */
    private boolean declinedOnIncidentsDay;

    DeskRun(SimulationConfig config, String name, Staffing staffing, List<Arrival> arrivals, PrintStream progress,
            boolean baseline) {
        this.config = config;
        this.name = name;
        this.staffing = staffing;
        this.arrivals = arrivals;
        this.progress = progress;
        this.baseline = baseline;
        this.zone = config.zone();
        this.clock = TestClock.at(config.start());
        this.incidents = Incidents.of(config);
        this.roster = Roster.of(staffing, zone, incidents);
        this.routing = config.policyFile().routing();
        Staffing.GROUPS.forEach(g -> openSeries.put(g, new ArrayList<>()));
    }

    /** What one scenario produced. */
    record Outcome(Scenario scenario, ScenarioFigures figures, List<ProcessDiagram> diagrams) {
    }

    Outcome run() {
        SlaEngine.Builder builder = SlaEngine.builder().policyFile(config.policyFile()).clock(clock)
                .asyncExecutor(false).listener(this::onEvent);
        try (SlaEngine e = roster.register(builder).build()) {
            engine = e;
            config.customers().forEach(c -> desks.put(c.name(), e.forCustomer(c.name())));
            roster.enrol(e.staff());
            acceptance = new AcceptanceSteps(e.acceptance());
            scheduleAll();
            loop();
            clock.set(config.end());
            tally.timerJobs += engine.fireDueTimers();
            List<RequestRow> rows = rows();
            List<ProcessDiagram> diagrams = baseline ? ProcessDiagrams.of(engine.processEngine()) : List.of();
            List<RequestHistory> histories = baseline ? histories(rows) : List.of();
            return new Outcome(new Scenario(name, staffing.asMap(), rows, openWork(), histories), figures(),
                    diagrams);
        }
    }

    private void scheduleAll() {
        arrivals.forEach(a -> schedule(a.at(), ARRIVAL, () -> arrive(a)));
        LocalDate first = config.firstDay();
        for (int d = 0; d < config.days(); d++) {
            LocalDate day = first.plusDays(d);
            for (var time : List.of(Shift.EARLY.from, Shift.ON_CALL_FROM, Shift.LATE.from)) {
                schedule(day.atTime(time).atZone(zone).toInstant(), SHIFT, () -> dirty.addAll(Staffing.GROUPS));
            }
            schedule(day.plusDays(1).atStartOfDay(zone).toInstant(), RECORD, () -> endOfDay(day));
        }
        if (roster.hasSickMember()) {
            schedule(incidents.day().atTime(Shift.EARLY.from).atZone(zone).toInstant(), SHIFT, this::sickDay);
        }
        for (Instant t = config.start(); !t.isAfter(config.end()); t = t.plus(SAMPLE)) {
            schedule(t, RECORD, this::sampleOpenWork);
        }
        schedule(config.start(), TIMERS, this::tick);
        config.policyChangeAnnouncedAt().ifPresent(at -> schedule(at, TIMERS, this::announceChange));
        config.policyChangeAt().ifPresent(at -> schedule(at, TIMERS, this::changeInForce));
    }

    /** Stores the next configuration version, to take force at the change's instant. */
    private void announceChange() {
        PolicyChange change = PolicyChange.of(config.policyFile());
        Instant from = config.policyChangeAt().orElseThrow();
        Reconfiguration r = engine.reconfigure(change.after(), from, STRATEGY);
        progress.printf(Locale.ROOT, "  %s  policy change announced: configuration v%d (%s) in force from %s,"
                        + " open requests %s; deadlines it moves: %d%n", DAY_TIME.format(clock.instant().atZone(zone)),
                r.version(), change.description(), DAY_TIME.format(from.atZone(zone)),
                r.strategy() == RunningClocks.KEEP ? "keep their targets (KEEP)" : "take the new targets (MOVE)",
                r.changes().size());
    }

    /** Runs what is due at the change's instant, so the new version takes force now, and says so. */
    private void changeInForce() {
        tally.timerJobs += engine.fireDueTimers();
        progress.printf(Locale.ROOT, "  %s  configuration v%d in force: requests filed from now on are timed by it;"
                        + " %d open requests keep their targets%n", DAY_TIME.format(clock.instant().atZone(zone)),
                engine.configVersion(), open.size());
    }

    /**
     * Says, as the early shift starts, who is off sick today and who of the consultants is on duty, as
     * the staff directory holds it (the absence was recorded at the start of the run).
     */
    private void sickDay() {
        Instant now = clock.instant();
        progress.printf(Locale.ROOT, "  %s  %s is off sick today (absent until %s); consultants on duty: %s%n",
                DAY_TIME.format(now.atZone(zone)), Incidents.SICK,
                DAY_TIME.format(incidents.sickDay(zone).to().atZone(zone)),
                String.join(", ", engine.staff().available(SupportGroups.CONSULTANTS, now)));
    }

    /** Runs the SLA timers that are due; escalations ({@link #onEvent}) offer work to more people. */
    private void tick() {
        tally.timerJobs += engine.fireDueTimers();
        schedule(clock.instant().plus(TICK), TIMERS, this::tick);
    }

    private void schedule(Instant at, int order, Runnable action) {
        events.add(new Event(at, order, seq++, action));
    }

    private void loop() {
        Instant end = config.end();
        while (!events.isEmpty() && !events.peek().at().isAfter(end)) {
            Instant now = events.peek().at();
            clock.set(now);
            boolean dispatched = false;
            while (!events.isEmpty() && events.peek().at().equals(now)) {
                Event event = events.poll();
                if (event.order() >= ARRIVAL && !dispatched) {
                    dispatch(now);
                    dispatched = true;
                }
                event.action().run();
            }
            dispatch(now);
        }
    }

    // ---- the client ---------------------------------------------------------------------------------

    private void arrive(Arrival a) {
        ServiceRequest request = a.request();
        String line = routing.intake(request);
        Plan plan = Plan.of(a);
        Instant now = clock.instant();
        if (a.byPhone()) {
            List<String> onDuty = engine.staff().available(line, now);
            Worker free = roster.members(line).stream().filter(w -> !w.busy() && w.onShift(now)
                    && onDuty.contains(w.id)).findFirst().orElse(null);
            if (free != null) {
                Ticket t = file(a, plan, desk(a).submit(request), line);
                tally.callsTaken++;
                begin(free, t, false);
            } else {
                Ticket t = file(a, plan, engine.missedCall(request), line);
                t.missedCall = true;
                tally.missedCalls++;
            }
        } else {
            Ticket t = file(a, plan, desk(a).submit(request), line);
            if (request.kind() == RequestKind.EMERGENCY && !declinedOnIncidentsDay
                    && !now.atZone(zone).toLocalDate().isBefore(incidents.day())) {
                declineOnIncidentsDay(t, now);
            }
        }
        dirty.add(line);
    }

    /**
     * The first emergency from the incidents day on that is offered to one duty specialist alone: they
     * decline it at once, and the engine offers it to the next on duty. One filed while only one is on
     * duty (offered to them or to the whole line, with nobody to pass it to) is left to the next emergency.
     */
    private void declineOnIncidentsDay(Ticket t, Instant now) {
        Worker offered = offeredAlone(t, now).orElse(null);
        if (offered == null) {
            return;
        }
        engine.decline(t.id, offered.id, Incidents.DECLINE_REASON);
        t.decline(offered.id);
        t.declinedInEngine = true;
        declinedOnIncidentsDay = true;
        tally.declines++;
        progress.printf(Locale.ROOT, "  %s  %s declines emergency %s (\"%s\"); it is offered to the next on duty%n",
                DAY_TIME.format(now.atZone(zone)), offered.id, t.arrival.ref(), Incidents.DECLINE_REASON);
    }

    /**
     * Returns the duty specialist an emergency is offered to alone: the only one of two or more on duty
     * whose work list has it (offered to the whole line, every one's has it). Empty when fewer than two
     * are on duty: then nobody else could take it.
     */
    private Optional<Worker> offeredAlone(Ticket t, Instant now) {
        List<String> onDuty = engine.staff().available(t.line, now);
        if (onDuty.size() < 2) {
            return Optional.empty();
        }
        List<String> seeing = onDuty.stream().filter(user -> engine.workList(user).stream()
                .anyMatch(s -> s.id().equals(t.id))).toList();
        return seeing.size() == 1 ? Optional.ofNullable(roster.worker(seeing.get(0))) : Optional.empty();
    }

    private CustomerDesk desk(Arrival a) {
        return desks.get(a.request().customer());
    }

    private Ticket file(Arrival a, Plan plan, String id, String line) {
        Ticket t = new Ticket(a, plan, id, line, engine.configVersion());
        tickets.put(id, t);
        open.add(t);
        tally.filedToday++;
        return t;
    }

    private void reply(Ticket t) {
        desk(t.arrival).customerReplied(t.id, "Here are the details you asked for (" + t.arrival.ref() + ")");
        t.waiting = false;
        dirty.add(t.line);
    }

    // ---- the desk -----------------------------------------------------------------------------------

    private void dispatch(Instant now) {
        for (String group : Staffing.GROUPS) {
            if (dirty.remove(group)) {
                dispatch(group, now);
            }
        }
    }

    /**
     * Lets each idle member of a line whom the staff directory has on duty (on shift, or a duty
     * specialist on call, and not away) take the next item of their work list. The directory and the
     * work lists are read only when this simulation's own records say an idle member may find something
     * there.
     */
    private void dispatch(String group, Instant now) {
        List<String> onDuty = null;
        for (Worker w : roster.members(group)) {
            if (w.busy() || !mayFindWork(w)) {
                continue;
            }
            if (onDuty == null) {
                onDuty = engine.staff().available(group, now);
            }
            boolean onShift = w.onShift(now);
            if (onDuty.contains(w.id) && (onShift || w.onCall(now))) {
                takeNext(w, onShift);
            }
        }
    }

    /** Tells whether some request is free for {@code w}: given back to them, or unclaimed in their line. */
    private boolean mayFindWork(Worker w) {
        for (Ticket t : open) {
            if (t.worker == null && !t.waiting
                    && (w.id.equals(t.assignee) || t.assignee == null && w.group.equals(t.line))) {
                return true;
            }
        }
        return false;
    }

    private boolean takeNext(Worker w, boolean onShift) {
        for (RequestStatus s : engine.workList(w.id)) {
            Ticket t = tickets.get(s.id());
            boolean takenByOther = s.assignee().isPresent() && !s.assignee().get().equals(w.id);
            if (t == null || t.worker != null || t.waiting || t.resolved || takenByOther
                    || s.stage() == RequestStage.WAITING_ON_CUSTOMER || s.stage() == RequestStage.RESOLVED
                    || s.stage() == RequestStage.STOPPED) {
                continue;
            }
            if (!onShift && !mayTakeOnCall(w, t, s)) {
                continue;
            }
            if (!onShift) {
                tally.calledIn++;
            }
            begin(w, t, !onShift);
            return true;
        }
        return false;
    }

    /**
     * Off shift a duty specialist takes only the emergencies offered to them in person, unless they cannot
     * (D7): then they decline it ({@link SlaEngine#decline}) and the engine offers it to the next on duty.
     * One that another declined before is taken: "another specialist is found".
     */
    private boolean mayTakeOnCall(Worker w, Ticket t, RequestStatus s) {
        if (s.escalated() || t.declinedBy(w.id)) {
            return false;
        }
        if (t.plan.onCallCannot() && !t.declined()) {
            t.decline(w.id);
            tally.notReachable++;
            if (offeredAlone(t, clock.instant()).filter(o -> o == w).isPresent()) {
                engine.decline(t.id, w.id, "On call without a computer at hand; cannot take it");
                t.declinedInEngine = true;
                tally.declines++;
                dirty.add(t.line);
            }
            return false;
        }
        return true;
    }

    /**
     * Starts a step. Work the member does not hold yet, an acceptance step included, is claimed as they
     * start it: the engine's work lists show who has it, the time to start work is met, and the step
     * may end after the member's shift.
     */
    private void begin(Worker w, Ticket t, boolean onCall) {
        Duration effort = t.step().effort().plus(onCall ? t.plan.onCallDelay() : Duration.ZERO);
        if (!w.id.equals(t.assignee)) {
            engine.claim(t.id, w.id);
        }
        w.take(t, onCall);
        t.worker = w;
        t.assignee = w.id;
        Instant now = clock.instant();
        schedule(w.finish(now, effort), DONE, () -> complete(w, t));
    }

    private void complete(Worker w, Ticket t) {
        Plan.Step step = t.step();
        boolean first = t.missedCall && t.isFirstStep();
        t.advance();
        if (first) {
            tally.callBacks++;
        }
        switch (step.action()) {
            case RESPOND -> {
                if (first) {
                    engine.callBack(t.id, w.id);
                } else {
                    engine.respond(t.id, w.id, "Diagnosis and recommendations for " + t.arrival.ref());
                }
                release(w, t);
            }
            case WAIT -> {
                engine.waitForCustomer(t.id, w.id, "Please send the details for " + t.arrival.ref());
                t.waiting = true;
                tally.waits++;
                release(w, t);
                schedule(clock.instant().plus(step.replyAfter()), REPLY, () -> reply(t));
            }
            case HAND_OVER -> {
                engine.handOver(t.id, w.id, step.found(), "Found " + step.found() + " work in " + t.arrival.ref());
                t.line = routing.handOff(t.arrival.request(), t.line, step.found()).orElseThrow();
                t.assignee = null;
                tally.handOvers++;
                release(w, t);
                dirty.add(t.line);
            }
            case RESOLVE -> {
                engine.resolve(t.id, w.id, "Resolved: " + t.arrival.ref());
                t.resolved = true;
                open.remove(t);
                tally.resolvedToday++;
                release(w, t);
            }
            case PROPOSE, SPECIFY, DEMONSTRATE -> {
                acceptance.support(t, step, w.id);
                t.assignee = null;                      // the case's next step is offered to the whole line
                t.waiting = true;
                release(w, t);
                schedule(clock.instant().plus(step.replyAfter()), REPLY, () -> decide(t, step));
            }
        }
    }

    /** The customer decides after an acceptance step; accepted work is resolved. */
    private void decide(Ticket t, Plan.Step step) {
        t.waiting = false;
        if (acceptance.customer(t, step, !t.finished())) {
            t.resolved = true;
            open.remove(t);
            tally.resolvedToday++;
        } else {
            dirty.add(t.line);
        }
    }

    private void release(Worker w, Ticket t) {
        w.release();
        t.worker = null;
        dirty.add(w.group);
    }

    // ---- records --------------------------------------------------------------------------------------

    private void sampleOpenWork() {
        for (String group : Staffing.GROUPS) {
            openSeries.get(group).add((int) open.stream().filter(t -> group.equals(t.line)).count());
        }
    }

    private OpenWork openWork() {
        List<OpenWork.Series> series = new ArrayList<>();
        openSeries.forEach((group, open) -> series.add(new OpenWork.Series(group, open)));
        return new OpenWork(config.start(), SAMPLE, series);
    }

    private void endOfDay(LocalDate day) {
        long waiting = open.stream().filter(t -> t.waiting).count();
        progress.printf(Locale.ROOT, "  %s  filed %3d  resolved %3d  open %3d (waiting on customer %2d)"
                        + "  missed calls %2d  breaches %2d  accepted %d (rework rounds %d)%n", DAY.format(day),
                tally.filedToday, tally.resolvedToday, open.size(), waiting, tally.missedCalls - tally.missedBefore,
                tally.breaches - tally.breachesBefore, acceptance.accepted() - tally.acceptedBefore,
                acceptance.reworkRounds() - tally.reworkBefore);
        tally.filedToday = 0;
        tally.resolvedToday = 0;
        tally.missedBefore = tally.missedCalls;
        tally.breachesBefore = tally.breaches;
        tally.acceptedBefore = acceptance.accepted();
        tally.reworkBefore = acceptance.reworkRounds();
    }

    private List<RequestRow> rows() {
        List<RequestRow> rows = new ArrayList<>();
        for (CustomerDesk desk : desks.values()) {
            for (RequestStatus s : desk.requests()) {
                Ticket t = tickets.get(s.id());
                ServiceRequest r = s.request();
                Optional<CountdownStatus> start = s.countdown(SlaMetric.START);
                rows.add(new RequestRow(t.arrival.ref(), r.customer(), r.tier(), r.kind(), r.severity(), s.group(),
                        r.subject(), s.filedAt(), MetricResult.of(s.response()), MetricResult.of(s.resolution()),
                        t.configVersion, start.map(MetricResult::of).orElse(null)));
            }
        }
        rows.sort(Comparator.comparing(RequestRow::id));
        return rows;
    }

    /**
     * Reads from the engine, while it is open, what the page of each breached request and each emergency
     * a duty specialist declined shows: its timeline, and the explanation of each countdown that
     * breached, as they stand at the end of the run.
     */
    private List<RequestHistory> histories(List<RequestRow> rows) {
        Map<String, Ticket> byRef = new HashMap<>();
        tickets.values().forEach(t -> byRef.put(t.arrival.ref(), t));
        List<RequestHistory> histories = new ArrayList<>();
        for (RequestRow row : rows) {
            if (row.breached() || byRef.get(row.id()).declinedInEngine) {
                Ticket t = byRef.get(row.id());
                RequestTimeline timeline = desks.get(row.customer()).timeline(t.id);
                List<TimelineStep> steps = timeline.entries().stream().map(e -> new TimelineStep(e.at(),
                        e.kind().name(), e.actor(), e.text(), e.metric())).toList();
                List<Explanation> breached = SlaReport.METRICS.stream()
                        .filter(m -> row.result(m).breached()).map(timeline::explain).toList();
                histories.add(new RequestHistory(row.id(), customerZone(row.customer()), steps, breached));
            }
        }
        return histories;
    }

    private ZoneId customerZone(String customer) {
        return config.customers().stream().filter(c -> c.name().equals(customer)).findFirst().orElseThrow().zone();
    }

    private ScenarioFigures figures() {
        return new ScenarioFigures(name, staffing, tickets.size(), tally.callsTaken, tally.missedCalls,
                tally.callBacks, tally.waits, tally.handOvers, tally.calledIn, tally.notReachable, tally.declines,
                tally.warnings, tally.breaches, tally.escalations, tally.timerJobs, acceptance.proposed(), acceptance.accepted(),
                acceptance.acceptedAfterRework(), acceptance.reworkRounds(), acceptance.payments(),
                acceptance.takenOver());
    }

    /**
     * Counts the engine's SLA events (they arrive on this thread after each commit); an escalation
     * offers the request to its whole line, so that line looks at its work again.
     */
    private void onEvent(SlaEvent e) {
        switch (e.type()) {
            case WARNING -> tally.warnings++;
            case BREACHED -> tally.breaches++;
            case ESCALATED -> {
                tally.escalations++;
                Ticket t = tickets.get(e.requestId());
                if (t != null) {
                    dirty.add(t.line);
                }
            }
            default -> {
            }
        }
    }

    /** Counts what happens. */
    private static final class Tally {
        int callsTaken;
        int missedCalls;
        int callBacks;
        int waits;
        int handOvers;
        int calledIn;
        int notReachable;
        int declines;
        int warnings;
        int breaches;
        int escalations;
        int timerJobs;
        int filedToday;
        int resolvedToday;
        int missedBefore;
        int breachesBefore;
        int acceptedBefore;
        int reworkBefore;
    }
}
