/**
 * The SLA clock: {@link io.slaflow.core.countdown.Countdown} keeps the history of one metric of one
 * request (started, paused, resumed, met, reset), from which {@link
 * io.slaflow.core.countdown.CountdownStatus} at any instant is computed on a working calendar.
 */
package io.slaflow.core.countdown;
