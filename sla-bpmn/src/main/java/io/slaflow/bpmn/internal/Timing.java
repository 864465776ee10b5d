package io.slaflow.bpmn.internal;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;

/**
 * What times one SLA clock: the configuration version that set its targets, and the severity and kind
 * it is timed as when they differ from the request as filed (a rework round, a reclassified request, work
 * handed over as another kind). The version's policy for the request's customer and these give back the
 * targets and the calendar at any time, on any node: versions never change once stored.
 *
 * @param version the configuration version; null for a clock stored before versions (timed by the version in force)
 * @param sla {@code KIND/SEVERITY} it is timed as, or null for the request as filed
 */
public record Timing(Integer version, String sla) {

    /** Returns the timing of {@code version} for a request as filed, or as {@code kind} and {@code severity}. */
    static Timing of(int version, ServiceRequest filed, RequestKind kind, Severity severity) {
        return new Timing(version, kind == filed.kind() && severity == filed.severity() ? null : kind + "/" + severity);
    }

    /** Returns the severity the clock is timed as. */
    Severity severity(ServiceRequest filed) {
        return sla == null ? filed.severity() : Severity.valueOf(sla.substring(sla.indexOf('/') + 1));
    }

    /** Returns the kind of work the clock is timed as. */
    RequestKind kind(ServiceRequest filed) {
        return sla == null ? filed.kind() : RequestKind.valueOf(sla.substring(0, sla.indexOf('/')));
    }
}
