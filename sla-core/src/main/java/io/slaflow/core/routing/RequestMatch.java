package io.slaflow.core.routing;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The condition of a routing rule: which requester tiers, request kinds and severities it applies to.
 * An empty set means any value. Built from {@link #any()} by narrowing:
 *
 * <pre>{@code
 * RequestMatch change = RequestMatch.any().kinds(RequestKind.SPECIFICATION, RequestKind.DEVELOPMENT);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RequestMatch {

    private static final RequestMatch ANY = new RequestMatch(
            EnumSet.noneOf(RequesterTier.class), EnumSet.noneOf(RequestKind.class), EnumSet.noneOf(Severity.class));

    private final Set<RequesterTier> tiers;
    private final Set<RequestKind> kinds;
    private final Set<Severity> severities;

    private RequestMatch(Set<RequesterTier> tiers, Set<RequestKind> kinds, Set<Severity> severities) {
        this.tiers = Collections.unmodifiableSet(tiers);
        this.kinds = Collections.unmodifiableSet(kinds);
        this.severities = Collections.unmodifiableSet(severities);
    }

    /** Returns the condition that every request meets. */
    public static RequestMatch any() {
        return ANY;
    }

    /**
     * Returns the condition allowing exactly the given values; an empty set allows any value.
     *
     * @param severities the severities allowed, empty for any
     * @param kinds the kinds allowed, empty for any
     * @param tiers the tiers allowed, empty for any
     * @return the condition
     * @throws NullPointerException if a set or a value in it is null
     */
    public static RequestMatch of(Set<Severity> severities, Set<RequestKind> kinds, Set<RequesterTier> tiers) {
        return new RequestMatch(copyOf(tiers, RequesterTier.class), copyOf(kinds, RequestKind.class),
                copyOf(severities, Severity.class));
    }

    /**
     * Returns this condition narrowed to the given tiers (replacing any tiers set before).
     *
     * @param tiers at least one tier
     * @return the narrowed condition
     * @throws IllegalArgumentException if no tier is given
     * @throws NullPointerException if a tier is null
     */
    public RequestMatch tiers(RequesterTier... tiers) {
        return new RequestMatch(copy(RequesterTier.class, tiers, "tiers"), copyOf(kinds, RequestKind.class),
                copyOf(severities, Severity.class));
    }

    /**
     * Returns this condition narrowed to the given kinds (replacing any kinds set before).
     *
     * @param kinds at least one kind
     * @return the narrowed condition
     * @throws IllegalArgumentException if no kind is given
     * @throws NullPointerException if a kind is null
     */
    public RequestMatch kinds(RequestKind... kinds) {
        return new RequestMatch(copyOf(tiers, RequesterTier.class), copy(RequestKind.class, kinds, "kinds"),
                copyOf(severities, Severity.class));
    }

    /**
     * Returns this condition narrowed to the given severities (replacing any severities set before).
     *
     * @param severities at least one severity
     * @return the narrowed condition
     * @throws IllegalArgumentException if no severity is given
     * @throws NullPointerException if a severity is null
     */
    public RequestMatch severities(Severity... severities) {
        return new RequestMatch(copyOf(tiers, RequesterTier.class), copyOf(kinds, RequestKind.class),
                copy(Severity.class, severities, "severities"));
    }

    private static <E extends Enum<E>> EnumSet<E> copy(Class<E> type, E[] values, String what) {
        if (values.length == 0) {
            throw new IllegalArgumentException(what + ": name at least one value, or leave " + what
                    + " out to match any");
        }
        EnumSet<E> set = EnumSet.noneOf(type);
        for (E value : values) {
            set.add(Objects.requireNonNull(value, what));
        }
        return set;
    }

    private static <E extends Enum<E>> EnumSet<E> copyOf(Set<E> set, Class<E> type) {
        return set.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(set);
    }

    /** Returns the tiers this condition names; empty for any. */
    public Set<RequesterTier> tiers() {
        return tiers;
    }

    /** Returns the kinds this condition names; empty for any. */
    public Set<RequestKind> kinds() {
        return kinds;
    }

    /** Returns the severities this condition names; empty for any. */
    public Set<Severity> severities() {
        return severities;
    }

    /**
     * Tells whether a request with these attributes meets the condition.
     *
     * @param tier the requester's tier
     * @param kind the kind of work
     * @param severity the severity
     * @return true if each attribute is allowed
     */
    public boolean matches(RequesterTier tier, RequestKind kind, Severity severity) {
        return (tiers.isEmpty() || tiers.contains(tier)) && (kinds.isEmpty() || kinds.contains(kind))
                && (severities.isEmpty() || severities.contains(severity));
    }

    /**
     * Tells whether {@code request} meets the condition.
     *
     * @param request the request
     * @return true if its tier, kind and severity are allowed
     */
    public boolean matches(ServiceRequest request) {
        return matches(request.tier(), request.kind(), request.severity());
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof RequestMatch m
                && tiers.equals(m.tiers) && kinds.equals(m.kinds) && severities.equals(m.severities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tiers, kinds, severities);
    }

    /** Returns the condition as in a policy file, e.g. {@code {kind: [EMERGENCY]}}; {@code {}} for any. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        append(sb, "severity", severities);
        append(sb, "kind", kinds);
        append(sb, "tier", tiers);
        return sb.append('}').toString();
    }

    private static void append(StringBuilder sb, String name, Set<? extends Enum<?>> values) {
        if (!values.isEmpty()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(name).append(": ").append(Arrays.toString(values.toArray()));
        }
    }
}
