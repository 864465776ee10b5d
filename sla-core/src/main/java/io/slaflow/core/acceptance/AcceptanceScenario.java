package io.slaflow.core.acceptance;

import io.slaflow.core.internal.BeanValidation;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A test scenario written down before the work, against which the customer accepts it (D10): a name,
 * the critical user actions and the critical required result. Its text is kept verbatim. Immutable
 * and thread-safe.
 *
 * <pre>{@code
 * AcceptanceScenario limit = AcceptanceScenario.of("Receivables limit",
 *         "Enter a sales document for a customer whose contract limits receivables, with goods over that limit",
 *         "The document does not post, may be saved unposted, and posting shows a message about the exceeded limit");
 * }</pre>
 */
public final class AcceptanceScenario {

    @NotBlank
    private final String name;
    @NotBlank
    private final String userActions;
    @NotBlank
    private final String requiredResult;

    AcceptanceScenario(String name, String userActions, String requiredResult) {
        this.name = name;
        this.userActions = userActions;
        this.requiredResult = requiredResult;
    }

    /**
     * Creates a scenario.
     *
     * @param name how results refer to it, unique within a specification; not blank
     * @param userActions the critical user actions; not blank
     * @param requiredResult the critical required result; not blank
     * @return the scenario
     * @throws InvalidSpecificationException listing every blank or missing part
     */
    public static AcceptanceScenario of(String name, String userActions, String requiredResult) {
        AcceptanceScenario scenario = new AcceptanceScenario(name, userActions, requiredResult);
        List<String> violations = new ArrayList<>(BeanValidation.violationsOf(scenario));
        if (!violations.isEmpty()) {
            throw new InvalidSpecificationException("acceptance scenario", violations);
        }
        return scenario;
    }

    /** Returns the scenario's name, verbatim. */
    public String name() {
        return name;
    }

    /** Returns the critical user actions, verbatim. */
    public String userActions() {
        return userActions;
    }

    /** Returns the critical required result, verbatim. */
    public String requiredResult() {
        return requiredResult;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof AcceptanceScenario s && Objects.equals(name, s.name)
                && Objects.equals(userActions, s.userActions) && Objects.equals(requiredResult, s.requiredResult);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, userActions, requiredResult);
    }

    @Override
    public String toString() {
        return "AcceptanceScenario[name=" + name + ", userActions=" + userActions
                + ", requiredResult=" + requiredResult + "]";
    }
}
