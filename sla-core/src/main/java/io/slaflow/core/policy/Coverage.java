package io.slaflow.core.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Which rule wins each combination of severity x kind x tier: the first that matches it. */
final class Coverage {

    private Coverage() {
    }

    /**
     * Returns, for each combination, the index of the first rule matching it, or -1 when none does.
     *
     * @param rules the rules, top to bottom
     * @return an array of {@link Combinations#COUNT} rule indices
     */
    static int[] winners(List<SlaRule.Builder> rules) {
        int[] winners = new int[Combinations.COUNT];
        Arrays.fill(winners, -1);
        for (int r = 0; r < rules.size(); r++) {
            for (int c = 0; c < Combinations.COUNT; c++) {
                if (winners[c] < 0 && rules.get(r).matches(c)) {
                    winners[c] = r;
                }
            }
        }
        return winners;
    }

    /**
     * Adds a violation for each rule that wins no combination (naming the rules above it that take
     * its requests) and one naming every combination no rule covers.
     *
     * @param targets the path of the rules in the file, e.g. {@code targets} or {@code policies.gold.targets}
     */
    static void check(List<SlaRule.Builder> rules, String targets, List<Violation> out) {
        int[] winners = winners(rules);
        for (int r = 0; r < rules.size(); r++) {
            TreeSet<Integer> takenBy = new TreeSet<>();
            boolean wins = false;
            for (int c = 0; c < Combinations.COUNT; c++) {
                if (rules.get(r).matches(c)) {
                    wins |= winners[c] == r;
                    takenBy.add(winners[c]);
                }
            }
            if (!wins) {
                out.add(new Violation(targets + "[" + r + "]", "can never match: the rules above it ("
                        + takenBy.stream().map(i -> targets + "[" + i + "]").collect(Collectors.joining(", "))
                        + ") take every request it matches; remove it or move it up"));
            }
        }
        List<String> uncovered = new ArrayList<>();
        for (int c = 0; c < Combinations.COUNT; c++) {
            if (winners[c] < 0) {
                uncovered.add(Combinations.label(c));
            }
        }
        if (!uncovered.isEmpty()) {
            out.add(new Violation(targets, "no rule covers " + String.join(", ", uncovered)
                    + " (severity/kind/tier); add rules for them or end with a rule whose when is empty"));
        }
    }
}
