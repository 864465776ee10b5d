package io.slaflow.core.policy;

import static io.slaflow.core.request.RequestKind.DEVELOPMENT;
import static io.slaflow.core.request.RequestKind.EMERGENCY;
import static io.slaflow.core.request.RequestKind.UPDATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.request.RequestKind;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code specificationRequired:} list of a policy file: read, checked with line and column, printed back. */
class PolicyFileSpecificationRequiredTest {

    private static final String POLICY = """
            name: desk
            calendars:
              office: { zone: Europe/Kyiv, shifts: [ { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00" } ] }
            targets:
              - calendar: office
                response: PT4H
                resolution: PT24H
            """;

    private static PolicyFile read(String specificationRequired) {
        return SlaPolicies.parseFile(POLICY + specificationRequired);
    }

    private static List<String> violationsOf(String specificationRequired) {
        return assertThrows(InvalidPolicyException.class, () -> read(specificationRequired)).violations();
    }

    @Test
    void absentMeansDevelopmentOnly() {
        assertEquals(Set.of(DEVELOPMENT), read("").specificationRequired());
        assertEquals(PolicyFile.DEFAULT_SPECIFICATION_REQUIRED, read("").specificationRequired());
        assertEquals(Set.of(DEVELOPMENT), PolicyFile.of(read("").policy(), List.of()).specificationRequired());
    }

    @Test
    void aListNamesTheKindsAndAnEmptyListNone() {
        assertEquals(Set.of(DEVELOPMENT, UPDATE), read("specificationRequired: [UPDATE, DEVELOPMENT]\n")
                .specificationRequired());
        assertEquals(Set.of(), read("specificationRequired: []\n").specificationRequired());
        assertEquals(Set.of(EMERGENCY), read("specificationRequired:\n  - EMERGENCY\n").specificationRequired());
    }

    @Test
    void theKindsCannotBeChangedThroughTheSet() {
        Set<RequestKind> kinds = read("specificationRequired: [UPDATE]\n").specificationRequired();
        assertThrows(UnsupportedOperationException.class, () -> kinds.add(DEVELOPMENT));
        assertThrows(UnsupportedOperationException.class, () -> PolicyFile.DEFAULT_SPECIFICATION_REQUIRED.clear());
    }

    @Test
    void theKindsArePrintedWhenNotTheDefaultAndReadBackEqual() {
        PolicyFile two = read("specificationRequired: [UPDATE, DEVELOPMENT]\n");
        String yaml = SlaPolicies.toYaml(two);
        assertTrue(yaml.endsWith("""
                    resolution: PT24H
                specificationRequired: [DEVELOPMENT, UPDATE]
                """), yaml);
        assertEquals(two, SlaPolicies.parseFile(yaml));

        PolicyFile none = read("specificationRequired: []\n");
        assertTrue(SlaPolicies.toYaml(none).endsWith("\nspecificationRequired: []\n"), SlaPolicies.toYaml(none));
        assertEquals(none, SlaPolicies.parseFile(SlaPolicies.toYaml(none)));

        PolicyFile byDefault = read("specificationRequired: [DEVELOPMENT]\n");
        assertEquals(read(""), byDefault);
        assertEquals(SlaPolicies.toYaml(byDefault.policy()), SlaPolicies.toYaml(byDefault));
    }

    @Test
    void theKindsComeBeforeTheContractsInPrint() {
        PolicyFile file = read("""
                contracts:
                  - { customer: acme, policy: desk, zone: Europe/Kyiv, paymentTerms: PREPAYMENT }
                specificationRequired: [EMERGENCY]
                """);
        String yaml = SlaPolicies.toYaml(file);
        assertTrue(yaml.contains("specificationRequired: [EMERGENCY]\ncontracts:\n  - customer: acme\n"), yaml);
        assertEquals(file, SlaPolicies.parseFile(yaml));
    }

    @Test
    void withSpecificationRequiredReturnsACopy() {
        PolicyFile file = read("");
        PolicyFile update = file.withSpecificationRequired(List.of(UPDATE, UPDATE));
        assertEquals(Set.of(UPDATE), update.specificationRequired());
        assertEquals(Set.of(DEVELOPMENT), file.specificationRequired());
        assertEquals(file.policy(), update.policy());
        assertNotEquals(file, update);
        assertEquals(file, update.withSpecificationRequired(Set.of(DEVELOPMENT)));
        assertEquals(file.hashCode(), update.withSpecificationRequired(Set.of(DEVELOPMENT)).hashCode());
        assertTrue(update.toString().endsWith("specificationRequired=[UPDATE]]"), update.toString());
        assertThrows(NullPointerException.class, () -> file.withSpecificationRequired(null));
        assertThrows(NullPointerException.class, () -> file.withSpecificationRequired(Arrays.asList(UPDATE, null)));
    }

    @Test
    void unknownKindsRepeatsAndOtherProblemsAreListedTogether() {
        List<String> violations = assertThrows(InvalidPolicyException.class,
                () -> SlaPolicies.loadFile(SlaPoliciesTest.fixture("bad-specification-required.yaml"))).violations();
        assertEquals(List.of(
                "targets[0].response: must be positive (was PT0S) at line 6, column 15",
                "specificationRequired[1]: must be one of CONSULTATION, SPECIFICATION, DEVELOPMENT, UPDATE, EMERGENCY"
                        + " (was \"DEV\") at line 8, column 38",
                "specificationRequired[3]: must be one of CONSULTATION, SPECIFICATION, DEVELOPMENT, UPDATE, EMERGENCY"
                        + " (was 7) at line 8, column 51",
                "specificationRequired[4]: is listed already at specificationRequired[0]; name each kind once"
                        + " (was \"DEVELOPMENT\") at line 8, column 54",
                "contracts[0].zone: must be a time zone such as Europe/Kyiv (was \"Kyiv\") at line 10, column 65"),
                violations);
    }

    @Test
    void aSingleKindMustBeWrittenAsAList() {
        assertEquals(List.of("specificationRequired: must be a list such as [DEVELOPMENT, UPDATE], or [] for none"
                + " (was \"DEVELOPMENT\") at line 8, column 24"), violationsOf("specificationRequired: DEVELOPMENT\n"));
        assertEquals(List.of("specificationRequired: must be a list such as [DEVELOPMENT, UPDATE], or [] for none"
                + " (was a mapping) at line 9, column 3"), violationsOf("specificationRequired:\n  DEVELOPMENT: yes\n"));
    }

    @Test
    void anEmptyValueIsRefusedRatherThanGuessed() {
        assertEquals(List.of("specificationRequired: must be a list such as [DEVELOPMENT, UPDATE], or [] for none"
                + " (was null) at line 8, column 23"), violationsOf("specificationRequired:\n"));
    }

    @Test
    void parseRefusesABadListToo() {
        assertEquals(List.of("specificationRequired[0]: must be one of CONSULTATION, SPECIFICATION, DEVELOPMENT,"
                + " UPDATE, EMERGENCY (was \"development\") at line 8, column 25"),
                assertThrows(InvalidPolicyException.class,
                        () -> SlaPolicies.parse(POLICY + "specificationRequired: [development]\n")).violations());
    }
}
