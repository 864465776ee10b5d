package io.slaflow.core.policy;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.Severity;

/**
 * The combinations of severity x kind x tier a policy must cover, numbered so that a lookup is an
 * array index.
 */
final class Combinations {

    private static final Severity[] SEVERITIES = Severity.values();
    private static final RequestKind[] KINDS = RequestKind.values();
    private static final RequesterTier[] TIERS = RequesterTier.values();

    /** How many combinations there are (2 x 5 x 2). */
    static final int COUNT = SEVERITIES.length * KINDS.length * TIERS.length;

    private Combinations() {
    }

    /** Returns the number of a combination, in {@code [0, COUNT)}. */
    static int index(Severity severity, RequestKind kind, RequesterTier tier) {
        return (severity.ordinal() * KINDS.length + kind.ordinal()) * TIERS.length + tier.ordinal();
    }

    static Severity severity(int index) {
        return SEVERITIES[index / (KINDS.length * TIERS.length)];
    }

    static RequestKind kind(int index) {
        return KINDS[index / TIERS.length % KINDS.length];
    }

    static RequesterTier tier(int index) {
        return TIERS[index % TIERS.length];
    }

    /** Returns {@code CRITICAL/UPDATE/ORDINARY_USER}: severity, kind and tier of a combination. */
    static String label(int index) {
        return severity(index) + "/" + kind(index) + "/" + tier(index);
    }
}
