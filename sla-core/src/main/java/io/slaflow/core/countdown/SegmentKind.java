package io.slaflow.core.countdown;

/** What a countdown was doing during one {@link Segment} of its {@link Explanation}. */
public enum SegmentKind {
    /** Counting, in working time: this time used up the target. */
    COUNTED,
    /** Paused: the request waited on the customer or a third party, in working time or not. */
    PAUSED,
    /** Counting, but outside the calendar's working hours (nights, days off, holidays): nothing was used up. */
    OUTSIDE_HOURS
}
