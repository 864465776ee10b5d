package io.slaflow.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.slaflow.bpmn.RequestStage;
import io.slaflow.bpmn.SlaEngine;
import io.slaflow.bpmn.SlaEvent;
import io.slaflow.core.testkit.TestClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/** The host application on a real PostgreSQL (zonky's embedded binaries) as its DataSource. */
@PlainClasspath
class StarterOnPostgresTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theEngineKeepsItsRequestsAndTimersInTheApplicationsPostgresAndHealthIsDownWithoutIt() throws IOException {
        try (ConfigurableApplicationContext context = StarterLifecycleTest.start(
                "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "slaflow.policy-file=classpath:desk.yaml", "slaflow.members.consultants=olga",
                "slaflow.members.leads=lena", "spring.datasource.hikari.connection-timeout=1000")) {
            SlaEngine desk = context.getBean(SlaEngine.class);
            TestClock clock = context.getBean(TestClock.class);
            RecordingListener listener = context.getBean(RecordingListener.class);
            assertThat(desk.processEngine().getProcessEngineConfiguration().getDataSource().toString())
                    .as("Flowable's tables are in the application's pool").contains("HikariDataSource");

            String id = desk.submit(Requests.critical("on-postgres"));
            clock.advance(Duration.ofHours(2).plusMinutes(1));
            assertThat(desk.fireDueTimers()).isPositive();
            assertThat(listener.about(id)).extracting(SlaEvent::type).contains(SlaEvent.Type.WARNING,
                    SlaEvent.Type.BREACHED);
            assertThat(desk.status(id).stage()).isNotEqualTo(RequestStage.RESOLVED);
            HealthIndicator health = context.getBean("slaflowHealthIndicator", HealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            postgres.close();                                    // the database goes away under the application
            postgres = null;
            Health down = health.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails()).containsKey("error");
        }
    }
}
