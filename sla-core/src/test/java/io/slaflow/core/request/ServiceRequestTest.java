package io.slaflow.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slaflow.core.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceRequestTest {

    private static ServiceRequest.Builder valid() {
        return ServiceRequest.builder()
                .customer("acme").requester("olena")
                .tier(RequesterTier.KEY_USER).kind(RequestKind.DEVELOPMENT).severity(Severity.NON_CRITICAL)
                .subject("Credit limit check").description("Sales documents post over the customer's limit");
    }

    private static List<String> violationsOf(ServiceRequest.Builder builder) {
        return assertThrows(InvalidRequestException.class, builder::build).violations();
    }

    @Test
    void validRequestKeepsEveryField() {
        ServiceRequest r = valid().build();
        assertEquals("acme", r.customer());
        assertEquals("olena", r.requester());
        assertEquals(RequesterTier.KEY_USER, r.tier());
        assertEquals(RequestKind.DEVELOPMENT, r.kind());
        assertEquals(Severity.NON_CRITICAL, r.severity());
        assertEquals("Credit limit check", r.subject());
        assertEquals("Sales documents post over the customer's limit", r.description());
        assertEquals(r, valid().build());
    }

    @Test
    void descriptionIsOptional() {
        ServiceRequest r = ServiceRequest.builder().customer("acme").requester("olena")
                .tier(RequesterTier.ORDINARY_USER).kind(RequestKind.CONSULTATION).severity(Severity.CRITICAL)
                .subject("How do I post a return?").build();
        assertEquals("", r.description());
    }

    @Test
    void emptyBuilderListsEveryMissingField() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> ServiceRequest.builder().build());
        assertInstanceOf(ValidationException.class, e);
        assertEquals(List.of(
                "customer: must not be blank (was null)",
                "kind: must not be null (was null)",
                "requester: must not be blank (was null)",
                "severity: must not be null (was null)",
                "subject: must not be blank (was null)",
                "tier: must not be null (was null)"), e.violations());
        assertEquals("Invalid request (6 problems):\n  - customer: must not be blank (was null)", e.getMessage().lines()
                .limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow());
    }

    @Test
    void blankSubjectIsRefused() {
        assertEquals(List.of("subject: must not be blank (was \"\")"), violationsOf(valid().subject("")));
        assertEquals(List.of("subject: must not be blank (was \" \\t \")"), violationsOf(valid().subject(" \t ")));
    }

    @Test
    void blankIdsAreRefused() {
        assertEquals(List.of("customer: must not be blank (was \"  \")", "requester: must not be blank (was \"\")"),
                violationsOf(valid().customer("  ").requester("")));
    }

    @Test
    void idsLongerThanTheLimitAreRefused() {
        String id = "c".repeat(ServiceRequest.MAX_ID_LENGTH + 1);
        assertEquals(List.of("customer: must be at most 64 characters (was 65 characters: \"" + "c".repeat(40) + "\"...)"),
                violationsOf(valid().customer(id)));
        assertEquals("c".repeat(64), valid().customer("c".repeat(64)).build().customer());
    }

    @Test
    void subjectLongerThanTheLimitIsRefused() {
        assertEquals(List.of("subject: must be at most 200 characters (was 201 characters: \"" + "s".repeat(40) + "\"...)"),
                violationsOf(valid().subject("s".repeat(ServiceRequest.MAX_SUBJECT_LENGTH + 1))));
        assertEquals(200, valid().subject("s".repeat(200)).build().subject().length());
    }

    @Test
    void descriptionLongerThanTheLimitIsRefused() {
        assertEquals(List.of("description: must be at most 10000 characters (was 10001 characters: \""
                        + "d".repeat(40) + "\"...)"),
                violationsOf(valid().description("d".repeat(ServiceRequest.MAX_DESCRIPTION_LENGTH + 1))));
        assertEquals(10_000, valid().description("d".repeat(10_000)).build().description().length());
    }

    @Test
    void nullDescriptionIsRefused() {
        assertEquals(List.of("description: must not be null (was null)"), violationsOf(valid().description(null)));
    }

    @Test
    void missingEnumsAreRefused() {
        assertEquals(List.of("kind: must not be null (was null)", "severity: must not be null (was null)",
                "tier: must not be null (was null)"), violationsOf(valid().tier(null).kind(null).severity(null)));
    }

    @Test
    void expressionsInTextAreKeptVerbatim() {
        String subject = "${1+1} #{7*7} ${''.getClass()}";
        String description = "{max} ${validatedValue} #{T(java.lang.Runtime).getRuntime()}";
        ServiceRequest r = valid().subject(subject).description(description).build();
        assertEquals(subject, r.subject());
        assertEquals(description, r.description());
    }

    @Test
    void expressionsInRefusedTextAreShownVerbatim() {
        String subject = "${7*7}#{7*7}{max}" + "x".repeat(200);
        assertEquals(List.of("subject: must be at most 200 characters (was 217 characters: \"${7*7}#{7*7}{max}"
                + "x".repeat(23) + "\"...)"), violationsOf(valid().subject(subject)));
        assertEquals(List.of("customer: must be at most 64 characters (was 66 characters: \"${1+1}"
                + "c".repeat(34) + "\"...)"), violationsOf(valid().customer("${1+1}" + "c".repeat(60))));
    }

    @Test
    void aReferenceIsOptionalAndPartOfTheValue() {
        assertEquals(java.util.Optional.empty(), valid().build().reference());
        ServiceRequest r = valid().reference("TICKET-4711").build();
        assertEquals(java.util.Optional.of("TICKET-4711"), r.reference());
        assertEquals(r, valid().reference("TICKET-4711").build());
        assertEquals(r.hashCode(), valid().reference("TICKET-4711").build().hashCode());
        org.junit.jupiter.api.Assertions.assertNotEquals(r, valid().build());
        org.junit.jupiter.api.Assertions.assertNotEquals(r, valid().reference("TICKET-4712").build());
        org.junit.jupiter.api.Assertions.assertTrue(r.toString().endsWith(", reference=TICKET-4711]"), r.toString());
        assertEquals("x".repeat(ServiceRequest.MAX_REFERENCE_LENGTH),
                valid().reference("x".repeat(64)).build().reference().orElseThrow());
    }

    @Test
    void aReferenceIsNotBlankNotTooLongAndHasNoControlCharacters() {
        assertEquals(List.of("reference: must not be blank when given; leave it out for none (was \" \")"),
                violationsOf(valid().reference(" ")));
        assertEquals(List.of("reference: must be at most 64 characters (was 65 characters: \"" + "x".repeat(40) + "\"...)"),
                violationsOf(valid().reference("x".repeat(65))));
        assertEquals(List.of("reference: must not contain control characters (was \"T-1\\n\")"),
                violationsOf(valid().reference("T-1\n")));
        assertEquals(List.of(
                "reference: must not be blank when given; leave it out for none (was \"\")",
                "subject: must not be blank (was \"\")"), violationsOf(valid().reference("").subject("")));
    }
}
