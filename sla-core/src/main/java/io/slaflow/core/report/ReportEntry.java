package io.slaflow.core.report;

import io.slaflow.core.calendar.WorkingCalendar;
import io.slaflow.core.countdown.Countdown;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.util.Objects;

/**
 * One countdown, finished or running, with the attributes of its request that figures are grouped
 * by, and the calendar it runs on. Immutable.
 *
 * @param requestId the request's id
 * @param tier the requester's tier
 * @param kind the kind of work
 * @param severity the severity
 * @param countdown the countdown (response or resolution)
 * @param calendar the calendar its policy gave it
 */
public record ReportEntry(String requestId, RequesterTier tier, RequestKind kind, Severity severity,
        Countdown countdown, WorkingCalendar calendar) {

    /**
     * Creates an entry.
     *
     * @throws NullPointerException if an argument is null
     */
    public ReportEntry {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(countdown, "countdown");
        Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * Creates an entry with the attributes of {@code request}.
     *
     * @param requestId the request's id
     * @param request the request
     * @param countdown one of its countdowns
     * @param calendar the calendar its policy gave it
     * @return the entry
     */
    public static ReportEntry of(String requestId, ServiceRequest request, Countdown countdown,
            WorkingCalendar calendar) {
        return new ReportEntry(requestId, request.tier(), request.kind(), request.severity(), countdown, calendar);
    }
}
