package io.slaflow.core.policy;

import io.slaflow.core.calendar.WorkingCalendar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * {@code from} and {@code to} as {@code "HH:MM"}), optional {@code holidays} (dates and {@linkplain
 * io.slaflow.core.calendar.HolidayRule rules} such as {@code { easter: ORTHODOX, offset: 49 }}, or a
 * production calendar {@code { set: KZ, plus: [...], minus: [...] }}), optional {@code daysOff},
 * optional {@code workingDays} ({@code { date: 2026-03-07, from: "09:00", to: "14:00" }}: that date's
 * hours replace its weekday's; {@code { date: 2026-05-09, as: 2026-05-04 }}: it works that date's
 * hours) and optional {@code shortBeforeHolidays} (e.g. {@code PT1H}). A rule's {@code when} may name {@code severity}, {@code kind} and
 * {@code tier}, each one value or a list; an empty or absent {@code when} matches every request.
 * Targets are ISO-8601 durations of working time; a rule may add {@code rework}, the working time
 * of one rework round of the acceptance workflow (the resolution target when absent). Targets are at
 * most {@link SlaRule#MAX_TARGET} ({@code PT87600H}).
 *
 * <p>The top-level {@code name} and {@code targets} are the default policy: the one of customers without
 * a contract. The optional top-level {@code policies} mapping adds named policies, each {@code {
 * targets: [...] }} with the same rule syntax and the file's calendars, checked like the default with
 * paths such as {@code policies.gold.targets[1].response}; no two policies share a name:
 * <pre>{@code
 * policies:
 *   gold:
 *     targets:
 *       - { when: { severity: CRITICAL }, calendar: always, response: PT30M, resolution: PT4H }
 *       - { calendar: office, response: PT2H, resolution: PT16H }
 * }</pre>
 *
 * <p>The optional top-level {@code contracts} list holds the customers' {@link
 * io.slaflow.core.contract.ServiceContract}s, each with the keys of that class (customer, policy,
 * zone, paymentTerms, prepaidHours, warranty, riskBuffer, hourlyRate, keyUsers); every contract
 * names one of the file's policies (the default or one of {@code policies}), and no customer has two.
 *
 * <p>The rest of the desk, each optional, left out for its default:
 * <pre>{@code
 * routing:                              # RoutingRules; absent: RoutingRules.defaults()
 *   intake:                             # first match wins; absent: the default intake rules
 *     - { when: { tier: KEY_USER }, to: analysts }
 *     - { to: consultants }             # no when: every request
 *   handOff:                            # absent: the default hand-offs; [] for none
 *     - { from: consultants, when: { kind: [DEVELOPMENT] }, to: analysts }
 *     - { when: { kind: EMERGENCY }, to: duty }      # no from: from any group
 * callBack: PT15M                       # CallBackPolicy, positive, at most PT168H
 * workOrder: [[EMERGENCY], [CONSULTATION, UPDATE], [SPECIFICATION, DEVELOPMENT]]  # every kind once
 * acceptanceRequired: [DEVELOPMENT]     # absent: none
 * }</pre>
 * A routing rule's {@code when} has the keys of a target rule's; group ids are letters, digits,
 * {@code _ . -}; the checks of {@link io.slaflow.core.routing.RoutingRules.Builder#build()} (coverage of
 * the intake, rules that never apply) are reported under {@code routing}.
 *
 * <p>The optional top-level {@code specificationRequired} list names the kinds of work ({@link
 * io.slaflow.core.request.RequestKind}) that need a written specification with acceptance scenarios
 * in the acceptance workflow, each kind once: {@code specificationRequired: [DEVELOPMENT, UPDATE]};
 * {@code []} for none; absent, {@link PolicyFile#DEFAULT_SPECIFICATION_REQUIRED} ({@code [DEVELOPMENT]}).
 *
 * <p>{@link #parse} checks the whole file and returns the default policy; {@link #parseFile} returns
 * everything as a {@link PolicyFile}. Any other unknown key is a violation. A text longer than {@link
 * #MAX_FILE_CHARS} characters is refused before it is parsed ({@link #parseFile(String, int)} takes
 * another limit); the text is parsed once; names must be whole characters (no unpaired surrogate), so
 * {@link #toYaml(PolicyFile)} always prints a file this class reads back equal.
 *
 * <pre>{@code
 * contracts:
 *   - customer: acme
 *     policy: two-tier-support
 *     zone: Europe/Kyiv
 *     paymentTerms: SPLIT_50_50
 *     prepaidHours: 40
 *     keyUsers: [olena]
 * }</pre>
 */
public final class SlaPolicies {

    /**
     * The longest policy file read by default, in characters: 1,000,000, far more than a desk's
     * configuration takes. A longer text is refused before it is parsed; {@link #parseFile(String, int)}
     * and {@link #loadFile(Path, int)} take another limit.
     */
    public static final int MAX_FILE_CHARS = 1_000_000;

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
     *     RuleBasedPolicy.Builder#build()} checks, and the problems of the contracts and of
     *     {@code specificationRequired} (see {@link #parseFile})
     * @throws NullPointerException if {@code yaml} is null
     */
    public static RuleBasedPolicy parse(String yaml) {
        return parseFile(yaml).policy();
    }

    /**
     * Reads a whole policy file from YAML text of at most {@link #MAX_FILE_CHARS} characters.
     *
     * @param yaml the policy file's content
     * @return its policies, contracts and the rest of the desk, each part its default when left out
     * @throws InvalidPolicyException as {@link #parse(String)}, and for every contract that breaks a
     *     rule of {@link io.slaflow.core.contract.ServiceContract.Builder#build()}, names another
     *     policy, or repeats a customer, with its path ({@code contracts[1].riskBuffer}), line and
     *     column; for a {@code specificationRequired} or {@code acceptanceRequired} that is not a list, or
     *     names an unknown kind or a kind twice ({@code specificationRequired[1]}); for every problem of
     *     {@code policies}, {@code routing}, {@code callBack} and {@code workOrder}; and, alone, for a
     *     text longer than {@link #MAX_FILE_CHARS}
     * @throws NullPointerException if {@code yaml} is null
     */
    public static PolicyFile parseFile(String yaml) {
        return parseFile(yaml, MAX_FILE_CHARS);
    }

    /**
     * Reads a policy file from YAML text of at most {@code maxChars} characters.
     *
     * @param yaml the policy file's content
     * @param maxChars the longest text read, in characters, positive; {@link #MAX_FILE_CHARS} for
     *     {@link #parseFile(String)}
     * @return the file's content
     * @throws InvalidPolicyException as {@link #parseFile(String)}, and with one violation, before
     *     anything is parsed, when the text is longer than {@code maxChars}
     * @throws IllegalArgumentException if {@code maxChars} is not positive
     * @throws NullPointerException if {@code yaml} is null
     */
    public static PolicyFile parseFile(String yaml, int maxChars) {
        return PolicyYamlReader.read(Objects.requireNonNull(yaml, "yaml"), null, checkLimit(maxChars));
    }

    /**
     * Reads the default policy of a UTF-8 YAML file.
     *
     * @param file the policy file
     * @return the default policy
     * @throws InvalidPolicyException as {@link #parse(String)}, naming the file in its message
     * @throws UncheckedIOException if the file cannot be read
     */
    public static RuleBasedPolicy load(Path file) {
        return loadFile(file).policy();
    }

    /**
     * Reads a whole policy file from a UTF-8 YAML file of at most {@link #MAX_FILE_CHARS} characters.
     *
     * @param file the policy file
     * @return its policies, contracts and the rest of the desk
     * @throws InvalidPolicyException as {@link #parseFile(String)}, naming the file in its message
     * @throws UncheckedIOException if the file cannot be read
     */
    public static PolicyFile loadFile(Path file) {
        return loadFile(file, MAX_FILE_CHARS);
    }

    /**
     * Reads a policy file of at most {@code maxChars} characters from a UTF-8 YAML file; a file whose
     * size in bytes shows it is longer is refused without being read.
     *
     * @param file the policy file
     * @param maxChars the longest text read, in characters, positive
     * @return the file's content
     * @throws InvalidPolicyException as {@link #parseFile(String, int)}, naming the file in its message
     * @throws IllegalArgumentException if {@code maxChars} is not positive
     * @throws UncheckedIOException if the file cannot be read
     */
    public static PolicyFile loadFile(Path file, int maxChars) {
        checkLimit(maxChars);
        String yaml;
        try {
            long bytes = Files.size(file);
            if (bytes > 3L * maxChars) { // UTF-8 takes at most 3 bytes a char (4 for a pair of two)
                throw new InvalidPolicyException(file.toString(), List.of("yaml: the file has " + bytes
                        + " bytes, more than the limit of " + maxChars + " characters can take; a policy file is"
                        + " far smaller, or raise the limit with SlaPolicies.loadFile(file, maxChars)"));
            }
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy file " + file, e);
        }
        return PolicyYamlReader.read(yaml, file.toString(), maxChars);
    }

    private static int checkLimit(int maxChars) {
        if (maxChars <= 0) {
            throw new IllegalArgumentException("maxChars must be positive (was " + maxChars + "); the default is "
                    + MAX_FILE_CHARS);
        }
        return maxChars;
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

    /**
     * Prints a whole policy file: its policies, and each other part (specification and acceptance
     * kinds, routing, call-back target, work order, contracts) unless it is the default; {@link
     * #parseFile(String)} reads the text back as an equal file.
     *
     * @param file the policy file
     * @return the YAML text
     */
    public static String toYaml(PolicyFile file) {
        return PolicyYamlWriter.write(Objects.requireNonNull(file, "file"));
    }

    /**
     * Prints one working calendar as a policy file writes a calendar ({@code zone}, {@code shifts},
     * {@code holidays}, ...), at the top level of the text: a way for a host, and for slaflow's staff
     * directory, to store a calendar; {@link #parseCalendar(String)} reads it back as an equal calendar.
     *
     * @param calendar the calendar
     * @return the YAML text
     */
    public static String calendarToYaml(WorkingCalendar calendar) {
        return PolicyYamlWriter.writeCalendar(Objects.requireNonNull(calendar, "calendar"));
    }

    /**
     * Reads one working calendar written as {@link #calendarToYaml(WorkingCalendar)} writes it (the keys of
     * a calendar of a policy file's {@code calendars:}, at the top level), of at most {@link #MAX_FILE_CHARS}
     * characters.
     *
     * @param yaml the calendar's text
     * @return the calendar
     * @throws InvalidPolicyException listing every violation, with path, line and column, as for a
     *     calendar of a policy file
     * @throws NullPointerException if {@code yaml} is null
     */
    public static WorkingCalendar parseCalendar(String yaml) {
        return PolicyYamlReader.readCalendar(Objects.requireNonNull(yaml, "yaml"), MAX_FILE_CHARS);
    }
}
