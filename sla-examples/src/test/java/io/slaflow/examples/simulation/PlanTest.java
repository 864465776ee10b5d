package io.slaflow.examples.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.routing.RoutingRules;
import io.slaflow.core.routing.SupportGroups;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTest {

    private static final List<Arrival> ARRIVALS = Arrivals.generate(3, LocalDate.of(2026, 3, 23), 7,
            ZoneId.of("Europe/Kyiv"));
    private static final RoutingRules ROUTING = RoutingRules.defaults();

    @Test
    void everyPlanEndsInTheResolutionAndNeverStartsWithAWait() {
        for (Arrival a : ARRIVALS) {
            List<Plan.Step> steps = Plan.of(a).steps();
            assertEquals(Plan.Action.RESOLVE, steps.get(steps.size() - 1).action(), a.ref());
            assertNotEquals(Plan.Action.WAIT, steps.get(0).action(), a.ref());
            assertEquals(1, steps.stream().filter(s -> s.action() == Plan.Action.RESOLVE).count(), a.ref());
            assertTrue(steps.stream().filter(s -> s.action() == Plan.Action.RESPOND).count() <= 1, a.ref());
        }
    }

    @Test
    void everyHandOverIsOneTheRoutingRulesMake() {
        for (Arrival a : ARRIVALS) {
            String line = ROUTING.intake(a.request());
            for (Plan.Step step : Plan.of(a).steps()) {
                if (step.action() == Plan.Action.HAND_OVER) {
                    String from = line;
                    line = ROUTING.handOff(a.request(), line, step.found())
                            .orElseThrow(() -> new AssertionError(a.ref() + ": no hand-off of " + step.found() + " from " + from));
                }
            }
            boolean development = Plan.of(a).steps().stream().anyMatch(s -> s.found() == RequestKind.DEVELOPMENT);
            assertEquals(development, line.equals(SupportGroups.PROGRAMMERS), a.ref() + " ends with " + line);
        }
    }

    @Test
    void stepsTakePositiveWorkingTimeAndWaitsAReply() {
        for (Arrival a : ARRIVALS) {
            for (Plan.Step step : Plan.of(a).steps()) {
                assertTrue(step.effort().compareTo(Duration.ofMinutes(1)) >= 0, a.ref() + " " + step);
                assertEquals(step.action() == Plan.Action.WAIT, step.replyAfter() != null, a.ref() + " " + step);
            }
        }
    }

    @Test
    void mostOrdinaryConsultationsAreSolvedOnTheSpot() {
        List<Arrival> consultations = ARRIVALS.stream().filter(a -> a.request().tier() == RequesterTier.ORDINARY_USER
                && a.request().kind() == RequestKind.CONSULTATION).toList();
        long atOnce = consultations.stream().filter(a -> Plan.of(a).steps().size() == 1).count();

        assertTrue(atOnce > 0.8 * consultations.size() && atOnce < consultations.size(),
                atOnce + " of " + consultations.size());
    }

    @Test
    void theSameArrivalHasTheSamePlan() {
        for (Arrival a : ARRIVALS.subList(0, 50)) {
            assertEquals(Plan.of(a), Plan.of(a));
        }
    }
}
