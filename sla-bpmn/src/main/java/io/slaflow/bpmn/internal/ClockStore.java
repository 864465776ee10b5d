package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.ClockBacklog;
import io.slaflow.bpmn.DeadlineChange;
import io.slaflow.bpmn.SlaEvent;
import io.slaflow.bpmn.TimelineEntry;
import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.Countdown;
import io.slaflow.core.countdown.CountdownState;
import io.slaflow.core.countdown.CountdownStatus;
import io.slaflow.core.countdown.RequestClock;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.routing.SupportGroups;
import io.slaflow.core.routing.WorkItem;
import io.slaflow.core.routing.WorkOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowable.common.engine.api.variable.VariableContainer;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.identitylink.api.IdentityLinkInfo;
import org.flowable.task.api.Task;

/**
 * The one writer of the SLA clocks: the only class that reads and writes a clock's stored form, a row
 * of slaflow's own table {@value #TABLE} (one per process and {@link Slot}: the countdowns with the
 * thresholds announced, the next due instant, the nearest deadline), and the only one that fires a
 * clock. What a change does to the clock is decided by {@link RequestClock} (sla-core); this class
 * stores the result, escalates a breach and turns the transitions into {@link SlaEvent}s. Its methods
 * run inside a Flowable command, on the command's connection, so a clock's row changes in the
 * transaction of the operation that changed the clock.
 *
 * <p>Due clocks are taken by {@link #sweep} with the lock-and-fetch pattern: the due rows, oldest
 * first, locked with {@code FOR UPDATE SKIP LOCKED}, then their processes' rows the same way (the lock
 * every operation on a request takes first, see {@link Requests#lock}); a clock whose request an
 * operation holds is left to the next sweep, and the operation itself announces what is due first.
 * Nodes on one database take disjoint batches; a node that dies mid-sweep rolls back and its rows are
 * free at once. The due column ({@code DUE_}) and the deadline column ({@code DEADLINE_}) are indexed,
 * so neither the sweep nor the views read a clock that is not due or at risk.
 */
public final class ClockStore {

    /** slaflow's clock table (with the engine's table prefix). */
    static final String TABLE = "SLA_CLOCK";
    /** The variable-map key under which {@link #attach} puts a clock read from the table. */
    private static final String ATTACHED = "slaflow.clock.";
    /** The variable-map key under which {@link #attach} puts the timing of a clock read from the table. */
    private static final String ATTACHED_TIMING = "slaflow.timing.";
    /** Most ids in one {@code IN} list. */
    private static final int IN_LIST = 500;

    /** The clocks of the two models: a request's own countdowns, and a rework round's. */
    public enum Slot {
        /** The intake request's response and resolution countdowns. */
        INTAKE(Model.VAR_ESCALATED),
        /** The countdown of the running rework round of an acceptance case. */
        ROUND(AcceptanceModel.VAR_ESCALATED);

        private final String escalatedVariable;

        Slot(String escalatedVariable) {
            this.escalatedVariable = escalatedVariable;
        }

        /** The variable a countdown of this slot was kept in by versions before the clock table. */
        String legacyVariable(SlaMetric metric) {
            return this == INTAKE ? Model.countdownVar(metric) : AcceptanceModel.VAR_ROUND;
        }

        List<SlaMetric> metrics() {
            return this == INTAKE ? List.of(SlaMetric.RESPONSE, SlaMetric.RESOLUTION) : List.of(SlaMetric.RESOLUTION);
        }
    }

    /**
     * Whose clock it is, for the events.
     *
     * @param requestId the request (or acceptance case) the events name
     * @param customer its customer
     * @param round 0 for a request's own clock, else the rework round's number
     */
    public record Owner(String requestId, String customer, int round) {

        /** Creates an owner. */
        public Owner {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(customer, "customer");
        }
    }

    /** A clock's row as the sweep reads it. */
    private record Row(String processId, Slot slot, Owner owner, String request, Timing timing, RequestClock clock) {
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

    // ---- schema -------------------------------------------------------------------------------

    /**
     * Creates the clock table and its indexes unless they exist. Call inside a command.
     *
     * @throws SQLException if the database refuses
     */
    static void createTable() throws SQLException {
        String table = OwnTables.table(TABLE);
        if (OwnTables.exists(table)) {
            if (!OwnTables.hasColumn(table, "CONFIG_")) {            // a table made before configuration versions
                try (Statement ddl = OwnTables.connection().createStatement()) {
                    ddl.execute("alter table " + table + " add column if not exists CONFIG_ integer");
                    ddl.execute("create index if not exists SLA_IDX_CLOCK_CONFIG on " + table + " (ENDED_, CONFIG_)");
                }
            }
            return;
        }
        try (Statement ddl = OwnTables.connection().createStatement()) {
            ddl.execute("create table if not exists " + table + " (PROC_INST_ID_ varchar(64) not null,"
                    + " SLOT_ varchar(16) not null, REQUEST_ID_ varchar(64) not null, CUSTOMER_ varchar(255) not null,"
                    + " ROUND_ integer not null, REQUEST_ varchar not null, SLA_ varchar(64), STATE_ varchar not null,"
                    + " DUE_ bigint, DEADLINE_ bigint, ENDED_ boolean not null, KIND_ varchar(16) not null,"
                    + " FILED_ bigint not null, WORK_DUE_ bigint, WORK_CLASS_ integer not null, CONFIG_ integer,"
                    + " primary key (PROC_INST_ID_, SLOT_))");
            ddl.execute("create index if not exists SLA_IDX_CLOCK_DUE on " + table + " (DUE_)");
            ddl.execute("create index if not exists SLA_IDX_CLOCK_DEADLINE on " + table + " (DEADLINE_)");
            ddl.execute("create index if not exists SLA_IDX_CLOCK_CONFIG on " + table + " (ENDED_, CONFIG_)");
            ddl.execute("create index if not exists SLA_IDX_CLOCK_CUSTOMER on " + table + " (CUSTOMER_, DEADLINE_)");
            ddl.execute("create index if not exists SLA_IDX_CLOCK_WORK on " + table + " (SLOT_, ENDED_, WORK_CLASS_,"
                    + " FILED_, WORK_DUE_, PROC_INST_ID_)");
            ddl.execute("create index if not exists SLA_IDX_CLOCK_CUSTOMER_WORK on " + table + " (CUSTOMER_, SLOT_,"
                    + " ENDED_, WORK_CLASS_, FILED_, WORK_DUE_, PROC_INST_ID_)");
        }
    }

    // ---- reading ------------------------------------------------------------------------------

    /**
     * Returns {@code variables} of process {@code processId} with its clocks attached from the table, so
     * that {@link #read(Slot, Map)} finds them there. Call inside a command.
     */
    public static Map<String, Object> attach(String processId, Map<String, Object> variables) {
        return attachAll(Map.of(processId, variables)).get(processId);
    }

    /**
     * Returns the variables of each process, by process id, with its clocks attached from the table (one
     * query per {@value #IN_LIST} processes). A process without a row (one that ended before the clock
     * table existed) keeps the countdowns its variables hold. Call inside a command.
     */
    public static Map<String, Map<String, Object>> attachAll(Map<String, Map<String, Object>> variablesByProcess) {
        Map<String, Map<String, Object>> attached = new HashMap<>();
        variablesByProcess.forEach((id, vars) -> attached.put(id, new HashMap<>(vars)));
        List<String> ids = new ArrayList<>(variablesByProcess.keySet());
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            String sql = "select PROC_INST_ID_, SLOT_, STATE_, CONFIG_, SLA_ from " + OwnTables.table(TABLE)
                    + " where PROC_INST_ID_ in (" + marks(chunk.size()) + ")";
            try (PreparedStatement select = OwnTables.connection().prepareStatement(sql)) {
                bind(select, 1, chunk);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> vars = attached.get(rs.getString(1));
                        vars.put(ATTACHED + rs.getString(2), Json.readClock(rs.getString(3)));
                        vars.put(ATTACHED_TIMING + rs.getString(2), timing(rs, 4));
                    }
                }
            } catch (SQLException e) {
                throw OwnTables.failure("read the SLA clocks", e);
            }
        }
        return attached;
    }

    /**
     * As {@link #attachAll(Map)}, for items loaded with their process's variables (tasks, process
     * instances), keyed by {@code processId}.
     */
    public static <T> Map<String, Map<String, Object>> attachAll(Collection<T> loaded, Function<T, String> processId,
            Function<T, Map<String, Object>> variables) {
        Map<String, Map<String, Object>> byProcess = new HashMap<>();
        loaded.forEach(item -> byProcess.put(processId.apply(item), variables.apply(item)));
        return attachAll(byProcess);
    }

    /** Reads the clock of {@code slot} of process {@code processId} from the table; call inside a command. */
    public static Optional<RequestClock> read(Slot slot, String processId) {
        return column(slot, processId, "STATE_").map(state -> Json.readClock((String) state));
    }

    /** Returns the next due instant stored for the clock of {@code slot} of a process: empty while paused or ended, or without one. */
    public static Optional<Instant> due(Slot slot, String processId) {
        return column(slot, processId, "DUE_").map(due -> Instant.ofEpochMilli(((Number) due).longValue()));
    }

    /** Returns one column of the row of {@code slot} of a process: empty without a row, or when the column is null. */
    private static Optional<Object> column(Slot slot, String processId, String column) {
        try (PreparedStatement select = OwnTables.connection().prepareStatement("select " + column + " from "
                + OwnTables.table(TABLE) + " where PROC_INST_ID_ = ? and SLOT_ = ?")) {
            select.setString(1, processId);
            select.setString(2, slot.name());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getObject(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw OwnTables.failure("read the SLA clock of " + processId, e);
        }
    }

    /** Reads the clock of {@code slot} from variables with clocks {@linkplain #attach attached}. */
    public static RequestClock read(Slot slot, Map<String, Object> variables) {
        if (variables.get(ATTACHED + slot.name()) instanceof RequestClock clock) {
            return clock;
        }
        return readLegacy(slot, variables::get);
    }

    /**
     * Returns the timing of the clock of {@code slot} from variables with clocks {@linkplain #attach
     * attached}: a clock kept in variables (an ended request of a version before the clock table) is timed
     * by the version in force, as the request was filed.
     */
    public static Timing timing(Slot slot, Map<String, Object> variables) {
        return variables.get(ATTACHED_TIMING + slot.name()) instanceof Timing timing ? timing : new Timing(null, null);
    }

    /** Reads the timing of the clock of {@code slot} of process {@code processId} from the table; call inside a command. */
    public static Optional<Timing> timing(Slot slot, String processId) {
        try (PreparedStatement select = OwnTables.connection().prepareStatement("select CONFIG_, SLA_ from "
                + OwnTables.table(TABLE) + " where PROC_INST_ID_ = ? and SLOT_ = ?")) {
            select.setString(1, processId);
            select.setString(2, slot.name());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(timing(rs, 1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw OwnTables.failure("read the SLA clock of " + processId, e);
        }
    }

    /** Reads a timing from the columns {@code CONFIG_, SLA_} at {@code first}. */
    private static Timing timing(ResultSet rs, int first) throws SQLException {
        int version = rs.getInt(first);
        return new Timing(rs.wasNull() ? null : version, rs.getString(first + 1));
    }

    /** Reads the clock of {@code slot} from the variables a version before the clock table kept it in. */
    static RequestClock readLegacy(Slot slot, Function<String, Object> variables) {
        List<Countdown> countdowns = new ArrayList<>();
        Map<SlaMetric, List<Double>> announced = new HashMap<>();
        for (SlaMetric metric : slot.metrics()) {
            Json.StoredCountdown stored = Json.readCountdown((String) variables.apply(slot.legacyVariable(metric)));
            countdowns.add(stored.countdown());
            announced.put(metric, stored.announced());
        }
        return RequestClock.of(countdowns, announced);
    }

    /** Reads a clock kept in the variables of a process by a version before the clock table. */
    static RequestClock readLegacy(Slot slot, VariableContainer process) {
        return readLegacy(slot, process::getVariable);
    }

    /** Tells whether variables with clocks {@linkplain #attach attached} hold a clock of {@code slot}. */
    public static boolean holds(Slot slot, Map<String, Object> variables) {
        return variables.get(ATTACHED + slot.name()) instanceof RequestClock
                || variables.get(slot.legacyVariable(SlaMetric.RESOLUTION)) instanceof String;
    }

    /**
     * Returns the processes whose clock of {@code slot} has a running countdown with its deadline by
     * {@code limit}, only {@code customer}'s when it is not null, nearest first: an indexed range of the
     * deadline column (a deadline that passed stays there until the sweep announces the breach).
     * Call inside a command.
     */
    public static Set<String> deadlineBy(Slot slot, String customer, Instant limit) {
        List<Object> params = new ArrayList<>(List.of(limit.toEpochMilli(), slot.name()));
        if (customer != null) {
            params.add(customer);
        }
        return new LinkedHashSet<>(ids("list the SLA clocks at risk", "select PROC_INST_ID_ from " + OwnTables.table(TABLE)
                + " where DEADLINE_ <= ? and SLOT_ = ?" + (customer == null ? "" : " and CUSTOMER_ = ?")
                + " order by DEADLINE_", params));
    }

    /** Returns how many clocks are due by {@code now} and the oldest due instant among them: one indexed range. Call inside a command. */
    public static ClockBacklog backlog(Instant now) {
        try (PreparedStatement select = OwnTables.connection().prepareStatement("select count(*), min(DUE_) from "
                + OwnTables.table(TABLE) + " where DUE_ <= ?")) {
            select.setLong(1, now.toEpochMilli());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                long count = rs.getLong(1);
                Object oldest = rs.getObject(2);                        // null when none is due
                return new ClockBacklog(count, oldest == null ? Optional.empty()
                        : Optional.of(Instant.ofEpochMilli(((Number) oldest).longValue())));
            }
        } catch (SQLException e) {
            throw OwnTables.failure("count the due SLA clocks", e);
        }
    }

    /** Returns a page of the processes whose clock of {@code slot} has not ended, by process id. Call inside a command. */
    public static List<String> running(Slot slot, int first, int size) {
        return ids("list the running SLA clocks", "select PROC_INST_ID_ from " + OwnTables.table(TABLE)
                + " where SLOT_ = ? and ENDED_ = false order by PROC_INST_ID_ limit " + size + " offset " + first,
                List.of(slot.name()));
    }

    /** Runs a query of process ids with {@code params} and returns them in the order read. */
    private static List<String> ids(String what, String sql, List<Object> params) {
        return OwnTables.query(what, sql, params, rs -> rs.getString(1));
    }


    /**
     * Which open intake tasks a staff view lists, as a condition on Flowable's task row {@code t}: the
     * same conditions as Flowable's candidate and assignee task queries.
     *
     * @param sql the condition
     * @param params its parameters, in order
     */
    public record WorkFilter(String sql, List<String> params) {

        /** The unclaimed tasks offered to {@code group}. */
        public static WorkFilter offeredTo(String group) {
            return new WorkFilter("t.ASSIGNEE_ is null and exists (select 1 from %1$s l where l.TASK_ID_ = t.ID_"
                    + " and l.TYPE_ = 'candidate' and l.GROUP_ID_ = ?)", List.of(group));
        }

        /** The tasks {@code user} claimed. */
        public static WorkFilter claimedBy(String user) {
            return new WorkFilter("t.ASSIGNEE_ = ?", List.of(user));
        }

        /** The tasks {@code user} has, or may take: offered to them or to one of {@code groups}. */
        public static WorkFilter of(String user, Collection<String> groups) {
            List<String> params = new ArrayList<>(List.of(user, user));
            params.addAll(groups);
            return new WorkFilter("(t.ASSIGNEE_ = ? or t.ASSIGNEE_ is null and exists (select 1 from %1$s l"
                    + " where l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate' and (l.USER_ID_ = ?"
                    + (groups.isEmpty() ? "" : " or l.GROUP_ID_ in (" + marks(groups.size()) + ")") + ")))", params);
        }
    }

    /**
     * Returns the first {@code count} open intake requests whose task {@code filter} selects, in
     * {@code order} (and any tied with the last of them on class, filing and deadline), only
     * {@code customer}'s when it is not null: one query that walks the work-order index of the clock
     * rows ({@code WORK_CLASS_, FILED_, WORK_DUE_}) and stops at {@code count} rows whose task matches;
     * no request is loaded. The items' {@code callBack} is not read (the work order does not use it).
     * Call inside a command.
     */
    public static List<WorkItem> work(String customer, WorkFilter filter, int count, WorkOrder order) {
        String from = " from " + OwnTables.table(TABLE) + " c where c.SLOT_ = 'INTAKE' and c.ENDED_ = false"
                + (customer == null ? "" : " and c.CUSTOMER_ = ?") + " and exists (select 1 from "
                + OwnTables.table("ACT_RU_TASK") + " t where t.PROC_INST_ID_ = c.PROC_INST_ID_ and "
                + filter.sql().formatted(OwnTables.table("ACT_RU_IDENTITYLINK")) + ")";
        String columns = "select c.PROC_INST_ID_, c.KIND_, c.FILED_, c.WORK_DUE_";
        List<WorkItem> items = selectWork(columns + from + " order by c.WORK_CLASS_, c.FILED_, c.WORK_DUE_,"
                + " c.PROC_INST_ID_ limit " + count, customer, filter, List.of());
        if (items.size() == count && count > 0) {
            WorkItem last = items.get(count - 1);
            Set<String> seen = items.stream().map(WorkItem::id).collect(Collectors.toSet());
            selectWork(columns + from + " and c.WORK_CLASS_ = ? and c.FILED_ = ? and c.WORK_DUE_ = ?", customer, filter,
                    List.of(order.classOf(last.kind()), last.arrivedAt().toEpochMilli(), last.due().toEpochMilli()))
                    .stream().filter(i -> !seen.contains(i.id())).forEach(items::add);
        }
        return items;
    }

    private static List<WorkItem> selectWork(String sql, String customer, WorkFilter filter, List<Object> more) {
        try (PreparedStatement select = OwnTables.connection().prepareStatement(sql)) {
            int i = 1;
            if (customer != null) {
                select.setString(i++, customer);
            }
            for (String param : filter.params()) {
                select.setString(i++, param);
            }
            for (Object param : more) {
                select.setObject(i++, param);
            }
            List<WorkItem> items = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    items.add(new WorkItem(rs.getString(1), RequestKind.valueOf(rs.getString(2)),
                            Instant.ofEpochMilli(rs.getLong(3)), Instant.ofEpochMilli(rs.getLong(4)), false));
                }
            }
            return items;
        } catch (SQLException e) {
            throw OwnTables.failure("list the open work", e);
        }
    }

    // ---- writing ------------------------------------------------------------------------------

    /**
     * Sets the work-order class of every open clock to what {@code order} says of its kind of work (a
     * node started with another work order than the last); writes nothing when every class is right.
     * Call inside a command.
     */
    static void rank(WorkOrder order) {
        StringBuilder rank = new StringBuilder("case KIND_");
        for (RequestKind kind : RequestKind.values()) {
            rank.append(" when '").append(kind.name()).append("' then ").append(order.classOf(kind));
        }
        rank.append(" end");
        String stale = " where ENDED_ = false and WORK_CLASS_ <> " + rank;
        try (Statement statement = OwnTables.connection().createStatement();
                ResultSet count = statement.executeQuery("select count(*) from " + OwnTables.table(TABLE) + stale)) {
            count.next();
            if (count.getLong(1) == 0) {
                return;                                      // nothing to write: a read-only user starts too
            }
        } catch (SQLException e) {
            throw OwnTables.failure("rank the open work", e);
        }
        try (Statement update = OwnTables.changes().createStatement()) {
            update.executeUpdate("update " + OwnTables.table(TABLE) + " set WORK_CLASS_ = " + rank + stale);
        } catch (SQLException e) {
            throw OwnTables.failure("rank the open work", e);
        }
    }

    /** Stores the kind of work found for request {@code processId} (a hand-over), which orders its work. Call inside a command. */
    public void workKind(String processId, RequestKind kind) {
        try (PreparedStatement update = OwnTables.changes().prepareStatement("update " + OwnTables.table(TABLE)
                + " set KIND_ = ?, WORK_CLASS_ = ? where PROC_INST_ID_ = ? and SLOT_ = 'INTAKE'")) {
            update.setString(1, kind.name());
            update.setInt(2, runtime.workOrder().classOf(kind));
            update.setString(3, processId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw OwnTables.failure("store the kind of work of " + processId, e);
        }
    }


    /**
     * Stores the clock just started for process {@code processId} (replacing the slot's earlier clock:
     * a case's previous round). Call inside a command.
     *
     * @param request the request the clock times, as filed
     * @param timing the configuration version and the severity and kind its targets were taken for
     */
    public void start(Slot slot, String processId, Owner owner, StoredRequest request, Timing timing, RequestClock clock,
            WorkingCalendar calendar) {
        Instant now = runtime.now();
        String table = OwnTables.table(TABLE);
        try (PreparedStatement update = OwnTables.changes().prepareStatement("update " + table + " set REQUEST_ID_ = ?,"
                + " CUSTOMER_ = ?, ROUND_ = ?, REQUEST_ = ?, SLA_ = ?, STATE_ = ?, DUE_ = ?, DEADLINE_ = ?, ENDED_ = ?,"
                + " KIND_ = ?, FILED_ = ?, WORK_DUE_ = ?, WORK_CLASS_ = ?, CONFIG_ = ? where PROC_INST_ID_ = ? and SLOT_ = ?")) {
            bindRow(update, owner, request, timing, clock, now, calendar);
            update.setString(15, processId);
            update.setString(16, slot.name());
            if (update.executeUpdate() > 0) {
                return;
            }
        } catch (SQLException e) {
            throw OwnTables.failure("store the SLA clock of " + processId, e);
        }
        try (PreparedStatement insert = OwnTables.changes().prepareStatement("insert into " + table + " (REQUEST_ID_,"
                + " CUSTOMER_, ROUND_, REQUEST_, SLA_, STATE_, DUE_, DEADLINE_, ENDED_, KIND_, FILED_, WORK_DUE_,"
                + " WORK_CLASS_, CONFIG_, PROC_INST_ID_, SLOT_) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindRow(insert, owner, request, timing, clock, now, calendar);
            insert.setString(15, processId);
            insert.setString(16, slot.name());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw OwnTables.failure("store the SLA clock of " + processId, e);
        }
    }

    private void bindRow(PreparedStatement s, Owner owner, StoredRequest request, Timing timing, RequestClock clock,
            Instant now, WorkingCalendar calendar) throws SQLException {
        s.setString(1, owner.requestId());
        s.setString(2, owner.customer());
        s.setInt(3, owner.round());
        s.setString(4, Json.writeRequest(request));
        s.setString(5, timing.sla());
        s.setString(6, Json.writeClock(clock));
        Map<SlaMetric, CountdownStatus> statuses = statuses(clock, now, calendar);
        setLong(s, 7, due(clock, clock.next(now, calendar)));
        setLong(s, 8, deadline(statuses));
        s.setBoolean(9, clock.ended());
        s.setString(10, request.request().kind().name());
        s.setLong(11, request.filedAt().toEpochMilli());
        setLong(s, 12, workDue(statuses));
        s.setInt(13, runtime.workOrder().classOf(request.request().kind()));
        if (timing.version() == null) {
            s.setNull(14, Types.INTEGER);
        } else {
            s.setInt(14, timing.version());
        }
    }

    /**
     * Stores {@code change} of the clock of process {@code processId}, escalates the breaches it
     * announced, offers the escalation levels it reached (an intake clock's level nobody of its group can
     * take now sent on first, {@link #reach}), and returns its events. Call inside a command, with the
     * process locked.
     *
     * @param slot which clock
     * @param processId the process that runs the clock
     * @param owner whose clock it is
     * @param change what happened to it
     * @param calendar the calendar the clock runs on
     * @return the events to announce after commit
     */
    public List<SlaEvent> store(Slot slot, String processId, Owner owner, RequestClock.Change change,
            WorkingCalendar calendar) {
        return store(slot, processId, owner, change, calendar, null);
    }

    /**
     * Stores a change as {@link #store(Slot, String, Owner, RequestClock.Change, WorkingCalendar)} does, and
     * puts the clock stored into {@code variables} (with clocks {@linkplain #attach attached}; none when null)
     * for the rest of the command.
     */
    public List<SlaEvent> store(Slot slot, String processId, Owner owner, RequestClock.Change made,
            WorkingCalendar calendar, Map<String, Object> variables) {
        RequestClock.Change change = slot == Slot.INTAKE ? reach(owner, made, calendar) : made;
        try (PreparedStatement update = OwnTables.changes().prepareStatement(UPDATE.formatted(OwnTables.table(TABLE)))) {
            bindChange(update, slot, processId, change, calendar);
            update.executeUpdate();
        } catch (SQLException e) {
            throw OwnTables.failure("store the SLA clock of " + processId, e);
        }
        if (variables != null) {
            variables.put(ATTACHED + slot.name(), change.clock());
        }
        if (firstBreach(change)) {
            offer(Map.of(processId, slot));
        }
        offerLevels(levelGroups(processId, change));
        List<SlaEvent> events = events(owner, change);
        events.addAll(escalated(owner, defaultBreaches(change)));
        return events;
    }

    private static final String UPDATE = "update %s set STATE_ = ?, DUE_ = ?, DEADLINE_ = ?, ENDED_ = ?, WORK_DUE_ = ?"
            + " where PROC_INST_ID_ = ? and SLOT_ = ?";
    /** As {@link #UPDATE}, for a clock re-timed: its configuration version and what it is timed as too. */
    private static final String UPDATE_TIMED = "update %s set STATE_ = ?, DUE_ = ?, DEADLINE_ = ?, ENDED_ = ?,"
            + " WORK_DUE_ = ?, CONFIG_ = ?, SLA_ = ? where PROC_INST_ID_ = ? and SLOT_ = ?";

    private void bindChange(PreparedStatement update, Slot slot, String processId, RequestClock.Change change,
            WorkingCalendar calendar) throws SQLException {
        bindState(update, change, calendar);
        update.setString(6, processId);
        update.setString(7, slot.name());
    }

    private void bindRetimed(PreparedStatement update, Slot slot, String processId, Retiming retimed)
            throws SQLException {
        bindState(update, retimed.change(), retimed.calendar());
        if (retimed.timing().version() == null) {
            update.setNull(6, Types.INTEGER);
        } else {
            update.setInt(6, retimed.timing().version());
        }
        update.setString(7, retimed.timing().sla());
        update.setString(8, processId);
        update.setString(9, slot.name());
    }

    private void bindState(PreparedStatement update, RequestClock.Change change, WorkingCalendar calendar)
            throws SQLException {
        Map<SlaMetric, CountdownStatus> statuses = statuses(change.clock(), runtime.now(), calendar);
        update.setString(1, Json.writeClock(change.clock()));
        setLong(update, 2, due(change.clock(), change.next()));
        setLong(update, 3, deadline(statuses));
        update.setBoolean(4, change.clock().ended());
        setLong(update, 5, workDue(statuses));
    }

    // ---- re-timing: configuration versions, reclassification ----------------------------------

    /**
     * Stores a clock re-timed ({@link Retiming}), escalates a breach it announced first, puts the clock and
     * its timing into {@code variables} (with clocks {@linkplain #attach attached}) and returns its events.
     * Call inside a command, with the process locked.
     */
    public List<SlaEvent> storeRetimed(Slot slot, String processId, Owner owner, Retiming made,
            Map<String, Object> variables) {
        Retiming retimed = reached(slot, owner, made);
        try (PreparedStatement update = OwnTables.changes().prepareStatement(
                UPDATE_TIMED.formatted(OwnTables.table(TABLE)))) {
            bindRetimed(update, slot, processId, retimed);
            update.executeUpdate();
        } catch (SQLException e) {
            throw OwnTables.failure("store the SLA clock of " + processId, e);
        }
        variables.put(ATTACHED + slot.name(), retimed.change().clock());
        variables.put(ATTACHED_TIMING + slot.name(), retimed.timing());
        if (firstBreach(retimed.change())) {
            offer(Map.of(processId, slot));
        }
        offerLevels(levelGroups(processId, retimed.change()));
        List<SlaEvent> events = events(owner, retimed.change());
        events.addAll(escalated(owner, defaultBreaches(retimed.change())));
        return events;
    }

    /**
     * Brings the clock of {@code slot} in {@code variables} (with clocks attached) to the configuration
     * version a reconfiguration with {@link io.slaflow.bpmn.RunningClocks#MOVE} in force moved every open
     * request to, if the batches of that reconfiguration have not reached it yet: what an operation does
     * first, so that every node times every request by the same version. Call inside a command, with the
     * process locked.
     *
     * @return the events of the move; empty when the clock was timed by that version already
     */
    public List<SlaEvent> follow(Slot slot, String processId, Owner owner, ServiceRequest filed,
            Map<String, Object> variables, boolean callBackPending) {
        return pendingMove(slot, owner, filed, variables, callBackPending).map(retimed -> {
            reconfigured(slot, owner, retimed);
            return storeRetimed(slot, processId, owner, retimed, variables);
        }).orElse(List.of());
    }

    /**
     * A clock as it times its request now, and the calendar it runs on.
     *
     * @param clock the clock
     * @param calendar its calendar
     */
    public record Timed(RequestClock clock, WorkingCalendar calendar) {
    }

    /**
     * Returns the clock of {@code slot} in {@code variables} (with clocks attached) as it times its request
     * now: moved, in memory, to the version a reconfiguration in force moves it to if its batches have not
     * stored that yet, so a view shows what the next operation or sweep will store. Call inside a command.
     */
    public Timed current(Slot slot, Owner owner, ServiceRequest filed, Map<String, Object> variables,
            boolean callBackPending) {
        return pendingMove(slot, owner, filed, variables, callBackPending)
                .map(retimed -> new Timed(retimed.change().clock(), retimed.calendar()))
                .orElseGet(() -> new Timed(read(slot, variables), runtime.calendar(timing(slot, variables), filed)));
    }

    private Optional<Retiming> pendingMove(Slot slot, Owner owner, ServiceRequest filed, Map<String, Object> variables,
            boolean callBackPending) {
        if (!(variables.get(ATTACHED + slot.name()) instanceof RequestClock clock) || clock.ended()) {
            return Optional.empty();
        }
        Timing timing = timing(slot, variables);
        return runtime.configurations().moveTarget(timing.version(), runtime.now())
                .map(target -> Retiming.of(runtime, slot, owner, filed, timing, clock, target,
                        new Timing(target.version(), timing.sla()), target.effectiveFrom(), callBackPending));
    }

    /**
     * What one batch of a reconfiguration did.
     *
     * @param taken the open clocks it moved
     * @param changes the deadlines they moved
     */
    public record Moved(int taken, List<DeadlineChange> changes) {
    }

    /**
     * Moves up to {@code max} open clocks timed by a version before {@code target} to it, in one
     * transaction: their rows and processes taken as the sweep takes them (skipping what another node or
     * an operation holds: that operation moves its request itself, see {@link #follow}), re-timed at the
     * instant {@code target} took force, stored in one batched update, breaches escalated, events after
     * commit. Call inside a command.
     */
    public Moved moveTo(Configuration target, int max) {
        List<Row> rows = selectRows("where ENDED_ = false and (CONFIG_ is null or CONFIG_ < ?) order by PROC_INST_ID_,"
                + " SLOT_ limit " + max + " for update skip locked", List.of(target.version()), "take the SLA clocks to re-time");
        if (rows.isEmpty()) {
            return new Moved(0, List.of());
        }
        List<DeadlineChange> changes = new ArrayList<>();
        int moved = inBatch(rows, "re-time the SLA clocks", (row, batch) -> {
            Retiming retimed = move(row, target, batch);
            changes.addAll(retimed.deadlines());
            return retimed;
        });
        return new Moved(moved, changes);
    }
    /**
     * Returns how moving every open clock timed by a version before {@code target} to it at {@code at}
     * would change their deadlines, changing nothing: up to {@code max} clocks after process {@code after}
     * (null for the first), in process order. Call inside a command.
     *
     * @return the changes, and the last process read (null when none was left)
     */
    public Map.Entry<String, List<DeadlineChange>> previewMove(Configuration target, Instant at, String after, int max) {
        List<Row> rows = selectRows("where ENDED_ = false and (CONFIG_ is null or CONFIG_ < ?) and PROC_INST_ID_ > ?"
                + " order by PROC_INST_ID_, SLOT_ limit " + max, List.of(target.version(), after == null ? "" : after),
                "read the SLA clocks to re-time");
        if (rows.isEmpty()) {
            return new AbstractMap.SimpleImmutableEntry<>(null, List.of());
        }
        String last = rows.get(rows.size() - 1).processId();
        if (rows.size() == max && !rows.get(0).processId().equals(last)) {
            rows = rows.stream().filter(r -> !r.processId().equals(last)).toList(); // its other clock may be on the next page
        }
        Set<String> callBacks = pendingCallBacks(rows.stream().map(Row::processId).collect(Collectors.toSet()));
        List<DeadlineChange> changes = new ArrayList<>();
        for (Row row : rows) {
            changes.addAll(retime(row, target, at, callBacks.contains(row.processId())).deadlines());
        }
        return new AbstractMap.SimpleImmutableEntry<>(rows.get(rows.size() - 1).processId(), changes);
    }

    /** Records on a request's timeline that a configuration version re-timed its clock, when it took force. */
    private static void reconfigured(Slot slot, Owner owner, Retiming retimed) {
        if (slot == Slot.INTAKE) {
            Steps.record(owner.requestId(), retimed.at(), TimelineEntry.Kind.RECONFIGURED, null,
                    "configuration version " + retimed.timing().version());
        }
    }

    private Retiming retime(Row row, Configuration target, Instant at, boolean callBackPending) {
        return Retiming.of(runtime, row.slot(), row.owner(), Json.readRequest(row.request()).request(), row.timing(),
                row.clock(), target, new Timing(target.version(), row.timing().sla()), at, callBackPending);
    }

    /** Returns those of {@code processIds} whose open task is a missed call's call-back. */
    private static Set<String> pendingCallBacks(Set<String> processIds) {
        if (processIds.isEmpty()) {
            return Set.of();
        }
        List<Object> params = new ArrayList<>(List.of(Model.TASK_CALL_BACK));
        params.addAll(processIds);
        return new HashSet<>(ids("read the pending call-backs", "select PROC_INST_ID_ from " + OwnTables.table("ACT_RU_TASK")
                + " where TASK_DEF_KEY_ = ? and PROC_INST_ID_ in (" + marks(processIds.size()) + ")", params));
    }

    /**
     * What a sweep did.
     *
     * @param taken the due rows it took: fewer than it asked for when no more are due now
     * @param fired the clocks it fired: those taken whose request no operation held
     */
    public record Sweep(int taken, int fired) {
    }

    /**
     * Fires the due clocks, at most {@code max} of them: takes their rows and their processes' locks
     * (skipping what another node or an operation holds), announces what each crossed by now, stores
     * it, and escalates the breaches; a clock whose process is gone is ended. Call inside a command.
     *
     * @return how many due clocks it took and fired
     */
    public Sweep sweep(int max) {
        Instant now = runtime.now();
        List<Row> due = takeDue(now, max);
        if (due.isEmpty()) {
            return new Sweep(0, 0);
        }
        int fired = inBatch(due, "fire the due SLA clocks", (row, batch) -> {
            Timing timing = row.timing();
            RequestClock clock = row.clock();
            Optional<Configuration> target = runtime.configurations().moveTarget(timing.version(), now);
            if (target.isPresent()) {                        // a reconfiguration's batches have not reached it yet
                Retiming retimed = move(row, target.get(), batch);
                timing = retimed.timing();
                clock = retimed.change().clock();
            }
            WorkingCalendar calendar = runtime.calendar(timing, Json.readRequest(row.request()).request());
            RequestClock.Change change = row.slot() == Slot.INTAKE ? reach(row.owner(), clock.catchUp(now, calendar),
                    calendar) : clock.catchUp(now, calendar);
            batch.announce(row, change);
            return new Retiming(change, timing, calendar, List.of(), now);
        });
        return new Sweep(due.size(), fired);
    }

    /** What {@link #inBatch} does to one row whose process it holds: the clock to store, announced through the batch. */
    @FunctionalInterface
    private interface RowChange {
        Retiming apply(Row row, Batch batch);
    }

    /**
     * Changes the clocks of {@code rows} in the command's transaction, as the sweep and a reconfiguration's
     * batches do: locks their processes (skipping what another node or an operation holds), applies
     * {@code change} to each held, stores them in one batched update, ends the clocks whose process is gone,
     * escalates the first breaches, offers the levels reached, and publishes the events after commit.
     *
     * @param what what the batch does, for a failure's message
     * @return how many rows it changed: those whose process it held
     */
    private int inBatch(List<Row> rows, String what, RowChange change) {
        Batch batch = new Batch(lockProcesses(rows.stream().map(Row::processId).collect(Collectors.toSet())));
        List<Row> gone = new ArrayList<>();
        try (PreparedStatement update = OwnTables.changes().prepareStatement(
                UPDATE_TIMED.formatted(OwnTables.table(TABLE)))) {
            for (Row row : rows) {
                if (!batch.held.contains(row.processId())) {
                    gone.add(row);
                    continue;
                }
                bindRetimed(update, row.slot(), row.processId(), change.apply(row, batch));
                update.addBatch();
            }
            if (gone.size() < rows.size()) {
                update.executeBatch();
            }
        } catch (SQLException e) {
            throw OwnTables.failure(what, e);
        }
        endGone(gone);
        offer(batch.first);
        offerLevels(batch.levels);
        runtime.publishAfterCommit(batch.events);
        return rows.size() - gone.size();
    }

    /**
     * Re-times the clock of {@code row} to {@code target} at the instant it took force, records it on the
     * request's timeline, sends on the levels nobody can take, and announces it through {@code batch}.
     */
    private Retiming move(Row row, Configuration target, Batch batch) {
        Retiming retimed = retime(row, target, target.effectiveFrom(), batch.callBackPending(row.processId()));
        reconfigured(row.slot(), row.owner(), retimed);
        retimed = reached(row.slot(), row.owner(), retimed);
        batch.announce(row, retimed.change());
        return retimed;
    }

    /** What one batch of clock rows holds and announces. */
    private final class Batch {

        /** The processes the batch holds. */
        final Set<String> held;
        final List<SlaEvent> events = new ArrayList<>();
        /** The processes whose clocks had their first breach, to escalate by default. */
        final Map<String, Slot> first = new HashMap<>();
        /** The groups the escalation levels reached offer each process to. */
        final Map<String, Set<String>> levels = new HashMap<>();
        /** The held processes whose call-back is pending, read at the first question. */
        private Set<String> callBacks;

        Batch(Set<String> held) {
            this.held = held;
        }

        boolean callBackPending(String processId) {
            if (callBacks == null) {
                callBacks = pendingCallBacks(held);
            }
            return callBacks.contains(processId);
        }

        /** Adds the events of {@code change} of the clock of {@code row}, its first breach and the levels it reached. */
        void announce(Row row, RequestClock.Change change) {
            events.addAll(ClockStore.events(row.owner(), change));
            levelGroups(row.processId(), change).forEach((processId, groups) -> levels.merge(processId, groups, (a, b) -> {
                Set<String> both = new LinkedHashSet<>(a);
                both.addAll(b);
                return both;
            }));
            events.addAll(escalated(row.owner(), defaultBreaches(change)));
            if (firstBreach(change)) {
                first.put(row.processId(), row.slot());
            }
        }
    }

    /** Takes up to {@code max} rows due by {@code now}, oldest first, that no other transaction holds. */
    private List<Row> takeDue(Instant now, int max) {
        return selectRows("where DUE_ <= ? order by DUE_ limit " + max + " for update skip locked",
                List.of(now.toEpochMilli()), "take the due SLA clocks");
    }

    /** Reads the rows {@code where} selects, with its parameters. */
    private static List<Row> selectRows(String where, List<Object> params, String what) {
        return OwnTables.query(what, "select PROC_INST_ID_, SLOT_, REQUEST_ID_, CUSTOMER_, ROUND_, REQUEST_, CONFIG_,"
                + " SLA_, STATE_ from " + OwnTables.table(TABLE) + " " + where, params, rs -> new Row(rs.getString(1),
                        Slot.valueOf(rs.getString(2)), new Owner(rs.getString(3), rs.getString(4), rs.getInt(5)),
                        rs.getString(6), timing(rs, 7), Json.readClock(rs.getString(9))));
    }


    /**
     * Locks the rows of those of {@code processIds} no other transaction holds, as {@link Requests#lock}
     * does for an operation, and returns them; a process another transaction holds is skipped, not waited for.
     */
    private static Set<String> lockProcesses(Set<String> processIds) {
        return new HashSet<>(ids("lock the requests of the due SLA clocks", "select ID_ from "
                + OwnTables.table("ACT_RU_EXECUTION") + " where ID_ in (" + marks(processIds.size())
                + ") for update skip locked", new ArrayList<>(processIds)));
    }

    /** Ends the clocks of {@code rows} whose process no longer exists (deleted by the host); leaves the others. */
    private static void endGone(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Set<String> ids = rows.stream().map(Row::processId).collect(Collectors.toSet());
        String table = OwnTables.table(TABLE);
        try (PreparedStatement end = OwnTables.changes().prepareStatement("update " + table + " set DUE_ = null,"
                + " DEADLINE_ = null, ENDED_ = true where PROC_INST_ID_ in (" + marks(ids.size()) + ") and not exists"
                + " (select 1 from " + OwnTables.table("ACT_RU_EXECUTION") + " e where e.ID_ = " + table
                + ".PROC_INST_ID_)")) {
            bind(end, 1, ids);
            end.executeUpdate();
        } catch (SQLException e) {
            throw OwnTables.failure("end the SLA clocks of deleted processes", e);
        }
    }

    // ---- escalation ---------------------------------------------------------------------------

    /**
     * Tells whether {@code change} announced the first breach its clock ever had: then the clock's
     * process is escalated (later breaches are only announced).
     */
    private static boolean firstBreach(RequestClock.Change change) {
        List<SlaMetric> breached = defaultBreaches(change);
        if (breached.isEmpty()) {
            return false;
        }
        for (SlaMetric metric : change.clock().metrics()) {
            if (!breached.contains(metric) && leveled(change.clock(), metric) == null
                    && change.clock().announced(metric).contains(RequestClock.BREACH)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The breaches {@code change} announced of countdowns without escalation levels: those escalate by
     * default (to the line and {@code leads}); a countdown with levels escalates by its levels alone.
     */
    private static List<SlaMetric> defaultBreaches(RequestClock.Change change) {
        return change.breached().stream().filter(m -> leveled(change.clock(), m) == null).toList();
    }

    /** Returns {@code metric}, if its countdown has escalation levels, else null. */
    private static SlaMetric leveled(RequestClock clock, SlaMetric metric) {
        return clock.countdown(metric).escalations().isEmpty() ? null : metric;
    }

    /** The groups the escalation levels {@code change} announced offer process {@code processId} to. */
    private static Map<String, Set<String>> levelGroups(String processId, RequestClock.Change change) {
        Set<String> groups = new LinkedHashSet<>();
        change.escalations().forEach(t -> groups.add(t.group()));
        return groups.isEmpty() ? Map.of() : Map.of(processId, groups);
    }

    /**
     * Sends {@code change}'s last escalation level on while nobody of its group can take the request now
     * (everyone off shift or away, see {@link Staff}): the clock goes to the next level at once, and the
     * request's timeline says who could not and why; with no level left, the request stays offered to the
     * last group, and the timeline says so too. Call inside a command.
     *
     * @return the change with the levels sent on to
     */
    private RequestClock.Change reach(Owner owner, RequestClock.Change change, WorkingCalendar calendar) {
        RequestClock.Change result = change;
        List<RequestClock.Transition> levels = change.escalations();
        Instant now = runtime.now();
        while (!levels.isEmpty()) {
            RequestClock.Transition last = levels.get(levels.size() - 1);
            if (!runtime.members().read().availableIn(last.group(), now).isEmpty()) {
                break;
            }
            String why = Offers.unavailable(runtime.members(), last.group(), now, Set.of());
            String nobody = "nobody of " + last.group() + " can take it now (" + (why.isEmpty() ? "the group has no members"
                    : why) + ")";
            RequestClock.Change next = result.clock().escalateNext(last.metric(), now, calendar);
            levels = next.escalations();
            if (levels.isEmpty()) {
                Steps.record(owner.requestId(), now, TimelineEntry.Kind.OFFERED, null, nobody
                        + ": no escalation level is left, it stays offered to " + last.group());
                break;
            }
            Steps.record(owner.requestId(), now, TimelineEntry.Kind.OFFERED, null, nobody
                    + ": escalated to the next level, " + levels.get(levels.size() - 1).group());
            List<RequestClock.Transition> all = new ArrayList<>(result.transitions());
            all.addAll(next.transitions());
            result = new RequestClock.Change(next.clock(), all, next.next());
        }
        return result;
    }

    /** {@code retimed} with the escalation levels it reached sent on as {@link #reach} does (an intake clock's). */
    private Retiming reached(Slot slot, Owner owner, Retiming retimed) {
        if (slot != Slot.INTAKE || retimed.change().escalations().isEmpty()) {
            return retimed;
        }
        return new Retiming(reach(owner, retimed.change(), retimed.calendar()), retimed.timing(), retimed.calendar(),
                retimed.deadlines(), retimed.at());
    }

    /**
     * Offers the open tasks of each process of {@code groups} to its groups too (escalation levels reached),
     * and notes them on the process ({@link Model#VAR_ESCALATED_TO}) so the request's later tasks are offered
     * to them and their members may act on it.
     */
    private static void offerLevels(Map<String, Set<String>> groups) {
        if (groups.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Set<String>> e : groups.entrySet()) {
            ExecutionEntity process = CommandContextUtil.getExecutionEntityManager().findById(e.getKey());
            List<String> to = new ArrayList<>(Json.readUsers((String) process.getVariable(Model.VAR_ESCALATED_TO, false)));
            e.getValue().stream().filter(g -> !to.contains(g)).forEach(to::add);
            process.setVariable(Model.VAR_ESCALATED_TO, Json.writeUsers(to), false);
        }
        addCandidateGroups(groups);
    }

    /**
     * Escalates the processes of {@code first} (their clock's slot, by process), whose clocks just had
     * their first breach: marks each escalated and offers its open task to more people (a request's
     * whole line and {@code leads}, for an emergency all of duty; a round's work to {@code leads}), in
     * one task query for them all.
     */
    private static void offer(Map<String, Slot> first) {
        if (first.isEmpty()) {
            return;
        }
        Map<String, Set<String>> groups = new HashMap<>();
        for (Map.Entry<String, Slot> breached : first.entrySet()) {
            String processId = breached.getKey();
            ExecutionEntity process = CommandContextUtil.getExecutionEntityManager().findById(processId);
            Slot slot = breached.getValue();
            process.setVariable(slot.escalatedVariable, true, false);
            groups.put(processId, slot == Slot.INTAKE ? Offers.groups((String) process.getVariable(Model.VAR_LINE, false),
                    true) : Set.of(SupportGroups.LEADS));
        }
        addCandidateGroups(groups);
    }

    /** Offers the open tasks of the processes of {@code groups} to their groups too, in one task query for them all. */
    private static void addCandidateGroups(Map<String, Set<String>> groups) {
        TaskService tasks = CommandContextUtil.getProcessEngineConfiguration().getTaskService();
        List<String> ids = new ArrayList<>(groups.keySet());
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            for (Task task : tasks.createTaskQuery().processInstanceIdIn(ids.subList(from,
                    Math.min(ids.size(), from + IN_LIST))).includeIdentityLinks().list()) {
                Set<String> offered = task.getIdentityLinks().stream().map(IdentityLinkInfo::getGroupId)
                        .filter(Objects::nonNull).collect(Collectors.toSet());
                for (String group : groups.get(task.getProcessInstanceId())) {
                    if (!offered.contains(group)) {
                        tasks.addCandidateGroup(task.getId(), group);
                    }
                }
            }
        }
    }

    /**
     * Escalates the request of process {@code processId} by default now, when nobody of its line is left to
     * take it (every member declined, or is off shift or away) and its rule has no escalation levels: offered
     * to its whole line and to {@code leads}, one ESCALATED event of {@code metric}, the countdown it is
     * working against; nothing when a breach escalated it before. Call inside a command, with the process locked.
     *
     * @return the events to announce after commit
     */
    public List<SlaEvent> escalateNow(String processId, Owner owner, boolean escalatedBefore, SlaMetric metric,
            Instant now) {
        if (escalatedBefore) {
            return List.of();
        }
        offer(Map.of(processId, Slot.INTAKE));
        return new ArrayList<>(List.of(new SlaEvent(SlaEvent.Type.ESCALATED, owner.requestId(), owner.customer(), metric,
                now, 0, owner.round(), 0, SupportGroups.LEADS)));
    }

    private List<SlaEvent> escalated(Owner owner, List<SlaMetric> metrics) {
        List<SlaEvent> events = new ArrayList<>();
        for (SlaMetric metric : metrics) {
            events.add(new SlaEvent(SlaEvent.Type.ESCALATED, owner.requestId(), owner.customer(), metric,
                    runtime.now(), RequestClock.BREACH, owner.round(), 0, SupportGroups.LEADS));
        }
        return events;
    }

    // ---- plumbing -----------------------------------------------------------------------------

    private static List<SlaEvent> events(Owner owner, RequestClock.Change change) {
        List<SlaEvent> events = new ArrayList<>();
        for (RequestClock.Transition t : change.transitions()) {
            SlaEvent.Type type = switch (t.kind()) {
                case PAUSED -> SlaEvent.Type.PAUSED;
                case RESUMED -> SlaEvent.Type.RESUMED;
                case MET -> SlaEvent.Type.MET;
                case WARNING -> SlaEvent.Type.WARNING;
                case BREACHED -> SlaEvent.Type.BREACHED;
                case ESCALATED -> SlaEvent.Type.ESCALATED;
            };
            events.add(new SlaEvent(type, owner.requestId(), owner.customer(), t.metric(), t.at(), t.threshold(),
                    owner.round(), 0, t.group()));
        }
        return events;
    }

    /** The due column of a clock: its next threshold in epoch milliseconds, rounded up; null while paused or ended. */
    private static Long due(RequestClock clock, Optional<Instant> next) {
        return clock.ended() ? null : next.map(t -> ceilMillis(t).toEpochMilli()).orElse(null);
    }

    /** The status of each countdown of {@code clock} at {@code now}, computed once for the row's columns. */
    private static Map<SlaMetric, CountdownStatus> statuses(RequestClock clock, Instant now, WorkingCalendar calendar) {
        Map<SlaMetric, CountdownStatus> statuses = new EnumMap<>(SlaMetric.class);
        for (SlaMetric metric : clock.metrics()) {
            statuses.put(metric, clock.status(metric, now, calendar));
        }
        return statuses;
    }

    /** The deadline column of a clock: the nearest deadline of its running countdowns, or null when none runs. */
    private static Long deadline(Map<SlaMetric, CountdownStatus> statuses) {
        Long nearest = null;
        for (CountdownStatus s : statuses.values()) {
            if (s.state() == CountdownState.RUNNING) {
                long due = s.due().toEpochMilli();
                nearest = nearest == null ? due : Math.min(nearest, due);
            }
        }
        return nearest;
    }

    /**
     * The work-order deadline column of a clock ({@link WorkItem#due()}): the
     * response's deadline until it is met, then the resolution's.
     */
    private static Long workDue(Map<SlaMetric, CountdownStatus> statuses) {
        CountdownStatus response = statuses.get(SlaMetric.RESPONSE);
        if (response != null && response.state() != CountdownState.MET) {
            return response.due().toEpochMilli();
        }
        return statuses.get(SlaMetric.RESOLUTION).due().toEpochMilli();
    }

    static Instant ceilMillis(Instant t) {
        Instant down = t.truncatedTo(ChronoUnit.MILLIS);
        return down.equals(t) ? t : down.plusMillis(1);
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement s, int first, Collection<String> values) throws SQLException {
        int i = first;
        for (String v : values) {
            s.setString(i++, v);
        }
    }
}
