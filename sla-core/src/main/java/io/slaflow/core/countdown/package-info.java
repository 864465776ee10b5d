/**
 * The SLA clock: {@link io.slaflow.core.countdown.Countdown} keeps the history of one metric of one
 * request (started, paused, resumed, met, reset), from which {@link
 * io.slaflow.core.countdown.CountdownStatus} at any instant is computed on a working calendar, and
 * {@link io.slaflow.core.countdown.Explanation} says how: the time counted, paused and outside working
 * hours, as {@link io.slaflow.core.countdown.Segment}s.
 */
package io.slaflow.core.countdown;
