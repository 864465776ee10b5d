package io.slaflow.bpmn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinesAndMembersTest {

    private static ServiceRequest request(RequesterTier tier, RequestKind kind) {
        return ServiceRequest.builder().customer("c").requester("r").tier(tier).kind(kind)
                .severity(Severity.NON_CRITICAL).subject("s").build();
    }

    @Test
    void keyUsersGoToAnalystsOrdinaryUsersToConsultantsEmergenciesToDuty() {
        assertEquals("analysts", Lines.lineFor(request(RequesterTier.KEY_USER, RequestKind.DEVELOPMENT)));
        assertEquals("consultants", Lines.lineFor(request(RequesterTier.ORDINARY_USER, RequestKind.DEVELOPMENT)));
        assertEquals("duty", Lines.lineFor(request(RequesterTier.KEY_USER, RequestKind.EMERGENCY)));
        assertEquals("duty", Lines.lineFor(request(RequesterTier.ORDINARY_USER, RequestKind.EMERGENCY)));
    }

    @Test
    void handOverRunsConsultantsToAnalystsToProgrammersAndStops() {
        assertEquals(Optional.of("analysts"), Lines.handOverTarget("consultants"));
        assertEquals(Optional.of("programmers"), Lines.handOverTarget("analysts"));
        assertEquals(Optional.empty(), Lines.handOverTarget("programmers"));
        assertEquals(Optional.empty(), Lines.handOverTarget("duty"));
    }

    @Test
    void emergenciesComeFirstThenConsultationsSpecificationsThenTheRest() {
        assertTrue(Lines.taskPriority(RequestKind.EMERGENCY) > Lines.taskPriority(RequestKind.CONSULTATION));
        assertTrue(Lines.taskPriority(RequestKind.CONSULTATION) > Lines.taskPriority(RequestKind.SPECIFICATION));
        assertTrue(Lines.taskPriority(RequestKind.SPECIFICATION) > Lines.taskPriority(RequestKind.DEVELOPMENT));
        assertEquals(Lines.taskPriority(RequestKind.DEVELOPMENT), Lines.taskPriority(RequestKind.UPDATE));
    }

    @Test
    void membersKeepTheirGroupsAndDutyRotates() {
        Members m = new Members(List.of(Map.entry("a", "duty"), Map.entry("b", "duty"), Map.entry("a", "leads"),
                Map.entry("a", "duty")));
        assertEquals(Set.of("duty", "leads"), m.groupsOf("a"));
        assertEquals(List.of("a", "b"), m.membersOf("duty"), "a duplicate membership counts once");
        assertFalse(m.isKnown("z"));
        assertEquals(Set.of(), m.groupsOf("z"));
        assertEquals(List.of("a", "b", "a"), List.of(m.nextInRotation("duty"), m.nextInRotation("duty"),
                m.nextInRotation("duty")));
        assertNull(m.nextInRotation("programmers"));
    }
}
