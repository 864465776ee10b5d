package io.slaflow.spring.boot;

import io.slaflow.bpmn.SlaEngine;
import io.slaflow.bpmn.SlaEventListener;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.testkit.TestClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flowable.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configures one {@link SlaEngine} on the application's {@link DataSource}, or on the
 * {@link ProcessEngine} Flowable's starter made, from the {@code slaflow.*} properties
 * ({@link SlaflowProperties}); registers every {@link SlaEventListener} bean and applies every
 * {@link SlaEngineCustomizer}; closes the engine when the context stops ({@link SlaEngineLifecycle}).
 * Meters and the health indicator are configured when Micrometer and Spring Boot's health support
 * are on the class path.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        afterName = "org.flowable.spring.boot.ProcessEngineAutoConfiguration")
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(SlaflowProperties.class)
@Import({SlaflowMetricsConfiguration.class, SlaflowHealthConfiguration.class})
public class SlaflowAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SlaflowAutoConfiguration.class);

    /** Flowable's own calendar names, which a policy calendar cannot take. */
    private static final List<String> FLOWABLE_CALENDARS = List.of("dueDate", "duration", "cycle");

    /**
     * The clock of manual timers, when the application has no {@link TestClock} of its own: it stands
     * at the instant the context starts until a test moves it.
     *
     * @return a clock at the current instant
     */
    @Bean
    @ConditionalOnProperty(name = "slaflow.manual-timers", havingValue = "true")
    @ConditionalOnMissingBean(TestClock.class)
    public TestClock slaflowTestClock() {
        return TestClock.at(Instant.now());
    }

    /**
     * The engine.
     *
     * @throws IllegalStateException if the policy file is not set or missing, or settings conflict
     * @throws io.slaflow.core.policy.InvalidPolicyException if the policy file breaks a rule
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public SlaEngine slaEngine(SlaflowProperties properties, DataSource dataSource,
            ObjectProvider<ProcessEngine> hostEngine, ObjectProvider<TestClock> testClock,
            ObjectProvider<SlaEventListener> listeners, ObjectProvider<SlaEngineCustomizer> customizers) {
        PolicyFile file = PolicyFileResource.read(properties.getPolicyFile());
        SlaEngine.Builder builder = SlaEngine.builder().policyFile(file);
        properties.getMembers().forEach((group, users) -> users.forEach(user -> builder.member(user, group)));
        if (properties.isBusinessCalendars()) {
            file.policy().calendars().forEach((name, calendar) -> {
                if (FLOWABLE_CALENDARS.contains(name)) {
                    LOG.warn("policy calendar '{}' is not registered as a business calendar: Flowable keeps the name",
                            name);
                } else {
                    builder.businessCalendar(name, calendar);
                }
            });
        }
        ProcessEngine host = hostEngine.getIfUnique();
        SlaflowProperties.Jobs jobs = properties.getJobs();
        if (host != null) {
            if (jobs.getPollInterval() != null || jobs.getLockTime() != null || properties.isManualTimers()) {
                throw new IllegalStateException("slaflow runs on the ProcessEngine of Flowable's starter, whose async"
                        + " executor and clock are Flowable's: drop slaflow.jobs.poll-interval, slaflow.jobs.lock-time"
                        + " and slaflow.manual-timers, and set flowable.* instead (flowable.async-executor-activate"
                        + "=false for timers run by SlaEngine.fireDueTimers())");
            }
            builder.processEngine(host);
        } else {
            builder.dataSource(dataSource);
            if (jobs.getPollInterval() != null) {
                builder.jobPollInterval(jobs.getPollInterval());
            }
            if (jobs.getLockTime() != null) {
                builder.jobLockTime(jobs.getLockTime());
            }
            if (properties.isManualTimers()) {
                ManualTimers.apply(builder, testClock.getObject());
            }
        }
        if (properties.getClockPollInterval() != null) {
            builder.clockPollInterval(properties.getClockPollInterval());
        }
        listeners.orderedStream().forEach(builder::listener);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        SlaEngine engine = builder.build();
        LOG.info("slaflow engine started: policy '{}', {} on {}", file.policy().name(), members(properties.getMembers()),
                host != null ? "Flowable's process engine '" + host.getName() + "'" : "the application's DataSource");
        return engine;
    }

    private static String members(Map<String, List<String>> members) {
        return members.values().stream().mapToInt(List::size).sum() + " member(s) in " + members.size() + " group(s)";
    }

    /**
     * Closes the engine when the context stops, before the data source.
     *
     * @param engine the engine
     * @return its lifecycle
     */
    @Bean
    @ConditionalOnBean(SlaEngine.class)
    public SlaEngineLifecycle slaEngineLifecycle(SlaEngine engine) {
        return new SlaEngineLifecycle(engine);
    }
}
