package io.slaflow.bpmn;

import com.zaxxer.hikari.HikariDataSource;
import io.slaflow.bpmn.internal.AcceptanceOperations;
import io.slaflow.bpmn.internal.AcceptanceQueries;
import io.slaflow.bpmn.internal.Arguments;
import io.slaflow.bpmn.internal.ClockStore;
import io.slaflow.bpmn.internal.ClockSweeper;
import io.slaflow.bpmn.internal.Configurations;
import io.slaflow.bpmn.internal.Contracts;
import io.slaflow.bpmn.internal.Databases;
import io.slaflow.bpmn.internal.DueJobs;
import io.slaflow.bpmn.internal.EngineFactory;
import io.slaflow.bpmn.internal.EventLog;
import io.slaflow.bpmn.internal.FlowableClockView;
import io.slaflow.bpmn.internal.JavaTimeClock;
import io.slaflow.bpmn.internal.LegacyClocks;
import io.slaflow.bpmn.internal.Staff;
import io.slaflow.bpmn.internal.Operations;
import io.slaflow.bpmn.internal.Outcome;
import io.slaflow.bpmn.internal.Queries;
import io.slaflow.bpmn.internal.Reconfigurer;
import io.slaflow.bpmn.internal.SlaRuntime;
import io.slaflow.bpmn.internal.SlaRuntimes;
import io.slaflow.bpmn.internal.Transactions;
import io.slaflow.core.NotAllowedException;
import io.slaflow.core.SlaException;
import io.slaflow.core.WrongStageException;
import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.policy.InvalidPolicyException;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.policy.RuleBasedPolicy;
import io.slaflow.core.policy.SlaPolicy;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import io.slaflow.core.routing.CallBackPolicy;
import io.slaflow.core.routing.RoutingRules;
import io.slaflow.core.routing.SupportGroups;
import io.slaflow.core.routing.WorkOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.ibatis.exceptions.PersistenceException;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The embeddable SLA desk: request intake as a BPMN process on Flowable, with response and resolution
 * countdowns on the policy's working-time calendars, warnings and breaches fired from each request's
 * SLA clock (a row of slaflow's clock table that every node sweeps), and escalation. Every operation on a request is one transaction; every failure is an
 * {@link SlaException} (Flowable's exceptions never reach the caller unwrapped). All request state
 * lives in the database, so several nodes may share one database, each with its own engine.
 *
 * <pre>{@code
 * try (SlaEngine desk = SlaEngine.builder().policy(policy).clock(clock)
 *         .member("olga", "consultants").listener(event -> log(event)).build()) {
 *     String id = desk.submit(request);
 *     desk.respond(id, "olga", "Restart the exchange service; it lost its connection");
 *     desk.resolve(id, "olga", "Exchange runs again");
 * }
 * }</pre>
 *
 * <p>Thread-safe. Close it to stop the engine it built (an engine passed to
 * {@link Builder#processEngine} is left running).
 */
public final class SlaEngine implements AutoCloseable {

    /** How many items the staff views return when no page is asked for. */
    public static final int PAGE = 50;

    /**
     * How long a stored event may stay undelivered before another node delivers it, unless {@link
     * Builder#jobLockTime} says otherwise: Flowable's default job lock time.
     */
    public static final Duration EVENT_LOCK_TIME = Duration.ofMinutes(5);

    /** The most events {@link #events} returns at once. */
    public static final int MAX_EVENTS = 1000;

    /** Names Flowable's own business calendars use; a working-time calendar may not take them. */
    private static final Set<String> RESERVED_CALENDARS = Set.of("dueDate", "duration", "cycle");

    private final ProcessEngine engine;
    private final HikariDataSource pool;
    private final boolean ownsEngine;
    private final boolean privateDatabase;
    private final SlaRuntime runtime;
    private final Operations operations;
    private final Queries queries;
    private final AcceptanceOperations acceptanceOperations;
    private final AcceptanceWorkflow acceptance;
    private final ClockSweeper sweeper;
    private final Duration clockPollInterval;
    private final Transactions transactions;
    private final Reconfigurer reconfigurer;
    private final StaffDirectory staff;
    private volatile boolean closed;

    private SlaEngine(Builder b) {
        Staff members = new Staff(b.members);
        if (b.processEngine != null) {
            this.engine = b.processEngine;
            this.pool = null;
            this.ownsEngine = false;
            this.privateDatabase = false;
            Clock clock = b.clock != null ? b.clock : new FlowableClockView(configuration(engine).getClock(), ZoneOffset.UTC);
            this.runtime = new SlaRuntime(b.configurations(), clock, members, b.listeners, b.desk());
            EngineFactory.prepareHostEngine(engine, b.businessCalendars);
        } else {
            Clock clock = b.clock != null ? b.clock : Clock.systemUTC();
            this.runtime = new SlaRuntime(b.configurations(), clock, members, b.listeners, b.desk());
            this.pool = b.jdbcUrl == null ? null
                    : Databases.open(b.jdbcUrl, b.user, b.password,
                            b.maxConnections != null ? b.maxConnections : Builder.DEFAULT_MAX_CONNECTIONS, "slaflow");
            DataSource data = pool != null ? pool : b.dataSource;
            try {
                if (data != null) {
                    Databases.checkSchemaVersion(data, b.database());
                }
                this.engine = EngineFactory.build(new EngineFactory.Database(data),
                        new JavaTimeClock(clock), false, b.businessCalendars,
                        new EngineFactory.JobSettings(b.jobLockTime, b.jobPollInterval));
            } catch (RuntimeException e) {
                closePool();
                throw e;
            }
            this.ownsEngine = true;
            this.privateDatabase = b.dataSource == null && b.jdbcUrl == null;
        }
        this.sweeper = new ClockSweeper(engine.getManagementService(), runtime,
                b.jobLockTime != null ? b.jobLockTime : EVENT_LOCK_TIME);
        this.clockPollInterval = b.clockPollInterval != null ? b.clockPollInterval : ClockSweeper.DEFAULT_POLL;
        this.transactions = new Transactions(engine.getManagementService());
        this.reconfigurer = new Reconfigurer(engine, runtime, sweeper);
        this.staff = new StaffDirectory(members, runtime, transactions, this::ensureOpen);
        try {
            SlaRuntimes.attach(engine.getProcessEngineConfiguration(), runtime);
            EngineFactory.deploy(engine);
            EngineFactory.createTables(engine, runtime.workOrder(), runtime);
            new LegacyClocks(engine, runtime).migrate();
            boolean async = b.asyncExecutor == null || b.asyncExecutor;
            if (ownsEngine && async) {
                configuration(engine).getAsyncExecutor().start();
            }
            if (ownsEngine ? async : EngineFactory.runsJobs(engine)) {
                sweeper.start(clockPollInterval, engine.getName());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.operations = new Operations(engine, runtime);
        this.queries = new Queries(engine, runtime);
        Contracts contracts = new Contracts(runtime);
        this.acceptanceOperations = new AcceptanceOperations(engine, runtime, contracts);
        this.acceptance = new AcceptanceWorkflow(acceptanceOperations, new AcceptanceQueries(engine, runtime), contracts,
                contract -> changeContract(contracts, contract), this::ensureOpen);
    }

    private static ProcessEngineConfigurationImpl configuration(ProcessEngine engine) {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    /**
     * Returns a new builder.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Files a request: routes it to its line (key users to analysts, ordinary users to consultants,
     * emergencies to duty) and starts its response and resolution countdowns. Listeners hear STARTED
     * for both.
     *
     * @param request the request (validated when it was built); its customer becomes the request's tenant
     * @return the request id
     * @throws SlaException if the engine fails
     */
    public String submit(ServiceRequest request) {
        ensureOpen();
        return operations.submit(Objects.requireNonNull(request, "request"), false);
    }

    /**
     * Files a missed call (D8): every call is answered, so the line owes a call-back. Its response
     * countdown is the call-back, due after the {@link CallBackPolicy} target of working time (15
     * minutes by default) and met by {@link #callBack}; the resolution countdown is the policy's. Both
     * run from the call.
     *
     * @param request what is known of the caller and the call
     * @return the request id
     */
    public String missedCall(ServiceRequest request) {
        ensureOpen();
        return operations.submit(Objects.requireNonNull(request, "request"), true);
    }

    /**
     * Records that {@code user} called the customer back: the response of the missed call is met and
     * the request moves on to work, with {@code user}. A call that solves it at once is
     * {@link #resolve}d instead.
     *
     * @param id the request id
     * @param user the support member who acts
     * @throws UnknownRequestException if no request has this id
     * @throws NotAllowedException if the user is unknown or not of the request's line
     * @throws AlreadyClaimedException if another user has the request
     * @throws WrongStageException unless the request waits for a call-back
     */
    public void callBack(String id, String user) {
        ensureOpen();
        operations.callBack(Arguments.text(id, "id"), Arguments.text(user, "user"));
    }

    /**
     * Claims a request for {@code user}. Claiming one's own request again does nothing; a member of
     * {@code leads} may take over an escalated request from whoever has it. For a request in the
     * acceptance workflow (or a case a host started, by its id) it claims the case's open step of
     * support's (revise the solution, write the specification, the work or a rework), as listed by
     * {@link #workList}. A member off shift or away ({@link #staff()}) takes no new intake request: the
     * claim is refused, naming until when.
     *
     * @param id the request id, or a host-started case's
     * @param user the support member who acts
     * @throws UnknownRequestException if no request has this id
     * @throws NotAllowedException if the user is unknown, not of the request's line (nor of a group an
     *     escalation offered it to), or off shift or away and the request is not theirs yet
     * @throws AlreadyClaimedException if another user has the request
     * @throws WrongStageException if it waits on the customer (or, in acceptance, on a payment) or has ended
     *     (resolved, or stopped with its acceptance case)
     */
    public void claim(String id, String user) {
        ensureOpen();
        String checkedId = Arguments.text(id, "id");
        String checkedUser = Arguments.text(user, "user");
        if (!acceptanceOperations.claimStep(checkedId, checkedUser)) {
            operations.claim(checkedId, checkedUser);
        }
    }

    /**
     * Gives the first response (a diagnosis with recommendations, or an answer): the response
     * countdown is met and the request moves on to work, still with {@code user}, who claims it if
     * nobody had.
     *
     * @param id the request id
     * @param user the support member who acts
     * @param diagnosis the response, stored verbatim
     * @throws UnknownRequestException if no request has this id
     * @throws NotAllowedException if the user is unknown or not of the request's line
     * @throws AlreadyClaimedException if another user has the request
     * @throws WrongStageException unless the request waits for its first response
     * @throws IllegalArgumentException if {@code diagnosis} is blank or longer than
     *     {@value ServiceRequest#MAX_DESCRIPTION_LENGTH} characters, as a description may be
     */
    public void respond(String id, String user, String diagnosis) {
        ensureOpen();
        operations.respond(Arguments.text(id, "id"), Arguments.text(user, "user"), Arguments.note(diagnosis, "diagnosis"));
    }

    /**
     * Puts a question to the customer (or a third party): both countdowns that still run pause, and
     * their clock is not due until {@link #customerReplied}.
     *
     * @param id the request id
     * @param user the support member who acts
     * @param question what the request waits for, stored verbatim
     * @throws UnknownRequestException if no request has this id
     * @throws NotAllowedException if the user is unknown or not of the request's line
     * @throws AlreadyClaimedException if another user has the request
     * @throws WrongStageException unless the request waits for its response or is being worked on
     * @throws IllegalArgumentException if {@code question} is blank or longer than
     *     {@value ServiceRequest#MAX_DESCRIPTION_LENGTH} characters, as a description may be
     */
    public void waitForCustomer(String id, String user, String question) {
        ensureOpen();
        operations.waitForCustomer(Arguments.text(id, "id"), Arguments.text(user, "user"),
                Arguments.note(question, "question"));
    }

    /**
     * Records the customer's reply: the paused countdowns resume, their deadlines moved by the pause,
     * and the request goes back to whoever had it.
     *
     * @param id the request id
     * @param reply the reply, stored verbatim
     * @throws UnknownRequestException if no request has this id
     * @throws WrongStageException unless the request waits on the customer
     * @throws IllegalArgumentException if {@code reply} is blank or longer than
     *     {@value ServiceRequest#MAX_DESCRIPTION_LENGTH} characters, as a description may be
     */
    public void customerReplied(String id, String reply) {
        ensureOpen();
        operations.customerReplied(null, Arguments.text(id, "id"), Arguments.note(reply, "reply"));
    }

    /**
     * Records the reply of {@code customer} to its own request, for the customer's own channel (D4):
     * as {@link #customerReplied(String, String)}, but a request of another customer is not touched.
     *
     * @throws UnknownRequestException if no request of this customer has this id (another customer's
     *     request is reported the same way, so its existence is not disclosed)
     * @throws WrongStageException unless the request waits on the customer
     * @throws IllegalArgumentException if {@code reply} is blank or longer than
     *     {@value ServiceRequest#MAX_DESCRIPTION_LENGTH} characters, as a description may be
     * @deprecated use {@link #forCustomer forCustomer(customer)}, whose methods cannot take the customer
     *     and another id in the wrong order
     */
    @Deprecated
    public void customerReplied(String customer, String id, String reply) {
        ensureOpen();
        operations.customerReplied(Arguments.text(customer, "customer"), Arguments.text(id, "id"),
                Arguments.note(reply, "reply"));
    }

    /**
     * Re-triages an open request: it is timed from now on as {@code severity} and {@code kind}. Its
     * countdowns still counting take the targets the configuration in force gives such a request (by its
     * customer's policy), and the working time already counted stays counted: a request reclassified as
     * critical after three hours with a two-hour target is breached at once (announced and escalated). A
     * countdown met or breached stays as it is. The kind orders its work from now on; the request stays
     * with its line ({@link #handOver} moves it). Recorded, with the note, for the request's history.
     *
     * @param id the request id
     * @param user the support member who acts
     * @param severity the severity found
     * @param kind the kind of work found
     * @param note why, stored verbatim
     * @throws UnknownRequestException if no request has this id
     * @throws NotAllowedException if the user is unknown or not of the request's line
     * @throws AlreadyClaimedException if another user has the request
     * @throws WrongStageException if the request has ended (resolved, or stopped) or is in acceptance
     * @throws IllegalArgumentException if {@code note} is blank or longer than
     *     {@value ServiceRequest#MAX_DESCRIPTION_LENGTH} characters, as a description may be
     * @throws NullPointerException if {@code severity} or {@code kind} is null
     */
    public void reclassify(String id, String user, Severity severity, RequestKind kind, String note) {
        ensureOpen();
        operations.reclassify(Arguments.text(id, "id"), Arguments.text(user, "user"),
                Objects.requireNonNull(severity, "severity"), Objects.requireNonNull(kind, "kind"),
                Arguments.note(note, "note"));
    }

    /**
     * Hands the request over when its line finds what kind of work it really is (D1): the routing
     * rules' hand-off names the next group; by default consultants hand a change (specification,
     * development, update) to analysts, analysts hand specification and development to programmers,
     * and anyone hands an emergency to duty. The countdowns run on, re-targeted as {@link #reclassify}
     * does when {@code found} is another kind than the request is timed as (an emergency found in a
     * consultation gets the emergency's targets, the working time counted stays counted); the request is
     * offered, unclaimed, to the new group, and takes its place in the work order as {@code found}.
     *
     * @param id the request id
     * @param user the support member who acts
     * @param found the kind of work found (the request's own kind if nothing new was found)
     * @param note what the next group needs to know, stored verbatim
     * @throws UnknownRequestException if no request has this id
     * @throws NotAllowedException if the user is unknown or not of the request's line
     * @throws AlreadyClaimedException if another user has the request
     * @throws WrongStageException unless the request waits for its response or is being worked on, or
     *     if no hand-off rule moves {@code found} work on from its line
     * @throws IllegalArgumentException if {@code note} is blank or longer than
     *     {@value ServiceRequest#MAX_DESCRIPTION_LENGTH} characters, as a description may be
     */
    public void handOver(String id, String user, RequestKind found, String note) {
        ensureOpen();
        operations.handOver(Arguments.text(id, "id"), Arguments.text(user, "user"), Objects.requireNonNull(found, "found"),
                Arguments.note(note, "note"));
    }

    /**
     * Resolves the request: the resolution countdown is met, and the response countdown too if the
     * request is resolved at once (a consultation solved online, a missed call solved on the call-back).
     * {@code user} claims it if nobody had. A change to the client's software is agreed, built, accepted
     * and guaranteed in the acceptance workflow instead (D9): its line proposes a solution with {@link
     * AcceptanceWorkflow#proposeSolution}, and the accepted work resolves the request. This operation
     * resolves work of any kind without it, for requests that need no change after all (the
     * development asked for already exists, a setting solves it), unless the engine was built with
     * {@link Builder#acceptanceRequired} for the request's kind of work.
     *
     * @param id the request id
     * @param user the support member who acts
     * @param resolution how it was resolved, stored verbatim
     * @throws UnknownRequestException if no request has this id
     * @throws NotAllowedException if the user is unknown or not of the request's line
     * @throws AlreadyClaimedException if another user has the request
     * @throws WrongStageException if the request waits on the customer or has ended (resolved, or stopped),
     *     or its kind of work is resolved only through the acceptance workflow
     * @throws IllegalArgumentException if {@code resolution} is blank or longer than
     *     {@value ServiceRequest#MAX_DESCRIPTION_LENGTH} characters, as a description may be
     */
    public void resolve(String id, String user, String resolution) {
        ensureOpen();
        operations.resolve(Arguments.text(id, "id"), Arguments.text(user, "user"),
                Arguments.note(resolution, "resolution"));
    }

    /**
     * Declines a request offered to {@code user} alone (an emergency on rotation, or one another member
     * declined) or claimed by them, with the reason (D7: when the specialist cannot take an emergency,
     * "another specialist is found"). It is offered to the next member of its line on rotation who is on
     * shift, present and has not declined it; the rotation lives in the database, so nodes take turns. When
     * nobody is left, it is offered to the whole line and escalated at once (the next escalation level of its
     * rule, or {@code leads}). The decline, the reason verbatim and the new offer, with who was skipped and
     * why, are on the request's timeline.
     *
     * @param id the request id
     * @param user the member who declines
     * @param reason why, stored verbatim
     * @throws UnknownRequestException if no request has this id
     * @throws NotAllowedException if the user is unknown, not of the request's line, or the request is
     *     neither offered to them alone nor claimed by them
     * @throws AlreadyClaimedException if another user has the request
     * @throws WrongStageException if the request waits on the customer or has ended
     * @throws IllegalArgumentException if {@code reason} is blank or too long, as a note may be
     */
    public void decline(String id, String user, String reason) {
        ensureOpen();
        operations.decline(Arguments.text(id, "id"), Arguments.text(user, "user"), Arguments.note(reason, "reason"));
    }

    /**
     * Returns where a request stands now, resolved ones included; also an acceptance case a host started
     * on its own ({@link AcceptanceWorkflow#start}), as the staff views list it.
     *
     * @param id the request id, or the case's
     * @return the status
     * @throws UnknownRequestException if no request or host-started case has this id
     */
    public RequestStatus status(String id) {
        ensureOpen();
        return queries.status(Arguments.text(id, "id"), null);
    }

    /**
     * Returns where a request of {@code customer} stands now, for the customer's own view (D4).
     *
     * @param id the request id
     * @param customer the customer (tenant)
     * @return the status
     * @throws UnknownRequestException if no request of this customer has this id (another customer's
     *     request is reported the same way, so its existence is not disclosed)
     * @deprecated use {@link #forCustomer forCustomer(customer)}, whose methods cannot take the customer
     *     and another id in the wrong order
     */
    @Deprecated
    public RequestStatus status(String customer, String id) {
        ensureOpen();
        return queries.status(Arguments.text(id, "id"), Arguments.text(customer, "customer"));
    }

    /**
     * Returns one customer's view of the desk: its requests' status, its reply, its work lists and
     * acceptance cases, each scoped to that customer (another customer's request is unknown there).
     *
     * @param customer the customer (tenant) id
     * @return the view
     * @throws IllegalArgumentException if {@code customer} is blank
     */
    public CustomerDesk forCustomer(String customer) {
        ensureOpen();
        return new CustomerDesk(this, Arguments.text(customer, "customer"));
    }

    /**
     * Returns every request of {@code customer}, oldest first, and nothing of other customers (D4).
     *
     * @param customer the customer (tenant)
     * @return the requests, possibly none
     */
    public List<RequestStatus> requestsOf(String customer) {
        ensureOpen();
        return queries.requestsOf(Arguments.text(customer, "customer"));
    }

    /**
     * Returns the unclaimed work offered to {@code group}, in work order (D7): emergencies,
     * consultations, task definitions, then development and updates; first come first served within a
     * kind, then the nearest deadline ({@link RequestStatus#nextDeadline()}). Besides the intake's
     * requests it lists the open tasks of the acceptance workflow (revise the solution, write the
     * specification, work, rework, warranty rework): stage {@link RequestStage#ACCEPTANCE}, the step in
     * {@link RequestStatus#acceptanceStage()}; a case from an intake request under the request's id, a
     * case a host started under its own. A staff view across customers; {@link #openWork(String, String)}
     * is one customer's. Returns the first page, {@value #PAGE} items; {@link #openWork(String, String,
     * int, int)} gives the others.
     *
     * @param group the group, e.g. {@code consultants}
     * @return the first page of the work, possibly empty
     */
    public List<RequestStatus> openWork(String group) {
        ensureOpen();
        return queries.openWork(null, Arguments.text(group, "group"), 0, PAGE);
    }

    /**
     * Returns a page of the unclaimed work offered to {@code group}, in work order, as
     * {@link #openWork(String)} lists it; of {@code customer} only, unless it is null. The work order is
     * taken from each request's clock row without loading the requests; only the page's are loaded.
     *
     * @param customer the customer (tenant), or null for every customer's
     * @param group the group, e.g. {@code consultants}
     * @param first how many items of the work order to skip
     * @param max the most items to return
     * @return the page, possibly empty
     * @throws IllegalArgumentException if {@code first} is negative or {@code max} is not positive
     * @deprecated use {@link #forCustomer forCustomer(customer)}, whose methods cannot take the customer
     *     and another id in the wrong order
     */
    @Deprecated
    public List<RequestStatus> openWork(String customer, String group, int first, int max) {
        ensureOpen();
        checkPage(first, max);
        return queries.openWork(customer == null ? null : Arguments.text(customer, "customer"),
                Arguments.text(group, "group"), first, max);
    }

    /**
     * Returns the unclaimed work of {@code customer} offered to {@code group}, as {@link #openWork(String)}
     * does, and nothing of other customers (D4): the customer is the tenant the query filters on.
     *
     * @param customer the customer (tenant)
     * @param group the group, e.g. {@code consultants}
     * @return the requests, possibly none
     * @deprecated use {@link #forCustomer forCustomer(customer)}, whose methods cannot take the customer
     *     and another id in the wrong order
     */
    @Deprecated
    public List<RequestStatus> openWork(String customer, String group) {
        ensureOpen();
        return queries.openWork(Arguments.text(customer, "customer"), Arguments.text(group, "group"), 0, PAGE);
    }

    /**
     * Returns the work {@code user} has or may take (claimed by them, and, while they are on shift and
     * present in the {@linkplain #staff() staff directory}, offered to them or to one of their groups), in
     * work order: the intake's requests and the acceptance workflow's open tasks, as
     * {@link #openWork(String)} lists them. A staff view across customers;
     * {@link #workList(String, String)} is one customer's. Returns the first page, {@value #PAGE}
     * items; {@link #workList(String, String, int, int)} gives the others.
     *
     * @param user the support member who acts
     * @return the first page of the work, possibly empty
     * @throws NotAllowedException if the user is unknown
     */
    public List<RequestStatus> workList(String user) {
        ensureOpen();
        return queries.workList(null, Arguments.text(user, "user"), 0, PAGE);
    }

    /**
     * Returns a page of the work {@code user} has or may take, in work order, as {@link #workList(String)}
     * lists it; of {@code customer} only, unless it is null.
     *
     * @param customer the customer (tenant), or null for every customer's
     * @param user the support member who acts
     * @param first how many items of the work order to skip
     * @param max the most items to return
     * @return the page, possibly empty
     * @throws NotAllowedException if the user is unknown
     * @throws IllegalArgumentException if {@code first} is negative or {@code max} is not positive
     * @deprecated use {@link #forCustomer forCustomer(customer)}, whose methods cannot take the customer
     *     and another id in the wrong order
     */
    @Deprecated
    public List<RequestStatus> workList(String customer, String user, int first, int max) {
        ensureOpen();
        checkPage(first, max);
        return queries.workList(customer == null ? null : Arguments.text(customer, "customer"),
                Arguments.text(user, "user"), first, max);
    }

    private static void checkPage(int first, int max) {
        List<String> problems = new ArrayList<>();
        if (first < 0) {
            problems.add("first must not be negative: " + first);
        }
        if (max <= 0) {
            problems.add("max must be positive: " + max);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid page: " + String.join("; ", problems));
        }
    }

    /**
     * Returns the work of {@code customer} that {@code user} has or may take, as {@link #workList(String)}
     * does, and nothing of other customers (D4): the customer is the tenant the query filters on.
     *
     * @param customer the customer (tenant)
     * @param user the support member who acts
     * @return the requests, possibly none
     * @throws NotAllowedException if the user is unknown
     * @deprecated use {@link #forCustomer forCustomer(customer)}, whose methods cannot take the customer
     *     and another id in the wrong order
     */
    @Deprecated
    public List<RequestStatus> workList(String customer, String user) {
        ensureOpen();
        return queries.workList(Arguments.text(customer, "customer"), Arguments.text(user, "user"), 0, PAGE);
    }

    /**
     * Returns the requests whose running countdown reaches its deadline within {@code horizon} from
     * now, and the acceptance cases whose running rework round does, nearest deadline first
     * ({@link RequestStatus#nextDeadline()}), found through the indexed deadlines of the SLA clocks.
     * Countdowns whose breach was already announced are not listed. A staff view across
     * customers; {@link #atRisk(String, Duration)} is one customer's.
     *
     * @param horizon how far ahead to look, not negative
     * @return the requests, possibly none
     * @throws IllegalArgumentException if {@code horizon} is negative
     */
    public List<RequestStatus> atRisk(Duration horizon) {
        ensureOpen();
        return queries.atRisk(null, horizon(horizon));
    }

    /**
     * Returns the requests and acceptance cases of {@code customer} at risk within {@code horizon}, as
     * {@link #atRisk(Duration)} does, and nothing of other customers (D4): the customer is the tenant
     * the query filters on.
     *
     * @param customer the customer (tenant)
     * @param horizon how far ahead to look, not negative
     * @return the requests, possibly none
     * @throws IllegalArgumentException if {@code horizon} is negative
     * @deprecated use {@link #forCustomer forCustomer(customer)}, whose methods cannot take the customer
     *     and another id in the wrong order
     */
    @Deprecated
    public List<RequestStatus> atRisk(String customer, Duration horizon) {
        ensureOpen();
        return queries.atRisk(Arguments.text(customer, "customer"), horizon(horizon));
    }

    private static Duration horizon(Duration horizon) {
        Objects.requireNonNull(horizon, "horizon");
        if (horizon.isNegative()) {
            throw new IllegalArgumentException("horizon must not be negative (was " + horizon + ")");
        }
        return horizon;
    }

    /**
     * Replaces the default policy. A policy read from a file ({@link RuleBasedPolicy}) is stored as the
     * next configuration version with the contracts and settings of the one in force, in force now and
     * moving open requests to it ({@link #reconfigure reconfigure(.., now, MOVE)}: their whole history is
     * counted on its calendars, their deadlines and SLA clocks move; so do running rework rounds). A policy
     * in code cannot be stored: this node times every request by it from now on, and every node must be
     * given the same one. The new policy is first asked for the targets of every open request; if it fails
     * for any, nothing changes and the old policy stays in force.
     *
     * @param policy the service levels
     * @return how many clocks' next due instants moved (a policy in code), or how many requests'
     *     deadlines moved (a policy read from a file)
     * @throws InvalidPolicyException if the policy throws or returns no targets for an open request
     *     (each such request is listed)
     * @deprecated use {@link #reconfigure}, which every node sees, with a date and a strategy
     */
    @Deprecated
    public int changePolicy(SlaPolicy policy) {
        ensureOpen();
        operations.checkPolicy(Objects.requireNonNull(policy, "policy"));
        if (policy instanceof RuleBasedPolicy rules) {
            PolicyFile current = transactions.read("read the configuration in force",
                    () -> Outcome.ok(runtime.inForce().file()));
            PolicyFile.Builder next = PolicyFile.builder(rules);
            if (current != null) {
                next.routing(current.routing()).callBacks(current.callBacks()).workOrder(current.workOrder())
                        .specificationRequired(current.specificationRequired())
                        .acceptanceRequired(current.acceptanceRequired());
                current.policies().values().stream().filter(p -> p != current.policy() && !p.name().equals(rules.name()))
                        .forEach(next::policy);
                current.contracts().stream().map(c -> c.policy().equals(current.policy().name())
                        ? c.toBuilder().policy(rules.name()).build() : c).forEach(next::contract);
            }
            return (int) reconfigure(next.build(), runtime.now(), RunningClocks.MOVE).changes().stream()
                    .map(DeadlineChange::requestId).distinct().count();
        }
        runtime.configurations().replaceCode(policy);
        return operations.rescheduleAll() + acceptanceOperations.rescheduleRounds();
    }

    /** Stores a changed contract as the next version of a policy file in force, or on this node for a policy in code. */
    private void changeContract(Contracts contracts, ServiceContract contract) {
        PolicyFile current = transactions.read("read the configuration in force", () -> Outcome.ok(runtime.inForce().file()));
        if (current == null) {
            contracts.put(contract);
        } else {
            reconfigure(current.toBuilder().contract(contract).build(), runtime.now(), RunningClocks.KEEP);
        }
    }

    /**
     * Stores {@code next} as the desk's next configuration version, shared by every node on the database:
     * each node times requests by it from {@code effectiveFrom} on (an instant already past means now), at
     * its next operation or sweep, without a restart. Requests filed from then on are timed by it;
     * {@code strategy} says what happens to the requests open then: {@link RunningClocks#KEEP} leaves them
     * on their version, {@link RunningClocks#MOVE} gives them the new targets and calendars (the working
     * time counted stays counted; a threshold the move puts in the past is announced at once; a breach
     * stays a breach), in batches, each its own transaction. Two nodes reconfiguring at once get two
     * consecutive versions. Each request remembers the version and rule that set its targets.
     *
     * @param next the new configuration: policies, calendars, contracts and the desk's settings
     * @param effectiveFrom when it takes force; not before the latest stored version does
     * @param strategy what it does to the requests open when it takes force
     * @return the version stored and each deadline it moves (for a version that takes force later, what it
     *     would move were nothing else to happen first)
     * @throws InvalidPolicyException if {@code effectiveFrom} is before the latest stored version takes force
     * @throws NullPointerException if an argument is null
     * @throws SlaException if the database fails; then nothing was stored
     */
    public Reconfiguration reconfigure(PolicyFile next, Instant effectiveFrom, RunningClocks strategy) {
        ensureOpen();
        return reconfigurer.reconfigure(next, effectiveFrom, strategy, true);
    }

    /**
     * Returns what {@link #reconfigure} with the same arguments would store and change now, storing and
     * changing nothing.
     *
     * @param next the new configuration
     * @param effectiveFrom when it would take force
     * @param strategy what it would do to the requests open then
     * @return the version it would get and each deadline it would move
     * @throws InvalidPolicyException if {@code effectiveFrom} is before the latest stored version takes force
     * @throws NullPointerException if an argument is null
     */
    public Reconfiguration previewReconfigure(PolicyFile next, Instant effectiveFrom,
            RunningClocks strategy) {
        ensureOpen();
        return reconfigurer.reconfigure(next, effectiveFrom, strategy, false);
    }

    /**
     * Returns the default policy of the configuration in force: the one customers without a contract are
     * timed by.
     *
     * @return the policy
     */
    public SlaPolicy policy() {
        ensureOpen();
        return transactions.read("read the configuration in force", () -> Outcome.ok(runtime.inForce().policy()));
    }

    /**
     * Returns everything that happened to a request of {@code customer}, in time order, and why each of its
     * countdowns stands where it does ({@link RequestTimeline#explain}): each step with who took it and
     * their words verbatim (filed, claimed, responded, waiting, replied, handed over, reclassified,
     * resolved, re-timed by a configuration version), then its acceptance case's (solution proposed,
     * changes asked, specification, results, accepted, rework started, warranty claimed, stopped, closed;
     * see {@link TimelineEntry.Kind}), and each countdown transition the event feed holds (started, paused,
     * resumed, warnings, breaches, met, escalated), its rework rounds' too ({@link TimelineEntry#round()}).
     * The id may also name an acceptance case a host started alone ({@link AcceptanceWorkflow#start}).
     * Steps are recorded from this version on; a request filed before has its countdown transitions and
     * explanations only.
     *
     * @param customer the customer (tenant) asking
     * @param id the request id, or the id of a case a host started
     * @return the timeline
     * @throws UnknownRequestException if this customer has no request with this id (another customer's is
     *     reported the same way)
     */
    public RequestTimeline timeline(String customer, String id) {
        ensureOpen();
        Queries.Timeline t = queries.timeline(Arguments.text(id, "id"), Arguments.text(customer, "customer"));
        return new RequestTimeline(id, t.customer(), t.entries(), t.explanations(), t.rounds());
    }

    /**
     * Returns the stored events after {@code afterPosition}, in order of their positions (commit order,
     * across all nodes): {@code events(0, limit)} reads the feed from its start, and passing the last
     * position read reads on from there, so a host can feed its notification system, warehouse or audit
     * log and catch up after a restart without missing an event. Each event was stored in the transaction
     * that caused it.
     *
     * @param afterPosition the last position read, 0 for the start
     * @param limit the most events to return, 1 to {@value #MAX_EVENTS}
     * @return the events, possibly none
     * @throws IllegalArgumentException if {@code afterPosition} is negative or {@code limit} out of range
     */
    public List<SlaEvent> events(long afterPosition, int limit) {
        ensureOpen();
        List<String> problems = new ArrayList<>();
        if (afterPosition < 0) {
            problems.add("afterPosition must be 0 or more (was " + afterPosition + ")");
        }
        if (limit < 1 || limit > MAX_EVENTS) {
            problems.add("limit must be 1 to " + MAX_EVENTS + " (was " + limit + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return transactions.read("read the SLA events", () -> Outcome.ok(EventLog.after(afterPosition, limit)));
    }

    /**
     * Returns the number of the configuration version in force now: the version every node times new
     * requests by. The first node to start on a database stores its configuration as version 1.
     *
     * @return the version, from 1
     */
    public int configVersion() {
        ensureOpen();
        return transactions.read("read the configuration in force", () -> Outcome.ok(runtime.inForce().version()));
    }

    /**
     * Fires everything due on the engine's clock, synchronously, until nothing is due: the SLA clocks
     * whose next threshold has come (warnings, breaches and escalations), in batches of one transaction
     * each; the timer jobs of the acceptance model and of any host model on the same engine, each in its
     * own transaction; and every job left in Flowable's executable-job table that no executor holds (a
     * node that died between taking a timer and running it leaves one). For tests, simulations and
     * examples that move the clock by hand ({@link Builder#asyncExecutor asyncExecutor(false)}); in
     * production the engine's clock sweeper and Flowable's async executor do this.
     *
     * @return how many SLA clocks and timer jobs fired
     */
    public int fireDueTimers() {
        ensureOpen();
        try {
            int fired = 0;
            int round;
            do {
                round = sweeper.drain() + DueJobs.fireDue(engine.getManagementService(), runtime::now);
                fired += round;
            } while (round > 0);
            return fired;
        } catch (FlowableException | PersistenceException e) {
            throw new SlaException("Could not fire the due timers: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the SLA clocks due on the engine's clock that no sweep has fired yet, for health checks
     * and meters: one indexed query.
     *
     * @return the backlog
     */
    public ClockBacklog clockBacklog() {
        ensureOpen();
        return transactions.read("count the due SLA clocks", () -> Outcome.ok(ClockStore.backlog(runtime.now())));
    }

    /**
     * Returns how long this engine's clock sweeper waits between its looks for due clocks
     * ({@link Builder#clockPollInterval}).
     *
     * @return the interval
     */
    public Duration clockPollInterval() {
        return clockPollInterval;
    }

    /**
     * Returns the acceptance workflow (D9-D11, D5): solution, specification with acceptance scenarios,
     * payments per the contract's terms, work, demonstration and rework rounds, warranty. A request's
     * line enters it with {@link AcceptanceWorkflow#proposeSolution}; a host may start a case on its own
     * with {@link AcceptanceWorkflow#start}.
     *
     * @return the acceptance workflow of this engine
     */
    public AcceptanceWorkflow acceptance() {
        ensureOpen();
        return acceptance;
    }

    /**
     * Returns the staff directory: who belongs to which group, their shifts and absences, shared by every
     * node of this engine's database and changed at run time. Offers, the emergency rotation, escalations
     * and work lists follow it.
     *
     * @return the staff directory of this engine
     */
    public StaffDirectory staff() {
        ensureOpen();
        return staff;
    }

    /**
     * Returns the Flowable engine underneath, for deploying and running a host's own models on the
     * same database (they may use the working-time calendars given to
     * {@link Builder#businessCalendar}). Changing the slaflow processes through it is unsupported.
     *
     * @return the engine
     */
    public ProcessEngine processEngine() {
        return engine;
    }

    /** Detaches from the process engine and stops it if this engine built it. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (sweeper != null) {
            sweeper.close();                                         // a sweep under way finishes with the runtime attached
        }
        if (ownsEngine) {
            EngineFactory.stopJobs(engine);                          // running jobs finish with the runtime attached
        }
        if (sweeper != null) {
            sweeper.markDelivered();                                 // or another node hears them again
        }
        SlaRuntimes.detach(engine.getProcessEngineConfiguration(), runtime);
        if (ownsEngine) {
            EngineFactory.close(engine, privateDatabase);
        }
        closePool();
    }

    private void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this SlaEngine is closed");
        }
    }

    /**
     * Collects an {@link SlaEngine}'s settings; {@link #build()} checks them together. Not thread-safe.
     */
    public static final class Builder {

        /** The default most connections of the pool {@link #jdbcUrl} opens. */
        public static final int DEFAULT_MAX_CONNECTIONS = 20;

        private SlaPolicy policy;
        private Clock clock;
        private DataSource dataSource;
        private String jdbcUrl;
        private String user;
        private String password;
        private ProcessEngine processEngine;
        private Boolean asyncExecutor;
        private Integer maxConnections;
        private Duration jobLockTime;
        private Duration jobPollInterval;
        private Duration clockPollInterval;
        private RoutingRules routing = RoutingRules.defaults();
        private CallBackPolicy callBacks = CallBackPolicy.defaults();
        private WorkOrder workOrder = WorkOrder.standard();
        private final List<Map.Entry<String, String>> members = new ArrayList<>();
        private final List<SlaEventListener> listeners = new ArrayList<>();
        private final Map<String, WorkingCalendar> businessCalendars = new LinkedHashMap<>();
        private final Map<String, ServiceContract> contracts = new LinkedHashMap<>();
        private List<RuleBasedPolicy> otherPolicies = List.of();
        private Set<RequestKind> specificationRequired = EnumSet.of(RequestKind.DEVELOPMENT);
        private Set<RequestKind> acceptanceRequired = EnumSet.noneOf(RequestKind.class);

        private Builder() {
        }

        /**
         * Sets the service levels; required.
         *
         * @param policy the service levels
         * @return this builder
         */
        public Builder policy(SlaPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets where time comes from, for the countdowns and the engine's timers. Default: the system
         * clock in UTC. Not with {@link #processEngine}: there the host engine's clock is the one clock
         * (move that clock in tests). A clock that tests move by hand goes with
         * {@link #asyncExecutor asyncExecutor(false)}, so timers fire only through {@link #fireDueTimers()}.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Keeps the data in {@code dataSource}'s database (H2 or PostgreSQL). Default: H2 in memory,
         * which needs H2 ({@code com.h2database:h2}) on the class path; with a data source or a JDBC
         * URL, H2 may be left out.
         *
         * @param dataSource the data source
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * Keeps the data in the database at {@code url} (H2 or PostgreSQL; the driver must be on the
         * class path), through a HikariCP connection pool the engine opens and closes: connections are
         * checked before use, so after a database restart or fail-over operations get fresh ones, and
         * there are at most {@link #maxConnections} of them. Flowable creates the schema in an empty
         * database and upgrades an older one. Default: H2 in memory (see {@link #dataSource}).
         *
         * @param url the JDBC URL
         * @param user the database user
         * @param password the database password
         * @return this builder
         * @throws IllegalArgumentException if {@code url} is blank
         */
        public Builder jdbcUrl(String url, String user, String password) {
            this.jdbcUrl = Arguments.text(url, "url");
            this.user = user;
            this.password = password;
            return this;
        }

        /**
         * Sets the most connections the pool of {@link #jdbcUrl} holds: request threads and the async
         * executor share them. With several nodes on one PostgreSQL, nodes times this must stay below
         * its {@code max_connections}. Default {@value #DEFAULT_MAX_CONNECTIONS}.
         *
         * @throws IllegalArgumentException unless 1 to 1000
         */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 1 || maxConnections > 1000) {
                throw new IllegalArgumentException("maxConnections must be 1 to 1000 (was " + maxConnections + ")");
            }
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * Sets how long a node holds a Flowable job it took (the warranty's timer, a host model's timer or
         * async task) before the other nodes take the node for dead and run the job themselves. A job
         * still running when its lock expires is run again elsewhere; the first run to commit wins and
         * the other rolls back, so this must exceed the longest a job's work takes (milliseconds for
         * slaflow's; mind host models' service tasks). The SLA clocks are not Flowable jobs and hold
         * no lock past their transaction. Default: 1 hour (Flowable's).
         *
         * @throws IllegalArgumentException unless positive and at most 24 days
         */
        public Builder jobLockTime(Duration lockTime) {
            this.jobLockTime = positiveMillis(lockTime, "jobLockTime");
            return this;
        }

        /**
         * Sets how long the node's clock sweeper waits between two looks for SLA clocks whose next
         * warning or deadline has come: a breach is announced (and escalated) at most about this long
         * after its due instant. A look when nothing is due is one indexed query. Allowed with a host's
         * {@link #processEngine}, whose async executor decides whether the sweeper runs. Default: 250 ms.
         *
         * @throws IllegalArgumentException unless positive and at most 24 days
         */
        public Builder clockPollInterval(Duration interval) {
            this.clockPollInterval = positiveMillis(interval, "clockPollInterval");
            return this;
        }

        /**
         * Sets how long a node's async executor waits before it looks again for due timers when it found
         * none, and between its looks for jobs whose lock expired (those of a dead node): so how late a
         * timer may fire, and how soon after its lock time a dead node's jobs run elsewhere. Default: 10
         * seconds for timers and 1 minute for expired locks (Flowable's).
         *
         * @throws IllegalArgumentException unless positive and at most 24 days
         */
        public Builder jobPollInterval(Duration interval) {
            this.jobPollInterval = positiveMillis(interval, "jobPollInterval");
            return this;
        }

        private static Duration positiveMillis(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.toMillis() < 1 || d.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
                throw new IllegalArgumentException(name + " must be 1 ms to 24 days (was " + d + ")");
            }
            return d;
        }

        /**
         * Runs on a process engine the host built, instead of building one: the intake process is
         * deployed there (once per version), and the engine is left running on {@link #close()}.
         *
         * @param processEngine the host's engine
         * @return this builder
         */
        public Builder processEngine(ProcessEngine processEngine) {
            this.processEngine = Objects.requireNonNull(processEngine, "processEngine");
            return this;
        }

        /**
         * Adds {@code userId} to {@code group}: by default {@code consultants}, {@code analysts},
         * {@code programmers}, {@code duty} or {@code leads} ({@link SupportGroups}). A user may be in
         * several groups; only members may act on requests. The members are joined to the {@linkplain
         * StaffDirectory staff directory} at start, unless they are members already: a member who left at run
         * time is joined again when a node starts with them, so take them out of the builder too.
         *
         * @param userId the user id
         * @param group the group, e.g. {@code consultants}
         * @return this builder
         * @throws IllegalArgumentException if an argument is blank
         */
        public Builder member(String userId, String group) {
            members.add(new AbstractMap.SimpleImmutableEntry<>(Arguments.text(userId, "userId"),
                    Arguments.text(group, "group")));
            return this;
        }

        /**
         * Sets where requests go and where they are handed over to. Default:
         * {@link RoutingRules#defaults()} (key users to analysts, ordinary users to consultants,
         * emergencies to duty). Members of the groups the rules name must be registered with
         * {@link #member}.
         *
         * @param routing the rules
         * @return this builder
         */
        public Builder routing(RoutingRules routing) {
            this.routing = Objects.requireNonNull(routing, "routing");
            return this;
        }

        /**
         * Sets the call-back target of missed calls. Default: {@link CallBackPolicy#defaults()}, 15 working minutes.
         *
         * @param callBacks the call-back policy
         * @return this builder
         */
        public Builder callBacks(CallBackPolicy callBacks) {
            this.callBacks = Objects.requireNonNull(callBacks, "callBacks");
            return this;
        }

        /**
         * Sets the order of open work in work lists. Default: {@link WorkOrder#standard()}.
         *
         * @param workOrder the order
         * @return this builder
         */
        public Builder workOrder(WorkOrder workOrder) {
            this.workOrder = Objects.requireNonNull(workOrder, "workOrder");
            return this;
        }

        /**
         * Returns the desk this node starts with, as one policy file: the policy read from a file, its other
         * policies, and the builder's contracts and settings; null for a policy in code.
         *
         * @throws InvalidPolicyException listing what the file refuses (a contract naming an unknown policy)
         */
        private PolicyFile file() {
            if (!(policy instanceof RuleBasedPolicy rules)) {
                return null;
            }
            PolicyFile.Builder file = PolicyFile.builder(rules).routing(routing).callBacks(callBacks).workOrder(workOrder)
                    .specificationRequired(specificationRequired).acceptanceRequired(acceptanceRequired);
            otherPolicies.stream().filter(p -> !p.name().equals(rules.name())).forEach(file::policy);
            contracts.values().forEach(file::contract);
            return file.build();
        }

        private Configurations configurations() {
            return new Configurations(file(), policy instanceof RuleBasedPolicy ? null : policy);
        }

        private SlaRuntime.Desk desk() {
            Map<String, ServiceContract> own = Map.copyOf(contracts);
            return new SlaRuntime.Desk(routing, callBacks, workOrder, customer -> Optional.ofNullable(own.get(customer)),
                    specificationRequired, acceptanceRequired);
        }

        /**
         * Adds a listener for the SLA events.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(SlaEventListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Turns Flowable's async executor, which fires due timers in the background, on or off.
         * Default: on. Off is manual time: due timers fire only when {@link #fireDueTimers()} runs them,
         * which is how tests, simulations and examples drive a clock they move by hand.
         *
         * @param on whether the executor runs
         * @return this builder
         */
        public Builder asyncExecutor(boolean on) {
            this.asyncExecutor = on;
            return this;
        }

        /**
         * Registers a Flowable business calendar counting working time of {@code calendar}, so a host
         * BPMN timer with {@code flowable:businessCalendarName="name"} and {@code timeDuration PT2H}
         * fires after two working hours.
         *
         * @param name the calendar name
         * @param calendar the working time
         * @return this builder
         * @throws IllegalArgumentException if {@code name} is blank, taken, or one of Flowable's own
         *     ({@code dueDate}, {@code duration}, {@code cycle})
         */
        public Builder businessCalendar(String name, WorkingCalendar calendar) {
            Arguments.text(name, "name");
            Objects.requireNonNull(calendar, "calendar");
            if (RESERVED_CALENDARS.contains(name) || businessCalendars.containsKey(name)) {
                throw new IllegalArgumentException("business calendar name '" + name
                        + "' is taken; Flowable keeps " + RESERVED_CALENDARS + " for itself");
            }
            businessCalendars.put(name, calendar);
            return this;
        }

        /**
         * Adds the contract of a customer: payment terms, prepaid hours, warranty and risk buffer for its
         * acceptance cases; it must name the engine's policy. A later contract of the same customer
         * replaces an earlier one. Default: none (acceptance work then throws {@link NoContractException}).
         *
         * @param contract the customer's contract
         * @return this builder
         */
        public Builder contract(ServiceContract contract) {
            Objects.requireNonNull(contract, "contract");
            contracts.put(contract.customer(), contract);
            return this;
        }

        /**
         * Sets the desk's configuration from a policy file ({@code SlaPolicies.loadFile}): its policies (the
         * default, and those its contracts name), contracts, routing, call-back target, work order, and
         * the kinds of work that need a specification or acceptance. The engine stores it in its database
         * as a configuration version (see {@link SlaEngine#reconfigure} and {@link SlaEngine#configVersion}):
         * the first engine on a database as version 1; a file new to the database as the next version, in
         * force at once, open requests keeping theirs; a file the database held before (an earlier release
         * restarting during a rolling update) is not stored again, and the node runs the version in force.
         * Like every setting here, the later call wins: a {@link #routing} or {@link #specificationRequired}
         * call after this one overrides the file's, and this call overrides those made before it.
         *
         * @param file the desk's configuration
         * @return this builder
         */
        public Builder policyFile(PolicyFile file) {
            policy(Objects.requireNonNull(file, "file").policy());
            otherPolicies = List.copyOf(file.policies().values());
            file.contracts().forEach(this::contract);
            routing = file.routing();
            callBacks = file.callBacks();
            workOrder = file.workOrder();
            specificationRequired(file.specificationRequired().toArray(RequestKind[]::new));
            acceptanceRequired(file.acceptanceRequired().toArray(RequestKind[]::new));
            return this;
        }

        /**
         * Sets the kinds of work that need a written specification with acceptance scenarios before work
         * starts (D9: "where needed"); for the other kinds support may let the agreed solution stand as
         * the specification ({@link AcceptanceWorkflow#skipSpecification}). Default: {@code DEVELOPMENT},
         * or the {@code specificationRequired:} of the {@link #policyFile}; a call after {@code
         * policyFile(..)} overrides the file's kinds.
         *
         * @param kinds the kinds that need one; none for no kind
         * @return this builder
         */
        public Builder specificationRequired(RequestKind... kinds) {
            this.specificationRequired = kinds(kinds);
            return this;
        }

        /**
         * Sets the kinds of work that are resolved only through the acceptance workflow (D9): for a
         * request whose work is of such a kind, {@link SlaEngine#resolve} is refused with a {@link
         * WrongStageException} that points to {@link AcceptanceWorkflow#proposeSolution}, and the accepted
         * work resolves it. A request found to need other work can still be handed over as that kind.
         * Default: none, so {@code resolve} closes work of any kind (a change that turned out to be
         * needless, say); {@code acceptanceRequired(RequestKind.DEVELOPMENT)} makes every change to the
         * client's software go through acceptance. The customers of such work then need a contract.
         *
         * @param kinds the kinds resolved only by acceptance; none for no kind
         * @return this builder
         */
        public Builder acceptanceRequired(RequestKind... kinds) {
            this.acceptanceRequired = kinds(kinds);
            return this;
        }

        private static EnumSet<RequestKind> kinds(RequestKind... kinds) {
            EnumSet<RequestKind> set = EnumSet.noneOf(RequestKind.class);
            for (RequestKind kind : Objects.requireNonNull(kinds, "kinds")) {
                set.add(Objects.requireNonNull(kind, "kind"));
            }
            return set;
        }

        /**
         * Builds and starts the engine and deploys the intake and acceptance processes.
         *
         * @return the running engine
         * @throws IllegalStateException if no policy was given, or settings conflict (a data source and
         *     a JDBC URL; a process engine and a database or async-executor setting; a pool size without
         *     a JDBC URL; a contract naming another policy), or no database was given and H2 is not on
         *     the class path
         * @throws DatabaseException if the database cannot be reached, refuses the user, does not
         *     exist, or holds the schema of a newer Flowable
         * @throws SlaException if the process engine cannot start otherwise
         */
        public SlaEngine build() {
            List<String> problems = new ArrayList<>();
            if (policy == null) {
                problems.add("a policy is required: call policy(..)");
            }
            if (dataSource != null && jdbcUrl != null) {
                problems.add("give either dataSource(..) or jdbcUrl(..), not both");
            }
            if (processEngine != null && (dataSource != null || jdbcUrl != null)) {
                problems.add("processEngine(..) brings its own database: drop dataSource(..)/jdbcUrl(..)");
            }
            if (processEngine != null && clock != null) {
                problems.add("processEngine(..) brings its own clock: drop clock(..) and move the host engine's clock"
                        + " (two clocks would time the SLA and fire its timers apart: a timer due on one and not on"
                        + " the other fires again and again)");
            }
            if (processEngine != null) {
                HistoryLevel level = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                        .getHistoryLevel();
                if (level == null || !level.isAtLeast(HistoryLevel.AUDIT)) {
                    problems.add("processEngine(..) keeps history at level " + (level == null ? "unknown" : level.getKey())
                            + ", but slaflow reads ended"
                            + " requests from history: configure the host engine with history level audit or full");
                }
            }
            if (processEngine != null && (asyncExecutor != null || jobLockTime != null || jobPollInterval != null)) {
                problems.add("processEngine(..) brings its own async executor: drop asyncExecutor(..), jobLockTime(..)"
                        + " and jobPollInterval(..)");
            }
            if (processEngine == null && dataSource == null && jdbcUrl == null
                    && !EngineFactory.privateDatabaseAvailable()) {
                problems.add("no database given, and H2 (com.h2database:h2), which keeps the data in memory when"
                        + " none is given, is not on the class path: give dataSource(..) or jdbcUrl(..), or add H2");
            }
            if (maxConnections != null && jdbcUrl == null) {
                problems.add("maxConnections(..) sizes the pool jdbcUrl(..) opens: give jdbcUrl(..) or size your own"
                        + " data source");
            }
            if (policy instanceof RuleBasedPolicy) {
                try {
                    file();
                } catch (InvalidPolicyException e) {
                    problems.addAll(e.violations());
                }
            } else {
                for (ServiceContract c : contracts.values()) {
                    if (policy != null && !c.policy().equals(policy.name())) {
                        problems.add("the contract of customer '" + c.customer() + "' names policy '" + c.policy()
                                + "', but the engine runs policy '" + policy.name() + "' (in code: it has no others)");
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException(String.join("; ", problems));
            }
            try {
                return new SlaEngine(this);
            } catch (DatabaseException e) {
                throw e;
            } catch (RuntimeException e) {
                DatabaseException unusable = Databases.explain(e, database());
                if (unusable != null) {
                    throw unusable;
                }
                if (e instanceof FlowableException || e instanceof PersistenceException) {
                    throw new SlaException("Could not start the process engine: " + e.getMessage(), e);
                }
                throw e;
            }
        }

        private String database() {
            return jdbcUrl != null ? Databases.describe(jdbcUrl)
                    : dataSource != null ? "the data source given (" + dataSource.getClass().getName() + ")"
                    : processEngine != null ? "the host's process engine" : "in memory";
        }
    }
}
