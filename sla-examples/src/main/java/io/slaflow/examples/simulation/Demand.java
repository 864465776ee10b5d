package io.slaflow.examples.simulation;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import java.time.DayOfWeek;
import java.util.List;

/**
 * How much the simulated client asks for, and when (D1, D2, D12): one stream per requester tier and
 * kind with its rate on an ordinary weekday, the share that is critical, and the share that comes in
 * by phone. The client works almost round the clock in two shifts (06:00-14:00, 14:00-22:00), so
 * requests arrive at any hour, with a peak in each shift's first hours and fewer at weekends.
 */
final class Demand {

    /**
     * One stream of requests.
     *
     * @param tier who files them
     * @param kind what they ask for
     * @param perDay how many on an ordinary weekday, on average
     * @param criticalShare the share that is critical (the program as a whole does not work)
     * @param phoneShare the share that comes in by phone
     */
    record Stream(RequesterTier tier, RequestKind kind, double perDay, double criticalShare, double phoneShare) {
    }

    /** The streams: ordinary users mostly ask how to do things, key users bring the changes (D1). */
    static final List<Stream> STREAMS = List.of(
            new Stream(RequesterTier.ORDINARY_USER, RequestKind.CONSULTATION, 46, 0.10, 0.7),
            new Stream(RequesterTier.ORDINARY_USER, RequestKind.UPDATE, 2.5, 0.05, 0),
            new Stream(RequesterTier.ORDINARY_USER, RequestKind.SPECIFICATION, 1, 0, 0),
            new Stream(RequesterTier.ORDINARY_USER, RequestKind.DEVELOPMENT, 1.5, 0.05, 0),
            new Stream(RequesterTier.ORDINARY_USER, RequestKind.EMERGENCY, 0.6, 1, 0),
            new Stream(RequesterTier.KEY_USER, RequestKind.CONSULTATION, 8, 0.15, 0),
            new Stream(RequesterTier.KEY_USER, RequestKind.SPECIFICATION, 2, 0, 0),
            new Stream(RequesterTier.KEY_USER, RequestKind.DEVELOPMENT, 3, 0.10, 0),
            new Stream(RequesterTier.KEY_USER, RequestKind.UPDATE, 1.5, 0.10, 0),
            new Stream(RequesterTier.KEY_USER, RequestKind.EMERGENCY, 0.6, 1, 0));

    /** Relative intensity per local hour, 00 to 23: a peak in the morning and after the shift change at 14:00. */
    static final double[] HOURLY = {
        0.15, 0.1, 0.1, 0.1, 0.1, 0.15, 0.5, 1.0, 1.6, 2.2, 2.4, 2.1,
        1.5, 1.3, 1.8, 2.0, 1.7, 1.3, 1.0, 0.8, 0.6, 0.5, 0.35, 0.25};

    private Demand() {
    }

    /** Returns how busy a day of the week is compared with an ordinary weekday. */
    static double dayFactor(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> 1.15;
            case FRIDAY -> 0.95;
            case SATURDAY -> 0.45;
            case SUNDAY -> 0.3;
            default -> 1.0;
        };
    }
}
