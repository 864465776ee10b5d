package io.slaflow.core.request;

import io.slaflow.core.internal.BeanValidation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    /** The longest customer or requester id accepted, in characters. */
    public static final int MAX_ID_LENGTH = 64;

    /** The longest reference (the host's own id for a request) accepted, in characters. */
    public static final int MAX_REFERENCE_LENGTH = 64;

    /** The longest subject accepted, in characters. */
    public static final int MAX_SUBJECT_LENGTH = 200;

    /** The longest description accepted, in characters. */
    public static final int MAX_DESCRIPTION_LENGTH = 10_000;

    private static final String BLANK = "must not be blank";
    private static final String MISSING = "must not be null";
    private static final String TOO_LONG = "must be at most {max} characters";

    private final String customer;
    private final String requester;
    private final RequesterTier tier;
    private final RequestKind kind;
    private final Severity severity;
    private final String subject;
    private final String description;
    private final String reference;

    private ServiceRequest(Builder b) {
        this.customer = b.customer;
        this.requester = b.requester;
        this.tier = b.tier;
        this.kind = b.kind;
        this.severity = b.severity;
        this.subject = b.subject;
        this.description = b.description;
        this.reference = b.reference;
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

    /**
     * Returns the host's own id for the request (its ticket number, say), if the host gave one: the
     * engine files a request once per customer and reference.
     */
    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ServiceRequest r
                && customer.equals(r.customer) && requester.equals(r.requester) && tier == r.tier
                && kind == r.kind && severity == r.severity && subject.equals(r.subject)
                && description.equals(r.description) && Objects.equals(reference, r.reference);
    }

    @Override
    public int hashCode() {
        return Objects.hash(customer, requester, tier, kind, severity, subject, description, reference);
    }

    @Override
    public String toString() {
        return "ServiceRequest[customer=" + customer + ", requester=" + requester + ", tier=" + tier
                + ", kind=" + kind + ", severity=" + severity + ", subject=" + subject
                + (reference == null ? "" : ", reference=" + reference) + "]";
    }

    /**
     * Collects a request's fields; {@link #build()} validates them all at once (the constraints sit
     * on these fields). Not thread-safe.
     */
    public static final class Builder {
        @NotBlank(message = BLANK)
        @Size(max = MAX_ID_LENGTH, message = TOO_LONG)
        private String customer;
        @NotBlank(message = BLANK)
        @Size(max = MAX_ID_LENGTH, message = TOO_LONG)
        private String requester;
        @NotNull(message = MISSING)
        private RequesterTier tier;
        @NotNull(message = MISSING)
        private RequestKind kind;
        @NotNull(message = MISSING)
        private Severity severity;
        @NotBlank(message = BLANK)
        @Size(max = MAX_SUBJECT_LENGTH, message = TOO_LONG)
        private String subject;
        @NotNull(message = MISSING)
        @Size(max = MAX_DESCRIPTION_LENGTH, message = TOO_LONG)
        private String description = "";
        @Size(max = MAX_REFERENCE_LENGTH, message = TOO_LONG)
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank when given; leave it out for none")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        private String reference;

        private Builder() {
        }

        /**
         * Sets the customer (tenant) id; required, not blank, at most {@value ServiceRequest#MAX_ID_LENGTH}
         * characters.
         */
        public Builder customer(String customer) {
            this.customer = customer;
            return this;
        }

        /**
         * Sets the requester's user id; required, not blank, at most
         * {@value ServiceRequest#MAX_ID_LENGTH} characters.
         */
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

        /**
         * Sets the one-line subject; required, not blank, at most {@value ServiceRequest#MAX_SUBJECT_LENGTH}
         * characters, kept verbatim.
         */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /**
         * Sets the description; not null, empty by default, at most {@value ServiceRequest#MAX_DESCRIPTION_LENGTH}
         * characters, kept verbatim.
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets the host's own id for the request (its ticket number, say); optional, null for none
         * (the default), otherwise not blank, at most {@value ServiceRequest#MAX_REFERENCE_LENGTH}
         * characters, without control characters; kept verbatim.
         */
        public Builder reference(String reference) {
            this.reference = reference;
            return this;
        }

        /**
         * Validates every field and builds the request.
         *
         * @return the request
         * @throws InvalidRequestException listing every violation, each with the field and the value
         *     given, for example {@code subject: must not be blank (was "")}: blank or missing ids and
         *     subject, text longer than its limit, a missing tier, kind or severity, a blank reference
         *     or one with control characters
         */
        public ServiceRequest build() {
            List<String> violations = BeanValidation.violationsOf(this);
            if (!violations.isEmpty()) {
                throw new InvalidRequestException(violations);
            }
            return new ServiceRequest(this);
        }
    }
}
