package io.slaflow.test;

import io.slaflow.bpmn.SlaEngine;
import io.slaflow.core.testkit.TestClock;
import java.util.ArrayList;
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
 * The extension behind {@link SlaClusterTest}: one embedded PostgreSQL per test run; before each test
 * a fresh database and the nodes on it, each with a small connection pool, manual timers and the
 * shared {@link TestClock}; after the test the nodes are closed.
 */
public final class SlaClusterExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SlaClusterExtension.class);
    private static final int CONNECTIONS_PER_NODE = 5;

    private record Run(SlaCluster cluster, SlaEvents events) {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        SlaClusterTest settings = find(context).orElseThrow(() -> new ExtensionConfigurationException(
                "SlaClusterExtension needs @SlaClusterTest on the test class or method"));
        if (settings.nodes() < 2 || settings.nodes() > 8) {
            throw new ExtensionConfigurationException("nodes must be 2 to 8 (was " + settings.nodes() + ")");
        }
        TestSettings read = TestSettings.of(settings.policyFile(), settings.members(), settings.start(),
                context.getRequiredTestClass());
        PostgresServer server = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(PostgresServer.class, k -> PostgresServer.start(), PostgresServer.class);
        String url = server.newDatabase(read.policyFile(), template -> ManualTimers.apply(read.builder(),
                TestClock.at(read.start())).jdbcUrl(template, PostgresServer.USER, "").maxConnections(1).build().close());
        TestClock clock = TestClock.at(read.start());
        SlaEvents events = new SlaEvents();
        List<SlaEngine> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < settings.nodes(); i++) {
                nodes.add(ManualTimers.apply(read.builder(), clock).jdbcUrl(url, PostgresServer.USER, "")
                        .maxConnections(CONNECTIONS_PER_NODE).listener(events).build());
            }
        } catch (RuntimeException e) {
            nodes.forEach(SlaEngine::close);
            throw e;
        }
        context.getStore(NAMESPACE).put(Run.class, new Run(new SlaCluster(nodes, clock, url), events));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Run run = context.getStore(NAMESPACE).remove(Run.class, Run.class);
        if (run != null) {
            run.cluster().nodes().forEach(SlaEngine::close);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SlaCluster.class || type == TestClock.class || type == SlaTime.class || type == SlaEvents.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Run run = context.getStore(NAMESPACE).get(Run.class, Run.class);
        if (run == null) {
            throw new ParameterResolutionException("the nodes of @SlaClusterTest live for one test method: take "
                    + parameter.getParameter().getType().getSimpleName() + " in a test or @BeforeEach/@AfterEach method");
        }
        Class<?> type = parameter.getParameter().getType();
        return type == SlaCluster.class ? run.cluster()
                : type == TestClock.class ? run.cluster().clock()
                : type == SlaTime.class ? run.cluster().time()
                : run.events();
    }

    private static Optional<SlaClusterTest> find(ExtensionContext context) {
        Optional<SlaClusterTest> onMethod = context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, SlaClusterTest.class));
        return onMethod.isPresent() ? onMethod
                : AnnotationSupport.findAnnotation(context.getRequiredTestClass(), SlaClusterTest.class);
    }
}
