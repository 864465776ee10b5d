package io.slaflow.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slaflow.core.calendar.Easter;
import io.slaflow.core.calendar.HolidayRule;
import io.slaflow.core.calendar.HolidaySet;
import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The law: every policy, and every policy file, printed with {@link SlaPolicies#toYaml} reads back as
 * an equal one.
 */
class PolicyYamlRoundTripPropertyTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Kyiv"), ZoneId.of("UTC"),
            ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"), ZoneId.of("+02:00"), ZoneId.of("Etc/GMT+5"));

    /** A day's shifts: none, 08-22, whole day, overnight, or two shifts with a lunch break. */
    private static final List<List<LocalTime[]>> DAY_PLANS = List.of(
            List.of(),
            List.<LocalTime[]>of(new LocalTime[] {LocalTime.of(8, 0), LocalTime.of(22, 0)}),
            List.<LocalTime[]>of(new LocalTime[] {LocalTime.MIDNIGHT, LocalTime.MIDNIGHT}),
            List.<LocalTime[]>of(new LocalTime[] {LocalTime.of(22, 0), LocalTime.of(6, 0)}),
            List.of(new LocalTime[] {LocalTime.of(9, 0), LocalTime.of(13, 0)},
                    new LocalTime[] {LocalTime.of(14, 0), LocalTime.of(18, 0, 30)}));

    @Property(tries = 100)
    void printedPolicyReadsBackEqual(@ForAll("policies") RuleBasedPolicy policy) {
        String yaml = SlaPolicies.toYaml(policy);
        assertEquals(policy, SlaPolicies.parse(yaml), yaml);
    }

    @Property(tries = 50)
    void printedPolicyFileReadsBackEqual(@ForAll("policies") RuleBasedPolicy policy,
            @ForAll Set<RequestKind> specificationRequired) {
        PolicyFile file = PolicyFile.of(policy, List.of()).withSpecificationRequired(specificationRequired);
        String yaml = SlaPolicies.toYaml(file);
        assertEquals(file, SlaPolicies.parseFile(yaml), yaml);
    }

    @Property(tries = 50)
    void printedDeskReadsBackEqual(@ForAll("desks") PolicyFile file) {
        String yaml = SlaPolicies.toYaml(file);
        assertEquals(file, SlaPolicies.parseFile(yaml), yaml);
    }

    /** Whole desks: a default policy, up to two more on its calendars, contracts naming them, and the rest. */
    /** The law for one calendar alone, as the staff directory stores a member's shifts. */
    @Property(tries = 300)
    void everyCalendarReadsBackEqual(@ForAll("calendars") WorkingCalendar calendar) {
        String yaml = SlaPolicies.calendarToYaml(calendar);
        assertEquals(calendar, SlaPolicies.parseCalendar(yaml), yaml);
    }

    @Provide
    Arbitrary<WorkingCalendar> calendars() {
        return calendar();
    }

    @Provide
    Arbitrary<PolicyFile> desks() {
        return policies().flatMap(standard -> {
            List<String> calendars = List.copyOf(standard.calendars().keySet());
            Arbitrary<List<RuleBasedPolicy>> others = Combinators.combine(text().filter(n -> !n.equals(standard.name())),
                    rule(calendars).list().ofMinSize(1).ofMaxSize(4))
                    .as((name, rules) -> policy(name, new Object[] {calendars,
                            calendars.stream().map(standard.calendars()::get).toList(), rules}))
                    .list().ofMaxSize(2).uniqueElements(RuleBasedPolicy::name);
            Arbitrary<List<Integer>> contracts = Arbitraries.integers().between(0, 2).list().ofMaxSize(3);
            Arbitrary<Integer> routing = Arbitraries.integers().between(0, 2);
            Arbitrary<Duration> callBack = Arbitraries.longs().between(1, 7 * 24 * 3600).map(Duration::ofSeconds);
            Arbitrary<List<RequestKind>> order = Arbitraries.shuffle(RequestKind.values());
            Arbitrary<Set<Integer>> cuts = Arbitraries.integers().between(1, RequestKind.values().length - 1).set();
            Arbitrary<Set<RequestKind>> kinds = Arbitraries.of(RequestKind.class).set();
            return Combinators.combine(others, contracts, routing, callBack, order, cuts, kinds, kinds)
                    .as((o, c, r, cb, ord, cut, spec, acc) -> desk(standard, o, c, r, cb, workOrder(ord, cut), spec, acc));
        });
    }

    private static PolicyFile desk(RuleBasedPolicy standard, List<RuleBasedPolicy> others, List<Integer> contracts,
            int routing, Duration callBack, io.slaflow.core.routing.WorkOrder workOrder, Set<RequestKind> spec,
            Set<RequestKind> acceptance) {
        PolicyFile.Builder b = PolicyFile.builder(standard).callBacks(io.slaflow.core.routing.CallBackPolicy.of(callBack))
                .workOrder(workOrder).specificationRequired(spec).acceptanceRequired(acceptance).routing(ROUTINGS.get(routing));
        others.forEach(b::policy);
        List<String> names = new ArrayList<>(List.of(standard.name()));
        others.forEach(o -> names.add(o.name()));
        for (int i = 0; i < contracts.size(); i++) {
            b.contract(io.slaflow.core.contract.ServiceContract.builder().customer("customer " + i)
                    .policy(names.get(contracts.get(i) % names.size())).zone(ZoneId.of("UTC"))
                    .paymentTerms(io.slaflow.core.contract.PaymentTerms.values()[i % 3]).build());
        }
        return b.build();
    }

    private static io.slaflow.core.routing.WorkOrder workOrder(List<RequestKind> order, Set<Integer> cuts) {
        List<Set<RequestKind>> classes = new ArrayList<>();
        Set<RequestKind> current = new java.util.HashSet<>();
        for (int i = 0; i < order.size(); i++) {
            if (cuts.contains(i)) {
                classes.add(current);
                current = new java.util.HashSet<>();
            }
            current.add(order.get(i));
        }
        classes.add(current);
        return io.slaflow.core.routing.WorkOrder.of(classes);
    }

    private static final List<io.slaflow.core.routing.RoutingRules> ROUTINGS = List.of(
            io.slaflow.core.routing.RoutingRules.defaults(),
            io.slaflow.core.routing.RoutingRules.builder().intake(io.slaflow.core.routing.RequestMatch.any(), "desk").build(),
            io.slaflow.core.routing.RoutingRules.builder()
                    .intake(io.slaflow.core.routing.RequestMatch.any().severities(Severity.CRITICAL)
                            .tiers(RequesterTier.KEY_USER), "true")
                    .intake(io.slaflow.core.routing.RequestMatch.any(), "first.line")
                    .handOff("first.line", io.slaflow.core.routing.RequestMatch.any().kinds(RequestKind.UPDATE,
                            RequestKind.DEVELOPMENT), "2nd-line")
                    .handOffFromAny(io.slaflow.core.routing.RequestMatch.any(), "123")
                    .build());

    @Provide
    Arbitrary<RuleBasedPolicy> policies() {
        Arbitrary<List<String>> calendarNames = text().list().ofMinSize(1).ofMaxSize(3).uniqueElements();
        return Combinators.combine(text(), calendarNames.flatMap(names -> Combinators.combine(
                        calendar().list().ofSize(names.size()), rule(names).list().ofMinSize(1).ofMaxSize(6))
                .as((calendars, rules) -> new Object[] {names, calendars, rules})))
                .as(PolicyYamlRoundTripPropertyTest::policy);
    }

    @SuppressWarnings("unchecked")
    private static RuleBasedPolicy policy(String name, Object[] parts) {
        List<String> names = (List<String>) parts[0];
        List<WorkingCalendar> calendars = (List<WorkingCalendar>) parts[1];
        RuleBasedPolicy.Builder policy = SlaPolicy.builder(name);
        for (int i = 0; i < names.size(); i++) {
            policy.calendar(names.get(i), calendars.get(i));
        }
        // keep only rules that win a combination not yet taken, and close with a catch-all if needed
        List<SlaRule.Builder> kept = new ArrayList<>();
        boolean[] covered = new boolean[Combinations.COUNT];
        for (SlaRule.Builder rule : (List<SlaRule.Builder>) parts[2]) {
            boolean wins = false;
            for (int c = 0; c < Combinations.COUNT; c++) {
                if (!covered[c] && rule.matches(c)) {
                    covered[c] = wins = true;
                }
            }
            if (wins) {
                kept.add(rule);
            }
        }
        for (boolean c : covered) {
            if (!c) {
                kept.add(SlaRule.builder().calendar(names.get(0)).response(Duration.ofHours(1)).resolution(Duration.ofHours(2)));
                break;
            }
        }
        kept.forEach(policy::rule);
        return policy.build();
    }

    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').withChars('-', '_').ofMinLength(1).ofMaxLength(10),
                Arbitraries.strings().withChars("ab :#\"'\\\n\t{}[],&*!|>%@`ЖЇ€-").ofMinLength(1).ofMaxLength(8)
                        .filter(s -> !s.isBlank()),
                Arbitraries.of("yes", "no", "true", "null", "~", "123", "0.5", "on", "2026-01-01"));
    }

    private static Arbitrary<WorkingCalendar> calendar() {
        Arbitrary<List<Integer>> week = Arbitraries.integers().between(0, DAY_PLANS.size() - 1).list().ofSize(7)
                .filter(plans -> plans.stream().anyMatch(p -> p > 0));
        Arbitrary<Set<LocalDate>> holidays = date().set().ofMaxSize(3);
        Arbitrary<Set<LocalDate>> workingDays = date().set().ofMaxSize(2);
        Arbitrary<Set<Integer>> extras = Arbitraries.integers().between(1, 4).set().ofMaxSize(4);
        return Combinators.combine(Arbitraries.of(ZONES), week, holidays, workingDays, extras)
                .as(PolicyYamlRoundTripPropertyTest::calendar);
    }

    private static WorkingCalendar calendar(ZoneId zone, List<Integer> week, Set<LocalDate> holidays, Set<LocalDate> days,
            Set<Integer> extras) {
        WorkingCalendar.Builder b = WorkingCalendar.builder(zone);
        plain(b, week, holidays, days);
        // Holiday rules, a production calendar, transfers: on dates after the plain ones' range.
        if (extras.contains(1)) {
            b.holidayRule(HolidayRule.easter(Easter.ORTHODOX, 49).named("Трійця \"x\": #1")
                    .onDayOff(HolidayRule.OnDayOff.NEXT_WORKING_DAY));
        }
        if (extras.contains(2)) {
            b.holidays(HolidaySet.of("KZ")).notHoliday(LocalDate.of(2028, 3, 8));
        }
        if (extras.contains(3)) {
            b.dayOff(LocalDate.of(2028, 5, 2)).workingDayAs(LocalDate.of(2028, 5, 6), LocalDate.of(2028, 5, 2))
                    .shortBeforeHolidays(Duration.ofMinutes(30));
        }
        if (extras.contains(4)) {
            b.holidayRule(HolidayRule.nthWeekday(-1, DayOfWeek.FRIDAY, java.time.Month.MAY).fromYear(2026).untilYear(2030))
                    .holidayRule(HolidayRule.dates(LocalDate.of(2028, 1, 3), LocalDate.of(2028, 1, 5)));
        }
        return b.build();
    }

    private static void plain(WorkingCalendar.Builder b, List<Integer> week, Set<LocalDate> holidays, Set<LocalDate> days) {
        for (DayOfWeek day : DayOfWeek.values()) {
            for (LocalTime[] shift : DAY_PLANS.get(week.get(day.ordinal()))) {
                b.shift(day, shift[0], shift[1]);
            }
        }
        holidays.forEach(b::holiday);
        days.stream().filter(d -> !holidays.contains(d)).forEach(d -> b.workingDay(d, LocalTime.of(10, 0), LocalTime.of(15, 0)));
    }

    private static Arbitrary<LocalDate> date() {
        return Arbitraries.integers().between(0, 800).map(d -> LocalDate.of(2025, 1, 1).plusDays(d));
    }

    private static Arbitrary<SlaRule.Builder> rule(List<String> calendars) {
        Arbitrary<Set<Severity>> severities = Arbitraries.of(Severity.class).set();
        Arbitrary<Set<RequestKind>> kinds = Arbitraries.of(RequestKind.class).set().ofMaxSize(3);
        Arbitrary<Set<RequesterTier>> tiers = Arbitraries.of(RequesterTier.class).set();
        Arbitrary<Long> response = Arbitraries.longs().between(1, 48 * 3600);
        Arbitrary<Long> extra = Arbitraries.longs().between(0, 200 * 3600);
        Arbitrary<Set<Double>> warnAt = Arbitraries.of(0.1, 0.25, 1.0 / 3, 0.5, 0.75, 0.9, 0.999).set().ofMaxSize(3);
        Arbitrary<Duration> rework = Arbitraries.longs().between(1, 100 * 3600).map(Duration::ofSeconds).injectNull(0.5);
        Arbitrary<SlaRule.Builder> base = Combinators.combine(severities, kinds, tiers, Arbitraries.of(calendars),
                response, extra, warnAt, rework)
                .as((s, k, t, calendar, r, x, w, rw) -> SlaRule.builder()
                        .severity(s.toArray(Severity[]::new)).kind(k.toArray(RequestKind[]::new))
                        .tier(t.toArray(RequesterTier[]::new)).calendar(calendar)
                        .response(Duration.ofSeconds(r)).resolution(Duration.ofSeconds(r + x)).rework(rw)
                        .warnAt(w.stream().sorted().mapToDouble(Double::doubleValue).toArray()));
        Arbitrary<Duration> start = Arbitraries.longs().between(1, 8 * 3600).map(Duration::ofSeconds).injectNull(0.5);
        Arbitrary<Duration> nextReply = Arbitraries.longs().between(1, 48 * 3600).map(Duration::ofSeconds).injectNull(0.5);
        return Combinators.combine(base, start, nextReply, escalation())
                .as((rule, st, nr, levels) -> levels.isEmpty() ? rule.start(st).nextReply(nr)
                        : rule.start(st).nextReply(nr).escalate(levels.toArray(EscalationLevel[]::new)));
    }

    /** Escalation levels in rising order (the at levels first), or none for the default escalation. */
    private static Arbitrary<List<EscalationLevel>> escalation() {
        Arbitrary<Set<Double>> fractions = Arbitraries.of(0.1, 1.0 / 3, 0.5, 0.75, 0.9, 1.0).set().ofMaxSize(3);
        Arbitrary<Set<Long>> pastDeadline = Arbitraries.longs().between(1, 100 * 3600).set().ofMaxSize(2);
        Arbitrary<String> group = Arbitraries.of("leads", "directors", "1st-line", "a.b_c", "yes", "null", "0.5");
        return Combinators.combine(fractions, pastDeadline, group.list().ofSize(5)).as((f, p, g) -> {
            List<EscalationLevel> levels = new ArrayList<>();
            f.stream().sorted().forEach(at -> levels.add(EscalationLevel.at(at, g.get(levels.size()))));
            p.stream().sorted().forEach(s -> levels.add(EscalationLevel.after(Duration.ofSeconds(s), g.get(levels.size()))));
            return levels;
        });
    }
}
