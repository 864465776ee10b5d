package io.slaflow.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.slaflow.bpmn.SlaEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** When the auto-configuration stays out of the way. */
@PlainClasspath
class SlaflowAutoConfigurationConditionsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SlaflowAutoConfiguration.class))
            .withPropertyValues("slaflow.policy-file=classpath:desk.yaml");

    @Test
    void withoutADataSourceThereIsNoEngine() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SlaEngine.class)
                .doesNotHaveBean(SlaflowHealthIndicator.class).doesNotHaveBean(SlaflowMeters.class));
    }

    @Test
    void anEngineOfTheHostsOwnIsKept() {
        SlaEngine own = mock(SlaEngine.class);
        runner.withBean(javax.sql.DataSource.class, () -> mock(javax.sql.DataSource.class))
                .withBean("ownDesk", SlaEngine.class, () -> own)
                .run(context -> assertThat(context).hasNotFailed().getBean(SlaEngine.class).isSameAs(own));
    }

    @Test
    void theHealthIndicatorCanBeTurnedOff() {
        SlaEngine own = mock(SlaEngine.class);
        runner.withBean(javax.sql.DataSource.class, () -> mock(javax.sql.DataSource.class))
                .withBean("ownDesk", SlaEngine.class, () -> own)
                .withPropertyValues("management.health.slaflow.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(SlaflowHealthIndicator.class)
                        .hasSingleBean(SlaflowMeters.class));
    }
}
