package io.slaflow.core.request;

/** Who files a request, which decides the line that receives it (D1). */
public enum RequesterTier {
    /** Competent client staff who gather requests and pass them on; received by analysts. */
    KEY_USER,
    /** Everyone else at the client; received by online consultants. */
    ORDINARY_USER
}
