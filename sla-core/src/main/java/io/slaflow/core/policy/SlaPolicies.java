package io.slaflow.core.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads policies from the YAML policy file format and prints them back.
 *
 * <pre>{@code
 * name: two-tier-support
 * calendars:
 *   office:
 *     zone: Europe/Kyiv
 *     shifts:
 *       - { days: [MON, TUE, WED, THU, FRI], from: "08:00", to: "22:00" }
 *     holidays: [2026-01-01, 2026-01-07]
 * targets:                         # first match wins, top to bottom
 *   - when: { kind: EMERGENCY }
 *     calendar: office
 *     response: PT30M
 *     resolution: PT4H
 *   - when: {}
 *     calendar: office
 *     response: PT4H
 *     resolution: PT24H
 *     warnAt: [0.5, 0.75, 0.9]
 * }</pre>
 *
 * <p>A calendar has a {@code zone}, {@code shifts} ({@code days} as MON ... SUN, one or a list;
 * {@code from} and {@code to} as {@code "HH:MM"}), optional {@code holidays} and optional
 * {@code workingDays} ({@code { date: 2026-03-07, from: "09:00", to: "14:00" }}: that date's hours
 * replace its weekday's). A rule's {@code when} may name {@code severity}, {@code kind} and
 * {@code tier}, each one value or a list; an empty or absent {@code when} matches every request.
 * Targets are ISO-8601 durations of working time. A top-level {@code contracts} key is reserved
 * for per-contract settings and ignored by this version; any other unknown key is a violation.
 */
public final class SlaPolicies {

    private SlaPolicies() {
    }

    /**
     * Reads a policy from YAML text.
     *
     * @param yaml the policy file's content
     * @return the policy
     * @throws InvalidPolicyException listing every violation, each with its path, what is wrong, the
     *     value given, and the line and column: malformed YAML, unknown keys, values of the wrong
     *     type or spelling (durations, zones, days, severities, kinds, tiers), and every rule {@link
     *     RuleBasedPolicy.Builder#build()} checks
     * @throws NullPointerException if {@code yaml} is null
     */
    public static RuleBasedPolicy parse(String yaml) {
        return PolicyYamlReader.read(Objects.requireNonNull(yaml, "yaml"), null);
    }

    /**
     * Reads a policy from a UTF-8 YAML file.
     *
     * @param file the policy file
     * @return the policy
     * @throws InvalidPolicyException as {@link #parse(String)}, naming the file in its message
     * @throws UncheckedIOException if the file cannot be read
     */
    public static RuleBasedPolicy load(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy file " + file, e);
        }
        return PolicyYamlReader.read(yaml, file.toString());
    }

    /**
     * Prints a policy in the policy file format; {@link #parse(String)} reads the text back as an
     * equal policy.
     *
     * @param policy the policy
     * @return the YAML text
     */
    public static String toYaml(RuleBasedPolicy policy) {
        return PolicyYamlWriter.write(Objects.requireNonNull(policy, "policy"));
    }
}
