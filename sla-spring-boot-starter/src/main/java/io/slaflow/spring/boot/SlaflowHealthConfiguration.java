package io.slaflow.spring.boot;

import io.slaflow.bpmn.SlaEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code slaflow} health indicator, when Spring Boot's health support is on the class path. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("slaflow")
class SlaflowHealthConfiguration {

    @Bean(name = "slaflowHealthIndicator")
    SlaflowHealthIndicator slaflowHealthIndicator(SlaEngine engine, ObjectProvider<SlaEngineLifecycle> lifecycle,
            SlaflowProperties properties) {
        return new SlaflowHealthIndicator(engine, lifecycle.getIfAvailable(), properties.getHealth().getTimerLagPolls());
    }
}
