package io.slaflow.core.request;

/** What a request asks for; decides its place in the work order (D7). */
public enum RequestKind {
    /** A question answered at the moment of contact. */
    CONSULTATION,
    /** Writing down what to build, at a time convenient to both sides. */
    SPECIFICATION,
    /** A change to the software, done in queue order. */
    DEVELOPMENT,
    /** A periodic, long update of the software. */
    UPDATE,
    /** Bringing the program back after a failure: first priority over all. */
    EMERGENCY
}
