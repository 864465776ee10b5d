package io.slaflow.spring.boot;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Runs a test class only in the surefire execution with Flowable's Spring Boot starter on the class path. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfSystemProperty(named = "slaflow.test.classpath", matches = "flowable",
        disabledReason = "runs in the execution with Flowable's starter")
@interface FlowableClasspath {
}
