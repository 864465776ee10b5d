package io.slaflow.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test method a fresh {@code SlaEngine} on an in-memory H2 database and a
 * {@code TestClock}, with manual timers: nothing fires until the test moves time with
 * {@link SlaTime#advance} (or calls {@code fireDueTimers()}). The engine is closed after the test.
 * Test methods and {@code @BeforeEach} and {@code @AfterEach} methods may declare parameters of type
 * {@code SlaEngine}, {@code TestClock}, {@link SlaTime} and {@link SlaEvents}. On a method it
 * overrides the class's settings.
 *
 * <pre>{@code
 * @SlaEngineTest(policyFile = "desk.yaml", start = "2026-03-02T09:00:00Z",
 *         members = @SlaMember(group = "consultants", users = "olga"))
 * class DeskTest {
 *     @Test
 *     void breachesAfterTwoHours(SlaEngine desk, SlaTime time, SlaEvents events) {
 *         String id = desk.submit(request);
 *         time.advance(Duration.ofHours(2));
 *         assertTrue(events.types(id).contains(SlaEvent.Type.BREACHED));
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SlaEngineExtension.class)
public @interface SlaEngineTest {

    /**
     * The policy file: a class path resource ({@code desk.yaml}, or {@code classpath:desk.yaml}) or a
     * file ({@code file:config/desk.yaml}).
     */
    String policyFile();

    /** The support groups' members. Default: none. */
    SlaMember[] members() default {};

    /** Where the clock starts, an ISO-8601 instant. Default: {@value SlaEngineExtension#DEFAULT_START}. */
    String start() default SlaEngineExtension.DEFAULT_START;
}
