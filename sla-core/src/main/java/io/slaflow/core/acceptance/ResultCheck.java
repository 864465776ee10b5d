package io.slaflow.core.acceptance;

import io.slaflow.core.internal.ViolationText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks a demonstration's results against the specification's scenarios, one to one. Stateless. */
final class ResultCheck {

    private ResultCheck() {
    }

    /**
     * Returns the results in the specification's scenario order.
     *
     * @throws InvalidResultsException listing unknown and repeated scenario names, scenarios without a
     *         result, and failed results without a finding
     */
    static List<ScenarioResult> inSpecificationOrder(Specification spec, List<ScenarioResult> results) {
        List<String> problems = new ArrayList<>();
        Map<String, ScenarioResult> byName = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            check(spec, results.get(i), "results[" + i + "]", byName, problems);
        }
        for (AcceptanceScenario scenario : spec.scenarios()) {
            if (!byName.containsKey(scenario.name())) {
                problems.add("results: no result for scenario " + ViolationText.show(scenario.name())
                        + "; every scenario of the specification needs one");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidResultsException(problems);
        }
        return spec.scenarios().stream().map(s -> byName.get(s.name())).toList();
    }

    private static void check(Specification spec, ScenarioResult result, String path,
            Map<String, ScenarioResult> byName, List<String> problems) {
        String name = result.scenario();
        if (spec.scenario(name).isEmpty()) {
            problems.add(path + ".scenario: no such scenario in the specification (was "
                    + ViolationText.show(name) + "); scenarios are " + names(spec));
        } else if (byName.putIfAbsent(name, result) != null) {
            problems.add(path + ".scenario: a second result for the same scenario (was "
                    + ViolationText.show(name) + ")");
        }
        if (!result.passed() && result.finding().isBlank()) {
            problems.add(path + ".finding: a failed scenario must say what failed (was "
                    + ViolationText.show(result.finding()) + ")");
        }
    }

    private static List<String> names(Specification spec) {
        return spec.scenarios().stream().map(AcceptanceScenario::name).toList();
    }
}
