package io.slaflow.core.countdown;

/**
 * What an SLA countdown measures. Every request counts {@link #RESPONSE} and {@link #RESOLUTION};
 * {@link #START} and {@link #NEXT_REPLY} are counted only for requests whose policy rule names a
 * target for them ({@code start}, {@code nextReply}). New metrics may be added: code that switches
 * over this enum should have a default branch.
 */
public enum SlaMetric {
    /** Until the first response: a diagnosis with recommendations, or an answer. */
    RESPONSE,
    /** Until the request is resolved. */
    RESOLUTION,
    /**
     * From filing until someone first claims the request: the "a specialist starts work" target of a
     * desk that works around the clock. Counted only when the request's rule names a {@code start} target.
     */
    START,
    /**
     * From each reply of the customer until the desk's next answer (a response, a question back to
     * the customer, or the resolution); a new countdown starts with every reply. Counted only when
     * the request's rule names a {@code nextReply} target.
     */
    NEXT_REPLY
}
