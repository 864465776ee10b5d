package io.slaflow.core.countdown;

import io.slaflow.core.calendar.WorkingCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the segments of an explanation while {@link Replay} walks a history: counting stretches
 * are cut at the calendar's working boundaries into counted and outside-hours parts, pauses are kept
 * whole, and a segment that continues the last one of its kind is merged into it. Not thread-safe;
 * one per explanation.
 */
final class Tiling {

    private final WorkingCalendar calendar;
    private final List<Segment> segments = new ArrayList<>();

    Tiling(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** Forgets everything so far: the countdown started over. */
    void restart() {
        segments.clear();
    }

    /** Adds the pause {@code [from, to)}; nothing when it is empty. */
    void paused(Instant from, Instant to) {
        add(from, to, SegmentKind.PAUSED);
    }

    /** Adds the counting stretch {@code [from, to)}, cut into working and non-working parts. */
    void counting(Instant from, Instant to) {
        Instant at = from;
        while (at.isBefore(to)) {
            boolean working = calendar.isWorkingTime(at);
            Instant next = working ? calendar.workingUntil(at, to) : earlier(calendar.nextWorkingInstant(at), to);
            add(at, next, working ? SegmentKind.COUNTED : SegmentKind.OUTSIDE_HOURS);
            at = next;
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private void add(Instant from, Instant to, SegmentKind kind) {
        if (!from.isBefore(to)) {
            return;
        }
        int last = segments.size() - 1;
        if (last >= 0 && segments.get(last).kind() == kind && segments.get(last).to().equals(from)) {
            segments.set(last, new Segment(segments.get(last).from(), to, kind));
        } else {
            segments.add(new Segment(from, to, kind));
        }
    }

    /** The segments so far, in order. */
    List<Segment> segments() {
        return List.copyOf(segments);
    }
}
