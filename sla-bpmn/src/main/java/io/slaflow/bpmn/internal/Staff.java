package io.slaflow.bpmn.internal;

import io.slaflow.bpmn.Absence;
import io.slaflow.bpmn.StaffMember;
import io.slaflow.core.ValidationException;
import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.internal.GroupIds;
import io.slaflow.core.policy.EscalationLevel;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.policy.RuleBasedPolicy;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.policy.SlaRule;
import io.slaflow.core.routing.SupportGroups;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.interceptor.CommandContext;

/**
 * The staff directory in the engine's database, shared by every node: who belongs to which group
 * ({@code SLA_MEMBER}), each member's shifts ({@code SLA_SHIFTS}, a calendar as text), their absences
 * ({@code SLA_ABSENCE}), and where each group's rotation stands ({@code SLA_ROTATION}: the member last
 * offered an emergency). A command reads the directory once, at its first question, and keeps what it
 * read until it ends ({@link #read()}); a node keeps the directory it read last with its version
 * ({@code SLA_STAFF_VERSION}, one row every change counts up), so a command reads one row unless the
 * directory changed. Changes are written in the command that checks them, with the member's rows
 * locked, so two nodes never store overlapping absences.
 *
 * <p>The members given to the engine's builder are joined at start, unless they are members already.
 * Thread-safe.
 */
public final class Staff {

    static final String MEMBER = "SLA_MEMBER";
    static final String SHIFTS = "SLA_SHIFTS";
    static final String ABSENCE = "SLA_ABSENCE";
    static final String ROTATION = "SLA_ROTATION";
    /** One row, the directory's version: every change adds one, so a node rereads only after a change. */
    static final String VERSION = "SLA_STAFF_VERSION";

    /** The command attribute holding the directory as the command read it. */
    private static final String READ = Staff.class.getName() + ".read";
    /** The command attribute that says the command changed the directory (what it reads then is not shared). */
    private static final String CHANGED = Staff.class.getName() + ".changed";

    private final List<Map.Entry<String, String>> seeded;
    /** Shifts parsed once per text: a member's calendar is read on every command that asks. */
    private final Map<String, WorkingCalendar> calendars = new ConcurrentHashMap<>();
    /** The directory as last read from the database by this node, with its version; null before. */
    private volatile Versioned last;

    private record Versioned(long version, Directory directory) {
    }

    /**
     * Creates the directory.
     *
     * @param seeded pairs of user id and group the builder was given, joined at start
     */
    public Staff(List<Map.Entry<String, String>> seeded) {
        this.seeded = List.copyOf(seeded);
    }

    // ---- schema and start ---------------------------------------------------------------------

    /** Creates the directory's tables unless they exist. Call inside a command. */
    static void createTables() throws SQLException {
        try (Statement ddl = OwnTables.connection().createStatement()) {
            if (!OwnTables.exists(OwnTables.table(MEMBER))) {
                ddl.execute("create table if not exists " + OwnTables.table(MEMBER) + " (USER_ varchar(255) not null,"
                        + " GROUP_ varchar(255) not null, SINCE_ bigint not null, ORDER_ bigint not null,"
                        + " primary key (USER_, GROUP_))");
            }
            if (!OwnTables.exists(OwnTables.table(SHIFTS))) {
                ddl.execute("create table if not exists " + OwnTables.table(SHIFTS) + " (USER_ varchar(255) not null"
                        + " primary key, CALENDAR_ varchar not null)");
            }
            if (!OwnTables.exists(OwnTables.table(ABSENCE))) {
                ddl.execute("create table if not exists " + OwnTables.table(ABSENCE) + " (USER_ varchar(255) not null,"
                        + " FROM_ bigint not null, TO_ bigint not null, REASON_ varchar(1000) not null,"
                        + " primary key (USER_, FROM_))");
            }
            if (!OwnTables.exists(OwnTables.table(ROTATION))) {
                ddl.execute("create table if not exists " + OwnTables.table(ROTATION) + " (GROUP_ varchar(255) not null"
                        + " primary key, LAST_ bigint not null)");
            }
            if (!OwnTables.exists(OwnTables.table(VERSION))) {
                ddl.execute("create table if not exists " + OwnTables.table(VERSION) + " (ID_ integer not null"
                        + " primary key, VERSION_ bigint not null)");
            }
        }
        if (OwnTables.query("read the staff directory's version", "select VERSION_ from " + OwnTables.table(VERSION),
                List.of(), rs -> rs.getLong(1)).isEmpty()) {
            write("number the staff directory", "insert into " + OwnTables.table(VERSION) + " (ID_, VERSION_) values (?, ?)",
                    1, 0L);   // two nodes at once: one fails on the key, and its start runs again
        }
    }

    /** Joins the builder's members who are not members of their group yet. Call inside a command. */
    void seed(Instant now) {
        Directory directory = read();
        boolean joined = false;
        for (Map.Entry<String, String> m : seeded) {
            if (!directory.groupsOf(m.getKey()).contains(m.getValue())) {
                insertMember(m.getKey(), m.getValue(), now);
                joined = true;
            }
        }
        if (joined) {
            forget();
        }
    }

    // ---- reading ------------------------------------------------------------------------------

    /**
     * Returns the directory as this command read it, reading it at the first call: its version (one row),
     * and the directory itself only when another change was stored since this node last read it. Call
     * inside a command.
     */
    public Directory read() {
        CommandContext command = Context.getCommandContext();
        Object read = command.getAttribute(READ);
        if (read instanceof Directory d) {
            return d;
        }
        long version = OwnTables.query("read the staff directory's version", "select VERSION_ from "
                + OwnTables.table(VERSION), List.of(), rs -> rs.getLong(1)).get(0);
        Versioned known = last;
        Directory d;
        if (known != null && known.version() == version && command.getAttribute(CHANGED) == null) {
            d = known.directory();
        } else {
            d = load();
            if (command.getAttribute(CHANGED) == null) {
                last = new Versioned(version, d);       // never what this command changed: it may roll back
            }
        }
        command.addAttribute(READ, d);
        return d;
    }

    /** Tells whether {@code user} belongs to a group. Call inside a command. */
    public boolean isKnown(String user) {
        return read().isKnown(user);
    }

    /** Returns the groups of {@code user}, empty if unknown. Call inside a command. */
    public Set<String> groupsOf(String user) {
        return read().groupsOf(user);
    }

    /** Counts a change of the directory (a new version) and forgets what this command read. */
    private static void forget() {
        CommandContext command = Context.getCommandContext();
        write("count a change of the staff directory", "update " + OwnTables.table(VERSION)
                + " set VERSION_ = VERSION_ + 1 where ID_ = ?", 1);
        command.addAttribute(CHANGED, Boolean.TRUE);
        command.removeAttribute(READ);
    }

    private Directory load() {
        Map<String, TreeSet<String>> groups = new TreeMap<>();
        Map<String, List<Turn>> turns = new HashMap<>();
        OwnTables.query("read the staff directory", "select USER_, GROUP_, ORDER_ from " + OwnTables.table(MEMBER)
                + " order by ORDER_, USER_", List.of(), rs -> {
                    groups.computeIfAbsent(rs.getString(1), u -> new TreeSet<>()).add(rs.getString(2));
                    return turns.computeIfAbsent(rs.getString(2), g -> new ArrayList<>())
                            .add(new Turn(rs.getString(1), rs.getLong(3)));
                });
        Map<String, WorkingCalendar> shifts = new HashMap<>();
        OwnTables.query("read the shifts of the staff", "select USER_, CALENDAR_ from " + OwnTables.table(SHIFTS),
                List.of(), rs -> shifts.put(rs.getString(1), calendars.computeIfAbsent(rs.getString(2),
                        SlaPolicies::parseCalendar)));
        Map<String, List<Absence>> absences = new HashMap<>();
        OwnTables.query("read the absences of the staff", "select USER_, FROM_, TO_, REASON_ from "
                + OwnTables.table(ABSENCE) + " order by USER_, FROM_", List.of(), rs -> absences.computeIfAbsent(
                        rs.getString(1), u -> new ArrayList<>()).add(new Absence(Instant.ofEpochMilli(rs.getLong(2)),
                                Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4))));
        Map<String, StaffMember> members = new TreeMap<>();
        groups.forEach((user, of) -> members.put(user, new StaffMember(user, of, Optional.ofNullable(shifts.get(user)),
                absences.getOrDefault(user, List.of()))));
        Map<String, List<Turn>> rotations = new HashMap<>();
        turns.forEach((group, list) -> rotations.put(group, List.copyOf(list)));
        return new Directory(members, rotations);
    }

    /**
     * A member's place in a group's rotation: groups offer in the order members joined.
     *
     * @param user the member
     * @param order the membership's place, rising with each join
     */
    public record Turn(String user, long order) {
    }

    /**
     * The directory as one command read it.
     *
     * @param members every member by user id, in user id order
     * @param turns each group's members in rotation order (the order they joined)
     */
    public record Directory(Map<String, StaffMember> members, Map<String, List<Turn>> turns) {

        /** Tells whether {@code user} belongs to a group. */
        public boolean isKnown(String user) {
            return members.containsKey(user);
        }

        /** Returns the groups of {@code user}, empty if unknown. */
        public Set<String> groupsOf(String user) {
            StaffMember m = members.get(user);
            return m == null ? Set.of() : m.groups();
        }

        /** Returns the members of {@code group} in rotation order (the order they joined). */
        public List<StaffMember> membersOf(String group) {
            return turns.getOrDefault(group, List.of()).stream().map(t -> members.get(t.user())).toList();
        }

        /** Returns the turns of the members of {@code group} available at {@code at}, in rotation order. */
        List<Turn> availableTurns(String group, Instant at) {
            return turns.getOrDefault(group, List.of()).stream().filter(t -> members.get(t.user()).availableAt(at)).toList();
        }

        /** Returns the members of {@code group} available at {@code at}, in rotation order. */
        public List<String> availableIn(String group, Instant at) {
            return availableTurns(group, at).stream().map(Turn::user).toList();
        }

        /** Returns why {@code user} may not take work at {@code at}; empty when available or unknown. */
        public Optional<String> unavailableBecause(String user, Instant at) {
            StaffMember m = members.get(user);
            return m == null ? Optional.empty() : m.unavailableBecause(at);
        }
    }

    /**
     * Lists every escalation level of {@code file} whose group is unknown: not one of the desk's groups
     * ({@link SupportGroups}, the groups its routing names) and without a member in the directory. A level
     * to such a group would offer the request to nobody, for ever. Call inside a command.
     *
     * @return the problems, each with the level's path in the file; empty when every group is known
     */
    public List<String> unknownLevelGroups(PolicyFile file) {
        Set<String> known = new TreeSet<>(List.of(SupportGroups.CONSULTANTS, SupportGroups.ANALYSTS,
                SupportGroups.PROGRAMMERS, SupportGroups.DUTY, SupportGroups.LEADS));
        known.addAll(file.routing().groups());
        read().members().values().forEach(m -> known.addAll(m.groups()));
        List<String> problems = new ArrayList<>();
        boolean first = true;
        for (RuleBasedPolicy policy : file.policies().values()) {
            String prefix = first ? "targets" : "policies." + policy.name() + ".targets";
            first = false;
            List<SlaRule> rules = policy.rules();
            for (int i = 0; i < rules.size(); i++) {
                List<EscalationLevel> levels = rules.get(i).escalation();
                for (int j = 0; j < levels.size(); j++) {
                    if (!known.contains(levels.get(j).group())) {
                        problems.add(prefix + "[" + i + "].escalate[" + j + "].to: names group '" + levels.get(j).group()
                                + "', which nobody belongs to and the desk does not name; join its members first"
                                + " (SlaEngine.staff().join or the builder's member) (known groups: " + known + ")");
                    }
                }
            }
        }
        return problems;
    }

    // ---- the rotation -------------------------------------------------------------------------

    /**
     * Returns the next member of {@code group} in rotation who is available at {@code at} and not in
     * {@code skip}, and notes them as the group's last offer; null when nobody is (the rotation does not
     * move). The group's rotation row is locked until the command ends, so nodes take turns: the member
     * who joined after the last one offered, wrapping round (a member who left keeps their place in the
     * count, so the turn passes to whoever joined after them). Call inside a command.
     */
    public String nextInRotation(String group, Instant at, Collection<String> skip) {
        List<Turn> available = read().availableTurns(group, at).stream().filter(t -> !skip.contains(t.user())).toList();
        if (available.isEmpty()) {
            return null;
        }
        String table = OwnTables.table(ROTATION);
        List<Long> last = OwnTables.query("take the rotation of " + group, "select LAST_ from " + table
                + " where GROUP_ = ? for update", List.of(group), rs -> rs.getLong(1));
        Turn next = available.stream().filter(t -> last.isEmpty() || t.order() > last.get(0)).findFirst()
                .orElse(available.get(0));
        write("note the rotation of " + group, last.isEmpty() ? "insert into " + table + " (LAST_, GROUP_) values (?, ?)"
                : "update " + table + " set LAST_ = ? where GROUP_ = ?", next.order(), group);
        return next.user();
    }

    // ---- changes ------------------------------------------------------------------------------

    /** Joins {@code user} to {@code group}; nothing when a member already. Call inside a command. */
    public void join(String user, String group, Instant now) {
        List<String> problems = new ArrayList<>();
        checkUser(user, problems);
        if (group == null || !GroupIds.valid(group)) {
            problems.add("group " + GroupIds.RULE + " (was " + quoted(group) + ")");
        }
        refuse("staff change: join", problems);
        lockUser(user);
        if (!read().groupsOf(user).contains(group)) {
            insertMember(user, group, now);
            forget();
        }
    }

    /**
     * Takes {@code user} out of {@code group}; a member of no group any more loses their shifts and
     * absences too. Call inside a command.
     *
     * @throws ValidationException if the user is not a member of the group
     */
    public void leave(String user, String group) {
        lockUser(user);
        Directory d = read();
        if (!d.groupsOf(user).contains(group)) {
            refuse("staff change: leave", List.of(unknownMembership(d, user, group)));
        }
        write("take " + user + " out of " + group, "delete from " + OwnTables.table(MEMBER)
                + " where USER_ = ? and GROUP_ = ?", user, group);
        if (d.groupsOf(user).size() == 1) {
            write("forget the shifts of " + user, "delete from " + OwnTables.table(SHIFTS) + " where USER_ = ?", user);
            write("forget the absences of " + user, "delete from " + OwnTables.table(ABSENCE) + " where USER_ = ?", user);
        }
        forget();
    }

    /** Sets or clears ({@code shifts} null) the shifts of {@code user}. Call inside a command. */
    public void shifts(String user, WorkingCalendar shifts) {
        lockUser(user);
        requireMember(user, "staff change: shifts");
        write("clear the shifts of " + user, "delete from " + OwnTables.table(SHIFTS) + " where USER_ = ?", user);
        if (shifts != null) {
            write("set the shifts of " + user, "insert into " + OwnTables.table(SHIFTS) + " (CALENDAR_, USER_)"
                    + " values (?, ?)", SlaPolicies.calendarToYaml(shifts), user);
        }
        forget();
    }

    /**
     * Adds absences of {@code user}: all or none.
     *
     * @throws ValidationException naming every absence that overlaps another, given or stored, or an
     *     unknown user
     */
    public void absent(String user, List<Absence> absences) {
        lockUser(user);
        requireMember(user, "staff change: absences");
        List<Absence> stored = read().members().get(user).absences();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < absences.size(); i++) {
            Absence a = absences.get(i);
            for (Absence s : stored) {
                if (a.overlaps(s)) {
                    problems.add("absences[" + i + "] (" + a.from() + " to " + a.to() + ") overlaps the stored absence "
                            + s.from() + " to " + s.to() + " (" + s.reason() + ")");
                }
            }
            for (int j = 0; j < i; j++) {
                if (a.overlaps(absences.get(j))) {
                    problems.add("absences[" + i + "] (" + a.from() + " to " + a.to() + ") overlaps absences[" + j + "] ("
                            + absences.get(j).from() + " to " + absences.get(j).to() + ")");
                }
            }
        }
        refuse("staff change: absences of " + user, problems);
        for (Absence a : absences) {
            try (PreparedStatement insert = OwnTables.changes().prepareStatement("insert into " + OwnTables.table(ABSENCE)
                    + " (USER_, FROM_, TO_, REASON_) values (?, ?, ?, ?)")) {
                insert.setString(1, user);
                insert.setLong(2, a.from().toEpochMilli());
                insert.setLong(3, a.to().toEpochMilli());
                insert.setString(4, a.reason());
                insert.executeUpdate();
            } catch (SQLException e) {
                throw OwnTables.failure("store an absence of " + user, e);
            }
        }
        forget();
    }

    /**
     * Removes the absence of {@code user} that starts at {@code from}.
     *
     * @throws ValidationException if there is none
     */
    public void cancelAbsence(String user, Instant from) {
        lockUser(user);
        requireMember(user, "staff change: cancel an absence");
        boolean found = read().members().get(user).absences().stream().anyMatch(a -> a.from().equals(from));
        if (!found) {
            refuse("staff change: cancel an absence", List.of(user + " has no absence from " + from));
        }
        write("cancel an absence of " + user, "delete from " + OwnTables.table(ABSENCE) + " where USER_ = ? and FROM_ = ?",
                user, from.toEpochMilli());
        forget();
    }

    // ---- plumbing -----------------------------------------------------------------------------

    /** Locks the rows of {@code user}'s memberships until the command ends: one change of a member at a time. */
    private static void lockUser(String user) {
        OwnTables.query("lock the member " + user, "select USER_ from " + OwnTables.table(MEMBER)
                + " where USER_ = ? for update", List.of(user), rs -> rs.getString(1));
    }

    private void requireMember(String user, String what) {
        if (!read().isKnown(user)) {
            refuse(what, List.of("unknown member " + quoted(user) + ": join them to a group first"));
        }
    }

    private static String unknownMembership(Directory d, String user, String group) {
        return d.isKnown(user) ? user + " is not a member of " + group + " (their groups are " + d.groupsOf(user) + ")"
                : "unknown member " + quoted(user);
    }

    private static void checkUser(String user, List<String> problems) {
        if (user == null || user.isBlank() || user.length() > 255) {
            problems.add("user must be 1 to 255 characters, not blank (was " + quoted(user) + ")");
        }
    }

    private static String quoted(String s) {
        return s == null ? "null" : "'" + s + "'";
    }

    private static void refuse(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new ValidationException(what, problems);
        }
    }

    private static void insertMember(String user, String group, Instant now) {
        String table = OwnTables.table(MEMBER);
        write("join " + user + " to " + group, "insert into " + table + " (USER_, GROUP_, SINCE_, ORDER_) select ?, ?, ?,"
                + " coalesce(max(ORDER_), 0) + 1 from " + table, user, group, now.toEpochMilli());
    }

    private static void write(String what, String sql, Object... params) {
        try (PreparedStatement s = OwnTables.changes().prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw OwnTables.failure(what, e);
        }
    }
}
