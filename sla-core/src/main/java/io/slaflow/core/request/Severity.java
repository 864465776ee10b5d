package io.slaflow.core.request;

/** How much of the client's software is down (D3). */
public enum Severity {
    /** The program as a whole does not work. */
    CRITICAL,
    /** Single modules or subsystems do not work. */
    NON_CRITICAL
}
