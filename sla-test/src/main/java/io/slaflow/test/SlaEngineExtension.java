package io.slaflow.test;

import io.slaflow.bpmn.SlaEngine;
import io.slaflow.core.testkit.TestClock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link SlaEngineTest}: before each test builds an engine on a private
 * in-memory H2 database and a {@link TestClock} at the annotation's start, with manual timers; after
 * the test closes it (which drops the database).
 */
public final class SlaEngineExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    /** Where the clock starts unless the annotation says: a Monday, 09:00 UTC. */
    public static final String DEFAULT_START = "2026-03-02T09:00:00Z";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SlaEngineExtension.class);

    /** The engine of one test and what comes with it. */
    record Desk(SlaEngine engine, TestClock clock, SlaTime time, SlaEvents events) {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        SlaEngineTest settings = find(context).orElseThrow(() -> new ExtensionConfigurationException(
                "SlaEngineExtension needs @SlaEngineTest on the test class or method"));
        TestSettings read = TestSettings.of(settings.policyFile(), settings.members(), settings.start(),
                context.getRequiredTestClass());
        TestClock clock = TestClock.at(read.start());
        SlaEvents events = new SlaEvents();
        SlaEngine engine = ManualTimers.apply(read.builder(), clock).listener(events).build();
        context.getStore(NAMESPACE).put(Desk.class, new Desk(engine, clock, new SlaTime(clock, List.of(engine)), events));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Desk desk = context.getStore(NAMESPACE).remove(Desk.class, Desk.class);
        if (desk != null) {
            desk.engine().close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SlaEngine.class || type == TestClock.class || type == SlaTime.class || type == SlaEvents.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Desk desk = context.getStore(NAMESPACE).get(Desk.class, Desk.class);
        if (desk == null) {
            throw new ParameterResolutionException("an SlaEngine of @SlaEngineTest lives for one test method: take "
                    + parameter.getParameter().getType().getSimpleName() + " in a test or @BeforeEach/@AfterEach method,"
                    + " not in @BeforeAll or a per-class constructor");
        }
        Class<?> type = parameter.getParameter().getType();
        return type == SlaEngine.class ? desk.engine()
                : type == TestClock.class ? desk.clock()
                : type == SlaTime.class ? desk.time()
                : desk.events();
    }

    private static Optional<SlaEngineTest> find(ExtensionContext context) {
        Optional<SlaEngineTest> onMethod = context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, SlaEngineTest.class));
        return onMethod.isPresent() ? onMethod
                : AnnotationSupport.findAnnotation(context.getRequiredTestClass(), SlaEngineTest.class);
    }
}
