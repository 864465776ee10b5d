package io.slaflow.core.countdown;

/** What an SLA countdown measures. */
public enum SlaMetric {
    /** Until the first response: a diagnosis with recommendations, or an answer. */
    RESPONSE,
    /** Until the request is resolved. */
    RESOLUTION
}
