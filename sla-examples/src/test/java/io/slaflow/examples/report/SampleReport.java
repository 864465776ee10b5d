package io.slaflow.examples.report;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.Explanation;
import io.slaflow.core.countdown.Segment;
import io.slaflow.core.countdown.SegmentKind;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A fixed synthetic report for rendering tests: a week of requests drawn from a seeded random source
 * (no engine involved), with working times laid on the README's example calendars, three scenarios, and a few
 * hostile subjects.
 */
final class SampleReport {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    static final Instant START = ZonedDateTime.of(2026, 3, 9, 0, 0, 0, 0, KYIV).toInstant();
    static final int DAYS = 7;
    static final List<String> GROUPS = List.of("consultants", "analysts", "programmers", "duty");
    static final String SCRIPT_SUBJECT = "<script>document.title='pwned'</script> & \"quotes\"";
    static final String EXPRESSION_SUBJECT = "${runtime.exec('rm -rf /')} #{bean}";
    static final String CSV_SUBJECT = "Invoice \"A-17\", line 3\r\nposts twice";
    static final String ODD_SUBJECT = "Ctrl\u0001char, emoji \uD83D\uDE80, lone \uD800 surrogate";
    /** A request's description with an expression and markup: its page shows it verbatim. */
    static final String HOSTILE_TEXT = "${runtime.exec('rm -rf /')} <script>document.title='pwned'</script> & #{bean}";
    /** A kind of timeline step the report does not know: shown by its name. */
    static final String NEW_KIND = "ACCEPTANCE_PROPOSED";
    /** How many of the baseline's breached requests have a page. */
    static final int PAGES = 3;

    private static final WorkingCalendar OFFICE = WorkingCalendar.builder(KYIV)
            .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(22, 0)).build();
    // not WorkingCalendar.alwaysOpen: in sla-core 58a309d it throws NullPointerException (Set.of(..).contains(null))
    private static final WorkingCalendar ALWAYS = WorkingCalendar.builder(KYIV)
            .shifts(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).build();
    private static final Instant END = START.atZone(KYIV).plusDays(DAYS).toInstant();

    private SampleReport() {
    }

    static SlaReport build() {
        RunInfo run = new RunInfo("Support desk: one simulated week", "two-tier-support", 42, DAYS, START, KYIV);
        return new SlaReport(run, List.of(
                scenario("baseline", staff(4, 2, 3, 1), 1.0),
                scenario("one consultant fewer", staff(3, 2, 3, 1), 1.35),
                scenario("one programmer more", staff(4, 2, 4, 1), 0.85)));
    }

    static Map<String, Integer> staff(int consultants, int analysts, int programmers, int duty) {
        Map<String, Integer> staff = new LinkedHashMap<>();
        staff.put("consultants", consultants);
        staff.put("analysts", analysts);
        staff.put("programmers", programmers);
        staff.put("duty", duty);
        return staff;
    }

    private static Scenario scenario(String name, Map<String, Integer> staff, double slowness) {
        Random random = new Random(42);
        List<RequestRow> rows = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            rows.add(row(random, i, slowness));
        }
        OpenWork open = OpenWork.sample(rows, GROUPS, START, Duration.ofHours(2), DAYS * 12 + 1);
        List<RequestHistory> histories = name.equals("baseline")
                ? rows.stream().filter(RequestRow::breached).limit(PAGES).map(SampleReport::history).toList()
                : List.of();
        return new Scenario(name, staff, rows, open, histories);
    }

    /**
     * A made-up history of a breached request: its first breached countdown counts half its target,
     * waits nine hours outside working hours and 45 minutes on the customer, then counts the rest of its
     * working time; the description is {@link #HOSTILE_TEXT}, and one step is of a {@link #NEW_KIND}.
     */
    static RequestHistory history(RequestRow row) {
        SlaMetric metric = row.response().breached() ? SlaMetric.RESPONSE : SlaMetric.RESOLUTION;
        MetricResult result = row.result(metric);
        Duration half = result.target().dividedBy(2);
        Instant filed = row.filedAt();
        Instant evening = filed.plus(half);
        Instant morning = evening.plus(Duration.ofHours(9));
        Instant replied = morning.plus(Duration.ofMinutes(45));
        Instant due = replied.plus(result.target().minus(half));
        Instant end = replied.plus(result.workingTime().minus(half));
        Explanation explanation = new Explanation(metric, result.target(), "targets[1]", 1, due, List.of(
                new Segment(filed, evening, SegmentKind.COUNTED), new Segment(evening, morning, SegmentKind.OUTSIDE_HOURS),
                new Segment(morning, replied, SegmentKind.PAUSED), new Segment(replied, end, SegmentKind.COUNTED)));
        List<TimelineStep> steps = new ArrayList<>(List.of(
                new TimelineStep(filed, "FILED", "key-user-1", HOSTILE_TEXT, null),
                new TimelineStep(filed, "STARTED", null, null, metric),
                new TimelineStep(morning, "WAITING", "consultant-2", "Which invoice? Send ${invoice.number}", null),
                new TimelineStep(morning, "PAUSED", null, null, metric),
                new TimelineStep(replied, "REPLIED", row.customer(), "<b>A-17</b>, line 3", null),
                new TimelineStep(replied, "RESUMED", null, null, metric),
                new TimelineStep(due, "BREACHED", null, null, metric),
                new TimelineStep(due, NEW_KIND, "programmer-1", "Proposal: a new posting rule", null)));
        if (result.completed().isPresent()) {
            steps.add(new TimelineStep(end, "MET", null, null, metric));
        }
        return new RequestHistory(row.id(), ZoneId.of("Asia/Tashkent"), steps, List.of(explanation));
    }

    private static RequestRow row(Random random, int i, double slowness) {
        RequesterTier tier = random.nextInt(3) == 0 ? RequesterTier.KEY_USER : RequesterTier.ORDINARY_USER;
        RequestKind kind = kind(random, tier);
        Severity severity = kind == RequestKind.EMERGENCY || random.nextInt(5) == 0 ? Severity.CRITICAL
                : Severity.NON_CRITICAL;
        Instant filed = filedAt(random);
        Duration[] targets = targets(kind, severity, tier);
        WorkingCalendar calendar = kind != RequestKind.EMERGENCY && severity == Severity.CRITICAL ? ALWAYS : OFFICE;
        Duration respond = minutes(random, targets[0], 0.55 * slowness);
        Duration resolve = respond.plus(minutes(random, targets[1], 0.5 * slowness));
        return new RequestRow(String.format("REQ-%04d", i + 1), i % 7 == 0 ? "globex" : "acme", tier, kind, severity,
                group(kind, tier), subject(i, kind), filed,
                result(targets[0], respond, filed, calendar), result(targets[1], resolve, filed, calendar));
    }

    private static RequestKind kind(Random random, RequesterTier tier) {
        int r = random.nextInt(100);
        if (r < 6) {
            return RequestKind.EMERGENCY;
        }
        if (tier == RequesterTier.ORDINARY_USER) {
            return r < 85 ? RequestKind.CONSULTATION : RequestKind.UPDATE;
        }
        return r < 45 ? RequestKind.SPECIFICATION : r < 85 ? RequestKind.DEVELOPMENT : RequestKind.CONSULTATION;
    }

    private static String group(RequestKind kind, RequesterTier tier) {
        return switch (kind) {
            case EMERGENCY -> "duty";
            case DEVELOPMENT -> "programmers";
            case SPECIFICATION -> "analysts";
            default -> tier == RequesterTier.KEY_USER ? "analysts" : "consultants";
        };
    }

    private static Duration[] targets(RequestKind kind, Severity severity, RequesterTier tier) {
        if (kind == RequestKind.EMERGENCY) {
            return new Duration[] {Duration.ofMinutes(30), Duration.ofHours(4)};
        }
        if (severity == Severity.CRITICAL) {
            return new Duration[] {Duration.ofHours(2), Duration.ofHours(8)};
        }
        return new Duration[] {Duration.ofHours(4), Duration.ofHours(tier == RequesterTier.KEY_USER ? 40 : 24)};
    }

    /** Filed over the week with a daytime peak: hours drawn around 11:00 and 16:00. */
    private static Instant filedAt(Random random) {
        int day = random.nextInt(DAYS);
        double hour = random.nextBoolean() ? 11 + random.nextGaussian() * 2.5 : 16 + random.nextGaussian() * 3;
        long minutes = Math.round(Math.max(0.2, Math.min(23.8, hour)) * 60);
        return START.atZone(KYIV).plusDays(day).plusMinutes(minutes).toInstant();
    }

    /** A log-normal working time around a share of the target, so that some miss it. */
    private static Duration minutes(Random random, Duration target, double share) {
        double median = target.toMinutes() * share;
        return Duration.ofMinutes(Math.max(1, Math.round(median * Math.exp(random.nextGaussian() * 0.6))));
    }

    private static MetricResult result(Duration target, Duration took, Instant filed, WorkingCalendar calendar) {
        Instant done = calendar.addWorkingTime(filed, took);
        if (done.isBefore(END)) {
            return MetricResult.completed(target, took, done);
        }
        return MetricResult.open(target, calendar.workingTimeBetween(filed, END));
    }

    private static String subject(int i, RequestKind kind) {
        return switch (i) {
            case 3 -> SCRIPT_SUBJECT;
            case 5 -> EXPRESSION_SUBJECT;
            case 8 -> CSV_SUBJECT;
            case 13 -> ODD_SUBJECT;
            default -> Fmt.words(kind) + " #" + (i + 1) + ": " + List.of("sales document will not post",
                    "VAT report totals differ", "price list export", "bank statement import fails",
                    "new discount rule", "stock balance report").get(i % 6);
        };
    }
}
