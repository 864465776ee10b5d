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
            ZoneId.of("Europe/Kyiv"), SimulationConfig.defaults().customers());
    private static final RoutingRules ROUTING = RoutingRules.defaults();

    @Test
    void everyPlanEndsInTheResolutionOrAcceptanceAndNeverStartsWithAWait() {
        int accepted = 0;
        int reworked = 0;
        for (Arrival a : ARRIVALS) {
            Plan plan = Plan.of(a);
            List<Plan.Step> steps = plan.steps();
            long demonstrations = steps.stream().filter(s -> s.action() == Plan.Action.DEMONSTRATE).count();
            if (demonstrations == 0) {
                assertEquals(Plan.Action.RESOLVE, steps.get(steps.size() - 1).action(), a.ref());
                assertEquals(1, steps.stream().filter(s -> s.action() == Plan.Action.RESOLVE).count(), a.ref());
                assertEquals(0, plan.scenarios(), a.ref());
            } else {
                assertEquals(RequestKind.DEVELOPMENT, steps.stream().filter(s -> s.found() != null)
                        .reduce((x, y) -> y).map(Plan.Step::found).orElse(a.request().kind()), a.ref());
                List<Plan.Action> tail = steps.subList(steps.size() - (int) demonstrations - 2, steps.size()).stream()
                        .map(Plan.Step::action).toList();
                assertEquals(Plan.Action.PROPOSE, tail.get(0), a.ref());
                assertEquals(Plan.Action.SPECIFY, tail.get(1), a.ref());
                assertTrue(plan.scenarios() >= 1 && plan.scenarios() <= 3, a.ref());
                assertTrue(demonstrations <= 2, a.ref());
                assertTrue(steps.stream().noneMatch(s -> s.action() == Plan.Action.RESOLVE), a.ref());
                accepted++;
                reworked += demonstrations == 2 ? 1 : 0;
            }
            assertNotEquals(Plan.Action.WAIT, steps.get(0).action(), a.ref());
            assertTrue(steps.stream().filter(s -> s.action() == Plan.Action.RESPOND).count() <= 1, a.ref());
        }
        assertTrue(accepted > 0 && reworked > 0 && reworked < accepted, accepted + " accepted, " + reworked + " reworked");
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
                assertEquals(step.action().customerReplies(), step.replyAfter() != null, a.ref() + " " + step);
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
