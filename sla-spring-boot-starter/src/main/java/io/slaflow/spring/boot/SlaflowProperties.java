package io.slaflow.spring.boot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The {@code slaflow.*} properties of the starter. Mutable, as Spring binds it; read once when the
 * engine is built.
 *
 * <pre>{@code
 * slaflow:
 *   policy-file: classpath:desk.yaml
 *   members:
 *     consultants: [olga, petro]
 *     leads: [lena]
 *   jobs:
 *     poll-interval: 5s
 * }</pre>
 */
@ConfigurationProperties("slaflow")
public class SlaflowProperties {

    /**
     * The policy file (policies, calendars, contracts): a Spring resource location such as
     * classpath:desk.yaml or file:/etc/desk/desk.yaml. Required.
     */
    private Resource policyFile;

    /**
     * The members of each support group: group name to user ids, e.g. slaflow.members.consultants=olga,petro;
     * joined to the engine's staff directory at start unless they are members already.
     */
    private Map<String, List<String>> members = new LinkedHashMap<>();

    /**
     * Whether the named calendars of the policy file are also registered as Flowable business calendars
     * (flowable:businessCalendarName) for the host's own models. They are added to the engine's business
     * calendar manager; Flowable's and the host's calendars stay.
     */
    private boolean businessCalendars = true;

    /**
     * Manual timers, for tests: the engine runs on the application's TestClock bean (one at the
     * current instant is made when there is none), Flowable's async executor is off, and due timers
     * run only when SlaEngine.fireDueTimers() is called. Not with Flowable's starter: its engine
     * keeps its own clock and executor.
     */
    private boolean manualTimers;

    /**
     * How long the engine's SLA clock sweeper waits between its looks for clocks whose next warning or
     * deadline has come: a breach is heard about this long after its instant at most. Applies on
     * Flowable's engine too. Default: 250 ms.
     */
    private Duration clockPollInterval;

    private final Jobs jobs = new Jobs();
    private final Metrics metrics = new Metrics();
    private final Health health = new Health();

    public Resource getPolicyFile() {
        return policyFile;
    }

    public void setPolicyFile(Resource policyFile) {
        this.policyFile = policyFile;
    }

    public Map<String, List<String>> getMembers() {
        return members;
    }

    public void setMembers(Map<String, List<String>> members) {
        this.members = members;
    }

    public boolean isBusinessCalendars() {
        return businessCalendars;
    }

    public void setBusinessCalendars(boolean businessCalendars) {
        this.businessCalendars = businessCalendars;
    }

    public boolean isManualTimers() {
        return manualTimers;
    }

    public void setManualTimers(boolean manualTimers) {
        this.manualTimers = manualTimers;
    }

    public Duration getClockPollInterval() {
        return clockPollInterval;
    }

    public void setClockPollInterval(Duration clockPollInterval) {
        this.clockPollInterval = clockPollInterval;
    }

    public Jobs getJobs() {
        return jobs;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    public Health getHealth() {
        return health;
    }

    /**
     * How the async executor of the engine slaflow builds shares timer jobs between nodes. With
     * Flowable's starter the host's engine runs the timers: set its flowable.* properties instead.
     */
    public static class Jobs {

        /**
         * How long a node waits before it looks again for due timers when it found none, and between
         * its looks for jobs of dead nodes: how late a timer may fire. Default: Flowable's 10 seconds.
         */
        private Duration pollInterval;

        /**
         * How long a node holds a timer job it took before other nodes take it for dead and run the
         * job themselves; must exceed the longest a timer's work takes. Default: Flowable's 1 hour.
         */
        private Duration lockTime;

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public Duration getLockTime() {
            return lockTime;
        }

        public void setLockTime(Duration lockTime) {
            this.lockTime = lockTime;
        }
    }

    /** Micrometer meters. */
    public static class Metrics {

        /**
         * Whether the countdown meters carry a customer tag. Off by default: one time series per
         * customer is a cardinality most registries charge for.
         */
        private boolean customerTag;

        public boolean isCustomerTag() {
            return customerTag;
        }

        public void setCustomerTag(boolean customerTag) {
            this.customerTag = customerTag;
        }
    }

    /** The slaflow health indicator. */
    public static class Health {

        /**
         * How many job poll intervals the oldest due SLA timer may wait unfired before the health
         * indicator reports DOWN.
         */
        private int timerLagPolls = 6;

        public int getTimerLagPolls() {
            return timerLagPolls;
        }

        public void setTimerLagPolls(int timerLagPolls) {
            this.timerLagPolls = timerLagPolls;
        }
    }
}
