package io.slaflow.core.request;

import java.util.Objects;

/**
 * A request filed by a client's employee: who asks, for which customer, what kind of work, how
 * severe, and in their own words. Its text is data: {@code ${...}} or {@code #{...}} in it is kept
 * verbatim and never evaluated. Immutable and thread-safe.
 *
 * <pre>{@code
 * ServiceRequest request = ServiceRequest.builder()
 *         .customer("acme").requester("olena")
 *         .tier(RequesterTier.KEY_USER).kind(RequestKind.DEVELOPMENT).severity(Severity.NON_CRITICAL)
 *         .subject("Credit limit check").description("Sales documents post over the customer's limit")
 *         .build();
 * }</pre>
 */
public final class ServiceRequest {

    private final String customer;
    private final String requester;
    private final RequesterTier tier;
    private final RequestKind kind;
    private final Severity severity;
    private final String subject;
    private final String description;

    private ServiceRequest(Builder b) {
        this.customer = b.customer;
        this.requester = b.requester;
        this.tier = b.tier;
        this.kind = b.kind;
        this.severity = b.severity;
        this.subject = b.subject;
        this.description = b.description;
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the customer (tenant) the request belongs to. */
    public String customer() {
        return customer;
    }

    /** Returns the user id of the client employee who filed it. */
    public String requester() {
        return requester;
    }

    /** Returns the requester's tier. */
    public RequesterTier tier() {
        return tier;
    }

    /** Returns the kind of work asked for. */
    public RequestKind kind() {
        return kind;
    }

    /** Returns how much of the client's software is down. */
    public Severity severity() {
        return severity;
    }

    /** Returns the one-line subject, verbatim. */
    public String subject() {
        return subject;
    }

    /** Returns the description, verbatim. */
    public String description() {
        return description;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ServiceRequest r
                && customer.equals(r.customer) && requester.equals(r.requester) && tier == r.tier
                && kind == r.kind && severity == r.severity && subject.equals(r.subject)
                && description.equals(r.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(customer, requester, tier, kind, severity, subject, description);
    }

    @Override
    public String toString() {
        return "ServiceRequest[customer=" + customer + ", requester=" + requester + ", tier=" + tier
                + ", kind=" + kind + ", severity=" + severity + ", subject=" + subject + "]";
    }

    /** Collects a request's fields; {@link #build()} validates them all at once. Not thread-safe. */
    public static final class Builder {
        private String customer;
        private String requester;
        private RequesterTier tier;
        private RequestKind kind;
        private Severity severity;
        private String subject;
        private String description = "";

        private Builder() {
        }

        /** Sets the customer (tenant) id; required, not blank. */
        public Builder customer(String customer) {
            this.customer = customer;
            return this;
        }

        /** Sets the requester's user id; required, not blank. */
        public Builder requester(String requester) {
            this.requester = requester;
            return this;
        }

        /** Sets the requester's tier; required. */
        public Builder tier(RequesterTier tier) {
            this.tier = tier;
            return this;
        }

        /** Sets the kind of work; required. */
        public Builder kind(RequestKind kind) {
            this.kind = kind;
            return this;
        }

        /** Sets the severity; required. */
        public Builder severity(Severity severity) {
            this.severity = severity;
            return this;
        }

        /** Sets the subject; required, not blank. */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** Sets the description; optional, empty by default. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public ServiceRequest build() {
            // TODO(issue 3): Bean Validation listing every violation
            return new ServiceRequest(this);
        }
    }
}
