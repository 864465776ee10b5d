package io.slaflow.test;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.slaflow.bpmn.SlaEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** A host's mistakes with the extension fail the test with a message that says what to fix. */
class SlaEngineExtensionMisuseTest {

    /** Set while this test runs the fixtures below, so a surefire pattern that reaches them runs none alone. */
    private static final String FIXTURES = "slaflow.test.misuse-fixtures";

    @SlaEngineTest(policyFile = "broken-desk.yaml")
    @EnabledIfSystemProperty(named = FIXTURES, matches = "run")
    static class BrokenPolicy {
        @Test
        void runs(SlaEngine desk) {
        }
    }

    @SlaEngineTest(policyFile = "no-such-desk.yaml")
    @EnabledIfSystemProperty(named = FIXTURES, matches = "run")
    static class MissingPolicy {
        @Test
        void runs(SlaEngine desk) {
        }
    }

    @SlaEngineTest(policyFile = "desk.yaml")
    @EnabledIfSystemProperty(named = FIXTURES, matches = "run")
    static class EngineInBeforeAll {
        @BeforeAll
        static void tooEarly(SlaEngine desk) {
        }

        @Test
        void runs() {
        }
    }

    @Test
    void aBrokenPolicyFileNamesThePathAndTheLine() {
        String message = failureOf(BrokenPolicy.class);
        assertTrue(message.contains("broken-desk.yaml") && message.contains("targets[0].response")
                && message.contains("line 10"), message);
    }

    @Test
    void aMissingPolicyFileSaysWhereItWasLookedFor() {
        String message = failureOf(MissingPolicy.class);
        assertTrue(message.contains("no class path resource 'no-such-desk.yaml'"), message);
    }

    @Test
    void anEngineAskedForInBeforeAllIsRefusedWithTheReason() {
        String message = failureOf(EngineInBeforeAll.class);
        assertTrue(message.contains("lives for one test method"), message);
    }

    private static String failureOf(Class<?> testClass) {
        List<String> messages = new ArrayList<>();
        System.setProperty(FIXTURES, "run");
        try {
            run(testClass, messages);
        } finally {
            System.clearProperty(FIXTURES);
        }
        return String.join("\n", messages);
    }

    private static void run(Class<?> testClass, List<String> messages) {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().allEvents()
                .filter(e -> e.getType() == EventType.FINISHED).map(Event::getPayload)
                .forEach(p -> p.flatMap(o -> o instanceof org.junit.platform.engine.TestExecutionResult r
                        ? r.getThrowable() : java.util.Optional.empty()).ifPresent(t -> {
                            for (Throwable c = t; c != null; c = c.getCause()) {
                                messages.add(c.getMessage());
                            }
                        }));
    }
}
