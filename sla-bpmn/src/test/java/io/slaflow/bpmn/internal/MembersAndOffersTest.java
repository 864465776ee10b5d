package io.slaflow.bpmn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.slaflow.core.request.RequestKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MembersAndOffersTest {

    private final Members members = new Members(List.of(Map.entry("a", "duty"), Map.entry("b", "duty"),
            Map.entry("a", "leads"), Map.entry("a", "duty")));

    @Test
    void membersKeepTheirGroupsInRegistrationOrder() {
        assertEquals(Set.of("duty", "leads"), members.groupsOf("a"));
        assertEquals(List.of("a", "b"), members.membersOf("duty"), "a duplicate membership counts once");
        assertFalse(members.isKnown("z"));
        assertEquals(Set.of(), members.groupsOf("z"));
    }

    @Test
    void emergencyWorkIsOfferedToOneMemberOnRotationAndOtherWorkToTheLine() {
        assertEquals(List.of("a", "b", "a"), List.of(Offers.firstOffer(members, "duty", RequestKind.EMERGENCY),
                Offers.firstOffer(members, "duty", RequestKind.EMERGENCY),
                Offers.firstOffer(members, "duty", RequestKind.EMERGENCY)));
        assertNull(Offers.firstOffer(members, "duty", RequestKind.CONSULTATION));
        assertNull(Offers.firstOffer(members, "programmers", RequestKind.EMERGENCY), "a line nobody is in");
    }

    @Test
    void anEscalatedTaskIsOfferedToTheWholeLineAndTheLeads() {
        assertEquals(List.of("duty"), List.copyOf(Offers.groups("duty", false)));
        assertEquals(List.of("duty", "leads"), List.copyOf(Offers.groups("duty", true)));
        assertEquals(List.of("leads"), List.copyOf(Offers.groups("leads", true)));
    }
}
