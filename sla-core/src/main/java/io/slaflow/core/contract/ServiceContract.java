package io.slaflow.core.contract;

import io.slaflow.core.internal.BeanValidation;
import io.slaflow.core.internal.Numbers;
import io.slaflow.core.internal.ViolationText;
import io.slaflow.core.internal.WholeText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The terms agreed with one customer: the SLA policy that applies, how work is paid (D11), the
 * balance of prepaid hours that pays for changes (D5), the warranty on accepted work (D9) and the
 * risk buffer put once on top of an estimate (D11). Immutable and thread-safe.
 *
 * <p>Each field maps 1:1 to a key of the policy file's {@code contracts:} list (read by the policy
 * parser), with the same name and the {@code java.time} / {@link BigDecimal} text forms:
 * <pre>{@code
 * contracts:
 *   - customer: acme                 # required, not blank
 *     policy: two-tier-support       # required: the policy's name
 *     zone: Europe/Kyiv              # required: the zone warranty dates are counted in
 *     paymentTerms: SPLIT_50_50      # required: PREPAYMENT | SPLIT_50_50 | POSTPAYMENT
 *     prepaidHours: 40               # optional: balance of prepaid hours, >= 0, 2 decimals at most
 *     warranty: P6M                  # optional, default P6M (DEFAULT_WARRANTY), not negative, at most P10Y
 *     riskBuffer: 0.25               # optional, default 0.25 (DEFAULT_RISK_BUFFER), 0 to 1, 6 decimals at most
 *     hourlyRate: 3500               # optional: price of an hour, > 0, 12 digits and 4 decimals at most
 *     keyUsers: [olena, taras]       # optional: who besides the requester may accept work
 * }</pre>
 *
 * <pre>{@code
 * ServiceContract contract = ServiceContract.builder()
 *         .customer("acme").policy("two-tier-support").zone(ZoneId.of("Europe/Kyiv"))
 *         .paymentTerms(PaymentTerms.SPLIT_50_50).keyUsers(Set.of("olena"))
 *         .build();
 * }</pre>
 */
public final class ServiceContract {

    /** The warranty on accepted work when a contract names none: six months (D9). */
    public static final Period DEFAULT_WARRANTY = Period.ofMonths(6);

    /**
     * The longest warranty accepted: ten years. A longer one would reach past the dates {@link
     * #warrantyEnds} can compute.
     */
    public static final Period MAX_WARRANTY = Period.ofYears(10);

    /** The risk buffer when a contract names none: 25% on top of the estimate (D11). */
    public static final BigDecimal DEFAULT_RISK_BUFFER = new BigDecimal("0.25");

    @NotBlank
    private final String customer;
    @NotBlank
    private final String policy;
    @NotNull
    private final ZoneId zone;
    @NotNull
    private final PaymentTerms paymentTerms;
    @PositiveOrZero
    @Digits(integer = 9, fraction = 2)
    private final BigDecimal prepaidHours;
    @NotNull
    private final Period warranty;
    @NotNull
    @DecimalMin(value = "0", message = "must be greater than or equal to {value}")
    @DecimalMax(value = "1", message = "must be less than or equal to {value}")
    @Digits(integer = 1, fraction = 6)
    private final BigDecimal riskBuffer;
    @Positive
    @Digits(integer = 12, fraction = 4)
    private final BigDecimal hourlyRate;
    private final Set<String> keyUsers;

    private ServiceContract(Builder b, Set<String> keyUsers) {
        this.customer = b.customer;
        this.policy = b.policy;
        this.zone = b.zone;
        this.paymentTerms = b.paymentTerms;
        this.prepaidHours = b.prepaidHours;
        this.warranty = b.warranty;
        this.riskBuffer = b.riskBuffer;
        this.hourlyRate = b.hourlyRate;
        this.keyUsers = keyUsers;
    }

    /** Returns a new builder with the defaults: {@link #DEFAULT_WARRANTY}, {@link #DEFAULT_RISK_BUFFER}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this contract's values, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder().customer(customer).policy(policy).zone(zone).paymentTerms(paymentTerms)
                .prepaidHours(prepaidHours).warranty(warranty).riskBuffer(riskBuffer).hourlyRate(hourlyRate)
                .keyUsers(keyUsers);
    }

    /** Returns the customer (tenant) id. */
    public String customer() {
        return customer;
    }

    /** Returns the name of the SLA policy that applies to the customer's requests. */
    public String policy() {
        return policy;
    }

    /** Returns the zone in which the warranty's months are counted. */
    public ZoneId zone() {
        return zone;
    }

    /** Returns how work is paid. */
    public PaymentTerms paymentTerms() {
        return paymentTerms;
    }

    /**
     * Returns the prepaid hours the customer holds under this contract (D5), or empty when none. Where
     * several cases share the balance, this is the balance an account opens with (the engine keeps
     * the account in its database from then on).
     */
    public Optional<BigDecimal> prepaidHours() {
        return Optional.ofNullable(prepaidHours);
    }

    /** Returns the warranty on accepted work, {@link #DEFAULT_WARRANTY} unless set. */
    public Period warranty() {
        return warranty;
    }

    /** Returns the risk buffer as a fraction of the estimate, 0 to 1, {@link #DEFAULT_RISK_BUFFER} unless set. */
    public BigDecimal riskBuffer() {
        return riskBuffer;
    }

    /** Returns the price of an hour, or empty when the contract names none. */
    public Optional<BigDecimal> hourlyRate() {
        return Optional.ofNullable(hourlyRate);
    }

    /** Returns the customer's key users, who may accept work besides its requester; sorted, unmodifiable. */
    public Set<String> keyUsers() {
        return keyUsers;
    }

    /**
     * Returns the end of the warranty of work accepted at {@code acceptedAt}: the same wall-clock
     * time in {@link #zone()} one warranty period later (for a month-end date, the month's last day).
     * The warranty covers the half-open range {@code [acceptedAt, end)}.
     *
     * @param acceptedAt when the work was accepted
     * @return the first instant no longer under warranty
     */
    public Instant warrantyEnds(Instant acceptedAt) {
        return acceptedAt.atZone(zone).plus(warranty).toInstant();
    }

    /**
     * Returns a copy with another prepaid balance, e.g. for a host keeping the balance itself after an
     * acceptance drew hours from it.
     *
     * @param balance the new balance, {@code null} for none
     * @return the changed contract
     * @throws InvalidContractException if the balance is negative or has more than 2 decimals
     */
    public ServiceContract withPrepaidHours(BigDecimal balance) {
        return toBuilder().prepaidHours(balance).build();
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ServiceContract c
                && customer.equals(c.customer) && policy.equals(c.policy) && zone.equals(c.zone)
                && paymentTerms == c.paymentTerms && Numbers.sameValue(prepaidHours, c.prepaidHours)
                && warranty.equals(c.warranty) && riskBuffer.compareTo(c.riskBuffer) == 0
                && Numbers.sameValue(hourlyRate, c.hourlyRate) && keyUsers.equals(c.keyUsers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(customer, policy, zone, paymentTerms, warranty, keyUsers);
    }

    @Override
    public String toString() {
        return "ServiceContract[customer=" + customer + ", policy=" + policy + ", zone=" + zone
                + ", paymentTerms=" + paymentTerms + ", prepaidHours=" + prepaidHours + ", warranty=" + warranty
                + ", riskBuffer=" + riskBuffer + ", hourlyRate=" + hourlyRate + ", keyUsers=" + keyUsers + "]";
    }

    /** Collects a contract's fields; {@link #build()} validates them all at once. Not thread-safe. */
    public static final class Builder {
        private String customer;
        private String policy;
        private ZoneId zone;
        private PaymentTerms paymentTerms;
        private BigDecimal prepaidHours;
        private Period warranty = DEFAULT_WARRANTY;
        private BigDecimal riskBuffer = DEFAULT_RISK_BUFFER;
        private BigDecimal hourlyRate;
        private List<String> keyUsers = List.of();

        private Builder() {
        }

        /** Sets the customer (tenant) id; required, not blank, whole characters (no unpaired surrogate). */
        public Builder customer(String customer) {
            this.customer = customer;
            return this;
        }

        /** Sets the name of the SLA policy that applies; required, not blank, whole characters. */
        public Builder policy(String policy) {
            this.policy = policy;
            return this;
        }

        /** Sets the zone in which warranty months are counted; required. */
        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        /** Sets how work is paid; required. */
        public Builder paymentTerms(PaymentTerms paymentTerms) {
            this.paymentTerms = paymentTerms;
            return this;
        }

        /** Sets the balance of prepaid hours; optional ({@code null} for none), at least 0, 2 decimals at most. */
        public Builder prepaidHours(BigDecimal prepaidHours) {
            this.prepaidHours = prepaidHours;
            return this;
        }

        /**
         * Sets the warranty on accepted work; default {@link #DEFAULT_WARRANTY}, not negative ({@code P0D}
         * for none), at most {@link #MAX_WARRANTY}.
         */
        public Builder warranty(Period warranty) {
            this.warranty = warranty;
            return this;
        }

        /**
         * Sets the risk buffer as a fraction of the estimate (0.25 is 25%); default {@link
         * #DEFAULT_RISK_BUFFER}, 0 to 1, 6 decimals at most.
         */
        public Builder riskBuffer(BigDecimal riskBuffer) {
            this.riskBuffer = riskBuffer;
            return this;
        }

        /** Sets the price of an hour; optional ({@code null} for none), positive, 12 digits and 4 decimals at most. */
        public Builder hourlyRate(BigDecimal hourlyRate) {
            this.hourlyRate = hourlyRate;
            return this;
        }

        /**
         * Sets the customer's key users, who may accept work besides its requester; default none, not
         * blank, whole characters.
         */
        public Builder keyUsers(Collection<String> keyUsers) {
            this.keyUsers = keyUsers == null ? null : new ArrayList<>(keyUsers);
            return this;
        }

        /**
         * Builds the contract.
         *
         * @return the contract
         * @throws InvalidContractException listing every violation, with its field and value
         */
        public ServiceContract build() {
            List<String> keyUserProblems = new ArrayList<>();
            Set<String> users = keyUsers(keyUserProblems);
            ServiceContract contract = new ServiceContract(this, users);
            List<String> violations = new ArrayList<>(BeanValidation.violationsOf(contract));
            if (warranty != null && warranty.isNegative()) {
                violations.add("warranty: must not be negative (was " + warranty + ")");
            } else if (warranty != null && longerThanMax(warranty)) {
                violations.add("warranty: must be at most " + MAX_WARRANTY + " (was " + warranty + ")");
            }
            for (String[] text : new String[][] {{"customer", customer}, {"policy", policy}}) {
                String broken = WholeText.problem(text[1]);
                if (broken != null) {
                    violations.add(text[0] + ": " + broken);
                }
            }
            violations.addAll(keyUserProblems);
            if (!violations.isEmpty()) {
                throw new InvalidContractException(violations);
            }
            return contract;
        }

        /** Tells whether a non-negative warranty ends later than {@link #MAX_WARRANTY} would, from the same day. */
        private static boolean longerThanMax(Period warranty) {
            try {
                return LocalDate.EPOCH.plus(warranty).isAfter(LocalDate.EPOCH.plus(MAX_WARRANTY));
            } catch (DateTimeException | ArithmeticException e) {
                return true; // so long that no date can hold its end
            }
        }

        private Set<String> keyUsers(List<String> problems) {
            if (keyUsers == null) {
                problems.add("keyUsers: must not be null (was null); use an empty list for none");
                return Set.of();
            }
            Set<String> users = new TreeSet<>();
            for (int i = 0; i < keyUsers.size(); i++) {
                String user = keyUsers.get(i);
                if (user == null || user.isBlank()) {
                    problems.add("keyUsers[" + i + "]: must not be blank (was " + ViolationText.show(user) + ")");
                } else if (WholeText.problem(user) != null) {
                    problems.add("keyUsers[" + i + "]: " + WholeText.problem(user));
                } else {
                    users.add(user);
                }
            }
            return Collections.unmodifiableSet(users);
        }
    }
}
