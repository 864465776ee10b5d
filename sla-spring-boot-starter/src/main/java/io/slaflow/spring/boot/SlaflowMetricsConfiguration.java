package io.slaflow.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.slaflow.bpmn.SlaEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Micrometer meters, when Micrometer is on the class path; Spring Boot binds them to its registries. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MeterRegistry.class)
class SlaflowMetricsConfiguration {

    @Bean
    SlaflowMeters slaflowMeters(SlaflowProperties properties, ObjectProvider<SlaEngine> engine) {
        return new SlaflowMeters(properties.getMetrics().isCustomerTag(), engine::getObject);
    }

    @Bean
    SlaflowEngineMeters slaflowEngineMeters(SlaEngine engine) {
        return new SlaflowEngineMeters(engine);
    }
}
