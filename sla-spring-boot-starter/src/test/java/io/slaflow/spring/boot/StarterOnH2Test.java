package io.slaflow.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.slaflow.bpmn.SlaEngine;
import io.slaflow.bpmn.SlaEvent;
import io.slaflow.core.countdown.SlaMetric;
import io.slaflow.core.testkit.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

/** A Spring Boot host on H2 without Flowable's starter: the starter builds the engine on the application's DataSource. */
@SpringBootTest(classes = HostApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:starter-h2;DB_CLOSE_DELAY=-1",
        "slaflow.policy-file=classpath:desk.yaml",
        "slaflow.members.consultants=olga,petro",
        "slaflow.members.leads=lena",
        "slaflow.manual-timers=true",
        "management.endpoints.web.exposure.include=health,metrics",
        "management.endpoint.health.show-details=always"})
@PlainClasspath
class StarterOnH2Test {

    @Autowired
    SlaEngine desk;
    @Autowired
    TestClock clock;
    @Autowired
    SlaflowProperties properties;
    @Autowired
    RecordingListener listener;
    @Autowired
    AtomicInteger customizerCalls;
    @Autowired
    MeterRegistry meters;
    @Autowired
    HealthEndpoint health;
    @Autowired
    HostApplication.HostTickets tickets;

    @Test
    void propertiesAreBoundAndTheEngineRunsThePolicyFile() {
        assertThat(properties.getMembers()).containsEntry("consultants", List.of("olga", "petro"))
                .containsEntry("leads", List.of("lena"));
        assertThat(properties.isManualTimers()).isTrue();
        assertThat(desk.policy().name()).isEqualTo("starter-desk");
        assertThat(customizerCalls).hasValue(1);
    }

    @Test
    void listenerBeansHearTheEventsAndTheCounterCountsThem() {
        String id = desk.submit(Requests.critical("listened"));
        assertThat(listener.about(id)).extracting(SlaEvent::type).containsExactly(SlaEvent.Type.STARTED,
                SlaEvent.Type.STARTED);
        desk.respond(id, "olga", "Restart the export service");
        assertThat(listener.about(id)).extracting(SlaEvent::type).contains(SlaEvent.Type.MET);
        assertThat(meters.get(SlaflowMeters.EVENTS).tags("metric", "response", "type", "met").counter().count())
                .isGreaterThanOrEqualTo(1);
        assertThat(meters.get(SlaflowMeters.EVENTS).meters()).allSatisfy(m -> assertThat(m.getId().getTag("customer"))
                .as("no customer tag by default").isNull());
    }

    @Test
    void manualTimersFireWhenMovedAndTheirLatenessIsTimed() {
        String id = desk.submit(Requests.critical("timed"));
        clock.advance(Duration.ofMinutes(61));                  // the warning at half the 2-hour response target
        assertThat(desk.fireDueTimers()).isPositive();
        assertThat(listener.about(id)).extracting(SlaEvent::type).contains(SlaEvent.Type.WARNING);
        var lateness = meters.get(SlaflowMeters.LATENESS).tags("metric", "response", "type", "warning").timer();
        assertThat(lateness.count()).isPositive();
        assertThat(lateness.max(java.util.concurrent.TimeUnit.SECONDS)).as("fired a minute after the threshold")
                .isGreaterThanOrEqualTo(59);
        desk.resolve(id, "olga", "Fixed");
    }

    @Test
    void healthGoesDownWhileDueTimersWaitTooLongAndUpOnceTheyRan() {
        String id = desk.submit(Requests.critical("lagging"));
        assertThat(slaflowHealth().getStatus()).isEqualTo(Status.UP);
        assertThat(meters.get(SlaflowEngineMeters.OPEN).gauge().value()).isPositive();

        clock.advance(Duration.ofHours(3));                    // the warning and the breach are due, nothing fires them
        assertThat(meters.get(SlaflowEngineMeters.DUE).gauge().value()).isPositive();
        IndicatedHealthDescriptor down = slaflowHealth();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsKeys("dueTimers", "oldestDue", "lag", "maxLag");

        desk.fireDueTimers();
        assertThat(slaflowHealth().getStatus()).isEqualTo(Status.UP);
        assertThat(meters.get(SlaflowEngineMeters.DUE).gauge().value()).isZero();
        desk.resolve(id, "lena", "Escalated and fixed");
    }

    @Test
    void anOperationInTheHostsTransactionRunsInItsOwnAndIsKeptWhenTheHostRollsBack() {
        assertThatThrownBy(() -> tickets.fileAndFail(Requests.critical("rolled-back")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(tickets.tickets("rolled-back")).as("the host's own row rolled back").isZero();
        assertThat(desk.requestsOf("rolled-back")).as("the SLA request was committed on its own").hasSize(1);
        String id = desk.requestsOf("rolled-back").get(0).id();
        assertThat(listener.about(id)).extracting(SlaEvent::metric).contains(SlaMetric.RESPONSE);
    }

    private IndicatedHealthDescriptor slaflowHealth() {
        return (IndicatedHealthDescriptor) health.healthForPath("slaflow");
    }
}
