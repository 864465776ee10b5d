package io.slaflow.spring.boot;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Runs a test class only in the surefire execution whose class path lacks Flowable's Spring Boot
 * auto-configuration (a host without Flowable's starter).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DisabledIfSystemProperty(named = "slaflow.test.classpath", matches = "flowable",
        disabledReason = "runs in the execution without Flowable's starter")
@interface PlainClasspath {
}
