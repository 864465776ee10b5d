package io.slaflow.core.acceptance;

import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.internal.BeanValidation;
import io.slaflow.core.internal.ViolationText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The technical specification of a piece of work (D9, D10, D11): what will be done, what the program
 * will <em>not</em> do, the estimate in hours, the risk buffer put once on top of it at the end of the
 * project, whether documentation is part of the work, and the acceptance scenarios the result is
 * accepted against. Text is kept verbatim. Immutable and thread-safe.
 *
 * <p>A specification may be built without scenarios, as a draft; {@link AcceptanceCase} refuses to
 * approve it until it has at least one.
 *
 * <pre>{@code
 * Specification spec = Specification.builder()
 *         .description("Check the receivables limit when a sales document is posted")
 *         .willNotDo("Does not change limits already exceeded by earlier documents")
 *         .estimate(new BigDecimal("10")).riskBuffer(contract.riskBuffer())
 *         .scenario("Receivables limit", "Enter a sales document over the limit", "The document does not post")
 *         .build();
 * spec.total(); // 12.50 hours: 10 + 25%
 * }</pre>
 */
public final class Specification {

    @NotBlank
    private final String description;
    @NotBlank
    private final String willNotDo;
    @NotNull
    @Positive
    @Digits(integer = 9, fraction = 2)
    private final BigDecimal estimate;
    @NotNull
    @DecimalMin(value = "0", message = "must be greater than or equal to {value}")
    @DecimalMax(value = "1", message = "must be less than or equal to {value}")
    private final BigDecimal riskBuffer;
    private final boolean documentationRequired;
    private final List<@Valid AcceptanceScenario> scenarios;

    private Specification(Builder b) {
        this.description = b.description;
        this.willNotDo = b.willNotDo;
        this.estimate = b.estimate;
        this.riskBuffer = b.riskBuffer;
        this.documentationRequired = b.documentationRequired;
        this.scenarios = List.copyOf(b.scenarios);
    }

    /** The name of the one scenario of a specification made with {@link #ofSolution}. */
    public static final String EXPECTED_RESULT = "Expected result";

    /** What a specification made with {@link #ofSolution} says the program will not do. */
    public static final String NOTHING_BEYOND_THE_SOLUTION = "Anything beyond the agreed solution";

    /** Returns a new builder; the risk buffer defaults to {@link ServiceContract#DEFAULT_RISK_BUFFER}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the specification of work that needs none written (D9: a specification is written
     * "where needed"): the solution's proposal is the description, nothing beyond it will be done
     * ({@link #NOTHING_BEYOND_THE_SOLUTION}), and its expected result is the one acceptance scenario,
     * named {@link #EXPECTED_RESULT}. The customer still approves it, and with it the estimate.
     *
     * @param solution the agreed solution
     * @param estimate the first estimate in hours; positive, 2 decimals at most
     * @param riskBuffer the contract's risk buffer, 0 to 1
     * @return the specification, without documentation
     * @throws InvalidSpecificationException if the estimate or the risk buffer breaks a rule
     */
    public static Specification ofSolution(Solution solution, BigDecimal estimate, BigDecimal riskBuffer) {
        Objects.requireNonNull(solution, "solution");
        return builder().description(solution.proposal()).willNotDo(NOTHING_BEYOND_THE_SOLUTION)
                .estimate(estimate).riskBuffer(riskBuffer)
                .scenario(EXPECTED_RESULT, solution.proposal(), solution.expectedResult())
                .build();
    }

    /** Returns the description of the work, verbatim. */
    public String description() {
        return description;
    }

    /** Returns what the program does not and will not do, verbatim. */
    public String willNotDo() {
        return willNotDo;
    }

    /** Returns the first estimate, in hours. */
    public BigDecimal estimate() {
        return estimate;
    }

    /** Returns the risk buffer as a fraction of the estimate, e.g. 0.25. */
    public BigDecimal riskBuffer() {
        return riskBuffer;
    }

    /**
     * Returns the risk buffer in hours: the estimate times the buffer fraction, rounded half up to
     * 2 decimals; one buffer for the whole project, not one per stage (D11).
     *
     * @return the buffer in hours, at least 0
     */
    public BigDecimal buffer() {
        return estimate.multiply(riskBuffer).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Returns the hours the work is priced at: {@link #estimate()} plus {@link #buffer()}.
     *
     * @return the total in hours, 2 decimals
     */
    public BigDecimal total() {
        return estimate.add(buffer()).setScale(2, RoundingMode.HALF_UP);
    }

    /** Returns whether documentation is part of the work, a checklist item before demonstration. */
    public boolean documentationRequired() {
        return documentationRequired;
    }

    /** Returns the acceptance scenarios in the order written; unmodifiable, possibly empty for a draft. */
    public List<AcceptanceScenario> scenarios() {
        return scenarios;
    }

    /**
     * Returns the scenario named {@code name}.
     *
     * @param name the scenario's name, compared exactly
     * @return the scenario, or empty when there is none of that name
     */
    public Optional<AcceptanceScenario> scenario(String name) {
        return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Specification s && description.equals(s.description)
                && willNotDo.equals(s.willNotDo) && estimate.compareTo(s.estimate) == 0
                && riskBuffer.compareTo(s.riskBuffer) == 0 && documentationRequired == s.documentationRequired
                && scenarios.equals(s.scenarios);
    }

    @Override
    public int hashCode() {
        return Objects.hash(description, willNotDo, documentationRequired, scenarios);
    }

    @Override
    public String toString() {
        return "Specification[description=" + description + ", estimate=" + estimate + ", riskBuffer="
                + riskBuffer + ", documentationRequired=" + documentationRequired + ", scenarios="
                + scenarios.size() + "]";
    }

    /** Collects a specification's parts; {@link #build()} validates them all at once. Not thread-safe. */
    public static final class Builder {
        private String description;
        private String willNotDo;
        private BigDecimal estimate;
        private BigDecimal riskBuffer = ServiceContract.DEFAULT_RISK_BUFFER;
        private boolean documentationRequired;
        private final List<AcceptanceScenario> scenarios = new ArrayList<>();

        private Builder() {
        }

        /** Sets the description of the work; required, not blank. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Sets what the program does not and will not do; required, not blank. */
        public Builder willNotDo(String willNotDo) {
            this.willNotDo = willNotDo;
            return this;
        }

        /** Sets the first estimate in hours; required, positive, 2 decimals at most. */
        public Builder estimate(BigDecimal hours) {
            this.estimate = hours;
            return this;
        }

        /**
         * Sets the risk buffer as a fraction of the estimate; default
         * {@link ServiceContract#DEFAULT_RISK_BUFFER}, 0 to 1. Pass the contract's
         * {@link ServiceContract#riskBuffer()}: an acceptance case refuses any other.
         */
        public Builder riskBuffer(BigDecimal riskBuffer) {
            this.riskBuffer = riskBuffer;
            return this;
        }

        /** Sets whether documentation is part of the work; default false. */
        public Builder documentationRequired(boolean documentationRequired) {
            this.documentationRequired = documentationRequired;
            return this;
        }

        /**
         * Adds a scenario, checked with the others by {@link #build()}.
         *
         * @param name unique within the specification; not blank
         * @param userActions the critical user actions; not blank
         * @param requiredResult the critical required result; not blank
         * @return this builder
         */
        public Builder scenario(String name, String userActions, String requiredResult) {
            scenarios.add(new AcceptanceScenario(name, userActions, requiredResult));
            return this;
        }

        /**
         * Adds a scenario already made.
         *
         * @param scenario the scenario; its name must be unique within the specification
         * @return this builder
         */
        public Builder scenario(AcceptanceScenario scenario) {
            scenarios.add(Objects.requireNonNull(scenario, "scenario"));
            return this;
        }

        /**
         * Builds the specification.
         *
         * @return the specification
         * @throws InvalidSpecificationException listing every violation, with its path and value, including
         *         scenario names used twice
         */
        public Specification build() {
            Specification spec = new Specification(this);
            List<String> violations = new ArrayList<>(BeanValidation.violationsOf(spec));
            violations.addAll(duplicateNames());
            if (!violations.isEmpty()) {
                throw new InvalidSpecificationException(violations);
            }
            return spec;
        }

        private List<String> duplicateNames() {
            List<String> problems = new ArrayList<>();
            Map<String, Integer> first = new HashMap<>();
            for (int i = 0; i < scenarios.size(); i++) {
                String name = scenarios.get(i).name();
                Integer earlier = name == null ? null : first.putIfAbsent(name, i);
                if (earlier != null) {
                    problems.add("scenarios[" + i + "].name: must be unique, scenarios[" + earlier
                            + "] has the same name (was " + ViolationText.show(name) + ")");
                }
            }
            return problems;
        }
    }
}
