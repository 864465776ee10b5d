package io.slaflow.examples.simulation;

import io.slaflow.core.SlaException;
import io.slaflow.core.contract.PaymentTerms;
import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.policy.PolicyFile;
import io.slaflow.core.policy.RuleBasedPolicy;
import io.slaflow.core.policy.SlaPolicies;
import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import io.slaflow.core.request.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of one simulation run: how many days from which Monday, the seed, the baseline staffing
 * and the capacity what-ifs, the policy file (policies and the two customers' contracts), the day the
 * announced policy change takes force, and where the report goes. Immutable and thread-safe.
 *
 * <pre>{@code
 * SimulationConfig config = SimulationConfig.builder().days(2).seed(7).staffing(Staffing.parse("programmers=5"))
 *         .reportDirectory(null).build();                   // no files: figures only
 * SimulationConfig fromCommandLine = SimulationConfig.fromArgs("--days", "3", "--seed", "11");
 * }</pre>
 */
public final class SimulationConfig {

    /** Days simulated unless told otherwise: a week. */
    public static final int DEFAULT_DAYS = 7;
    /** The most days one run may simulate. */
    public static final int MAX_DAYS = 31;
    /** The seed unless told otherwise. */
    public static final long DEFAULT_SEED = 42;
    /** The first day unless told otherwise: Monday 23 March 2026; that week ends with Kyiv's spring DST change. */
    public static final LocalDate DEFAULT_FIRST_DAY = LocalDate.of(2026, 3, 23);
    /** The what-ifs unless told otherwise: one consultant fewer, one programmer more. */
    public static final List<StaffChange> DEFAULT_WHAT_IFS = List.of(StaffChange.ONE_CONSULTANT_FEWER,
            StaffChange.ONE_PROGRAMMER_MORE);
    /** Where the report goes unless told otherwise, relative to the working directory. */
    public static final Path DEFAULT_REPORT_DIRECTORY = Path.of("target", "sla-report");
    /** The policy resource the simulation uses unless given a policy file. */
    public static final String DEFAULT_POLICY_RESOURCE = "support-desk.yaml";
    /** The first customer's share of the requests; the second customer files the rest. */
    public static final double FIRST_CUSTOMER_SHARE = 0.7;
    /** The second customer's zone when the policy file holds no contract for it: UTC+5 all year. */
    public static final ZoneId SECOND_CUSTOMER_ZONE = ZoneId.of("Asia/Tashkent");
    /** When the policy change is announced: at noon, in the desk's zone, the day before it takes force. */
    public static final LocalTime ANNOUNCED_AT = LocalTime.NOON;

    /** What {@link #fromArgs} understands. */
    public static final String USAGE = String.join("\n",
            "Options (all optional):",
            "  --days N         days to simulate, 1 to " + MAX_DAYS + " (default " + DEFAULT_DAYS + ")",
            "  --seed N         random seed; the same seed gives the same run (default " + DEFAULT_SEED + ")",
            "  --staff LIST     people per line over both shifts, e.g. consultants=5,analysts=4,programmers=2,duty=2",
            "                   (lines not named keep the default " + Staffing.defaults() + ")",
            "  --what-if LIST   capacity what-ifs run on the same arrivals, e.g. consultants-1,programmers+1"
                    + " (the default), or none",
            "  --policy FILE    policy file in YAML (default: the simulation's own " + DEFAULT_POLICY_RESOURCE + ");",
            "                   a customer it holds no contract for gets one on its default policy",
            "  --policy-change-at DAY  the day, 2 to the last, from whose midnight the announced policy change",
            "                   is in force (announced at noon the day before), or none (default: the middle day,",
            "                   Thursday of a week; none for a one-day run)",
            "  --out DIR        where to write index.html, report.csv and the diagrams",
            "  --help           print this and stop",
            "With Maven: ./mvnw -B -q -pl sla-examples -am -DskipTests package exec:java -Dexec.args=\"--days 3 --seed 7\"");

    private final int days;
    private final long seed;
    private final Staffing staffing;
    private final List<StaffChange> whatIfs;
    private final PolicyFile policyFile;
    private final LocalDate firstDay;
    private final ZoneId zone;
    private final List<Customer> customers;
    private final int policyChangeDay;
    private final Path reportDirectory;

    private SimulationConfig(Builder b, PolicyFile file, int policyChangeDay) {
        this.days = b.days;
        this.seed = b.seed;
        this.staffing = b.staffing;
        this.whatIfs = List.copyOf(b.whatIfs);
        this.zone = zoneOf(file.policy());
        this.policyFile = withContracts(file, zone);
        this.firstDay = b.firstDay;
        this.customers = List.of(
                new Customer(Arrivals.CUSTOMER, zoneOf(Arrivals.CUSTOMER), FIRST_CUSTOMER_SHARE),
                new Customer(Arrivals.SECOND_CUSTOMER, zoneOf(Arrivals.SECOND_CUSTOMER), 1 - FIRST_CUSTOMER_SHARE));
        this.policyChangeDay = policyChangeDay;
        this.reportDirectory = b.reportDirectory;
    }

    /**
     * Gives each customer the file holds no contract for one on the file's default policy (D5, D11): half
     * of a change paid before work and half after acceptance, the key users as the customer's deciders.
     */
    private static PolicyFile withContracts(PolicyFile file, ZoneId deskZone) {
        PolicyFile.Builder b = file.toBuilder();
        for (String customer : List.of(Arrivals.CUSTOMER, Arrivals.SECOND_CUSTOMER)) {
            if (file.contract(customer).isEmpty()) {
                ZoneId zone = customer.equals(Arrivals.CUSTOMER) ? deskZone : SECOND_CUSTOMER_ZONE;
                b.contract(ServiceContract.builder().customer(customer).policy(file.policy().name()).zone(zone)
                        .paymentTerms(PaymentTerms.SPLIT_50_50).hourlyRate(new BigDecimal("45"))
                        .keyUsers(Arrivals.KEY_USER_IDS).build());
            }
        }
        return b.build();
    }

    private ZoneId zoneOf(String customer) {
        return policyFile.contract(customer).orElseThrow().zone();
    }

    /** Returns a builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the default configuration: a week from {@link #DEFAULT_FIRST_DAY}, seed {@value #DEFAULT_SEED}. */
    public static SimulationConfig defaults() {
        return builder().build();
    }

    /**
     * Reads the command line's options ({@link #USAGE}), e.g. {@code --days 3 --seed 7}; an option may also
     * be written {@code --days=3}.
     *
     * @param args the arguments
     * @return the configuration, with defaults for every option not given
     * @throws IllegalArgumentException listing every unknown option, missing value and bad value (a policy
     *     file that cannot be read or breaks the policy rules included)
     */
    public static SimulationConfig fromArgs(String... args) {
        Builder b = builder();
        List<String> problems = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                tokens.add(arg.substring(0, eq));
                tokens.add(arg.substring(eq + 1));
            } else {
                tokens.add(arg);
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            String option = tokens.get(i);
            if (!List.of("--days", "--seed", "--staff", "--what-if", "--policy", "--policy-change-at", "--out")
                    .contains(option)) {
                problems.add("unknown option '" + option + "'");
                continue;
            }
            if (i + 1 >= tokens.size()) {
                problems.add(option + ": needs a value");
                break;
            }
            String value = tokens.get(++i);
            try {
                apply(b, option, value);
            } catch (IllegalArgumentException | UncheckedIOException | SlaException e) {
                problems.add(option + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid command line: " + String.join("; ", problems) + "\n" + USAGE);
        }
        return b.build();
    }

    private static void apply(Builder b, String option, String value) {
        switch (option) {
            case "--days" -> b.days(number(value));
            case "--seed" -> b.seed(seed(value));
            case "--staff" -> b.staffing(Staffing.parse(value));
            case "--what-if" -> b.whatIfs(value.isBlank() || value.trim().equals("none") ? List.of()
                    : Arrays.stream(value.split(",", -1)).map(StaffChange::parse).toList());
            case "--policy" -> b.policyFile(SlaPolicies.loadFile(Path.of(value)));
            case "--policy-change-at" -> b.policyChangeDay(value.trim().equals("none") ? 0 : number(value));
            default -> b.reportDirectory(Path.of(value));
        }
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number (was '" + value + "')");
        }
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number (was '" + value + "')");
        }
    }

    /** Returns the policy file the simulation uses by default: {@value #DEFAULT_POLICY_RESOURCE}. */
    public static PolicyFile defaultPolicyFile() {
        try (InputStream in = SimulationConfig.class.getResourceAsStream(DEFAULT_POLICY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_POLICY_RESOURCE + " is missing from the classpath");
            }
            return SlaPolicies.parseFile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_POLICY_RESOURCE, e);
        }
    }

    /** The zone of the default policy's calendars: that of an ordinary consultation's targets. */
    private static ZoneId zoneOf(RuleBasedPolicy policy) {
        ServiceRequest probe = ServiceRequest.builder().customer("probe").requester("probe")
                .tier(RequesterTier.ORDINARY_USER).kind(RequestKind.CONSULTATION).severity(Severity.NON_CRITICAL)
                .subject("probe").description("probe").build();
        return policy.targetsFor(probe).calendar().zone();
    }

    /** Returns how many days are simulated. */
    public int days() {
        return days;
    }

    /** Returns the seed. */
    public long seed() {
        return seed;
    }

    /** Returns the baseline staffing. */
    public Staffing staffing() {
        return staffing;
    }

    /** Returns the capacity what-ifs, each run on the same arrivals as the baseline. */
    public List<StaffChange> whatIfs() {
        return whatIfs;
    }

    /** Returns the default SLA policy: the first customer's. */
    public RuleBasedPolicy policy() {
        return policyFile.policy();
    }

    /** Returns the policy file: the policies and every customer's contract. */
    public PolicyFile policyFile() {
        return policyFile;
    }

    /** Returns the customers, the first on the desk's zone, each with its zone (from its contract) and share. */
    public List<Customer> customers() {
        return customers;
    }

    /**
     * Returns when the policy change takes force: midnight, in the desk's zone, of its day; empty when the
     * run has none.
     */
    public Optional<Instant> policyChangeAt() {
        return policyChangeDay == 0 ? Optional.empty()
                : Optional.of(firstDay.plusDays(policyChangeDay - 1L).atStartOfDay(zone).toInstant());
    }

    /** Returns when the policy change is announced: {@link #ANNOUNCED_AT} the day before it takes force. */
    public Optional<Instant> policyChangeAnnouncedAt() {
        return policyChangeDay == 0 ? Optional.empty()
                : Optional.of(firstDay.plusDays(policyChangeDay - 2L).atTime(ANNOUNCED_AT).atZone(zone).toInstant());
    }

    /** Returns the first simulated day. */
    public LocalDate firstDay() {
        return firstDay;
    }

    /** Returns the desk's and first customer's time zone: that of the default policy's calendars. */
    public ZoneId zone() {
        return zone;
    }

    /** Returns when the run starts: the first day's midnight in the zone. */
    public Instant start() {
        return firstDay.atStartOfDay(zone).toInstant();
    }

    /** Returns when the run ends: midnight after the last day, in the zone. */
    public Instant end() {
        return firstDay.plusDays(days).atStartOfDay(zone).toInstant();
    }

    /** Returns where the report is written, or null when no files are written. */
    public Path reportDirectory() {
        return reportDirectory;
    }

    /** Collects the settings; not thread-safe. */
    public static final class Builder {
        private int days = DEFAULT_DAYS;
        private long seed = DEFAULT_SEED;
        private Staffing staffing = Staffing.defaults();
        private List<StaffChange> whatIfs = DEFAULT_WHAT_IFS;
        private PolicyFile policyFile;
        private Integer policyChangeDay;
        private LocalDate firstDay = DEFAULT_FIRST_DAY;
        private Path reportDirectory = DEFAULT_REPORT_DIRECTORY;

        private Builder() {
        }

        /**
         * Sets how many days to simulate; default {@value #DEFAULT_DAYS}.
         *
         * @throws IllegalArgumentException unless from 1 to {@value #MAX_DAYS}
         */
        public Builder days(int days) {
            if (days < 1 || days > MAX_DAYS) {
                throw new IllegalArgumentException("days must be from 1 to " + MAX_DAYS + " (was " + days + ")");
            }
            this.days = days;
            return this;
        }

        /** Sets the seed; default {@value #DEFAULT_SEED}. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the baseline staffing; default {@link Staffing#defaults()}. */
        public Builder staffing(Staffing staffing) {
            this.staffing = Objects.requireNonNull(staffing, "staffing");
            return this;
        }

        /** Sets the capacity what-ifs; default {@link #DEFAULT_WHAT_IFS}; empty for the baseline alone. */
        public Builder whatIfs(List<StaffChange> whatIfs) {
            this.whatIfs = List.copyOf(whatIfs);
            return this;
        }

        /** Sets the policy file; default {@link #defaultPolicyFile()}. */
        public Builder policyFile(PolicyFile policyFile) {
            this.policyFile = Objects.requireNonNull(policyFile, "policyFile");
            return this;
        }

        /**
         * Sets the day (1 is the first) from whose midnight the announced policy change is in force; 0 for
         * no change. Default: the middle day ({@code days / 2 + 1}, Thursday of a week), none for one day.
         * Checked against the days by {@link #build()}.
         */
        public Builder policyChangeDay(int day) {
            this.policyChangeDay = day;
            return this;
        }

        /**
         * Sets the first day; default {@link #DEFAULT_FIRST_DAY}.
         *
         * @throws IllegalArgumentException unless it is a Monday (the demand follows the week)
         */
        public Builder firstDay(LocalDate firstDay) {
            if (firstDay.getDayOfWeek() != DayOfWeek.MONDAY) {
                throw new IllegalArgumentException("firstDay must be a Monday (was " + firstDay + ", a "
                        + firstDay.getDayOfWeek() + ")");
            }
            this.firstDay = firstDay;
            return this;
        }

        /** Sets where the report goes; default {@link #DEFAULT_REPORT_DIRECTORY}; null writes no files. */
        public Builder reportDirectory(Path reportDirectory) {
            this.reportDirectory = reportDirectory;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @throws IllegalArgumentException if a what-if would leave a line with fewer than 0 people, two
         *     what-ifs are the same, or the policy change's day is not from 2 to the last day (nor 0)
         */
        public SimulationConfig build() {
            whatIfs.forEach(w -> w.applyTo(staffing));
            if (whatIfs.stream().map(StaffChange::name).distinct().count() < whatIfs.size()) {
                throw new IllegalArgumentException("what-ifs must differ (were " + whatIfs + ")");
            }
            int changeDay = policyChangeDay != null ? policyChangeDay : days < 2 ? 0 : days / 2 + 1;
            if (changeDay != 0 && (changeDay < 2 || changeDay > days)) {
                throw new IllegalArgumentException("policyChangeDay must be from 2 to the last day, " + days
                        + ", or 0 for none (was " + changeDay + ")");
            }
            return new SimulationConfig(this, policyFile != null ? policyFile : defaultPolicyFile(), changeDay);
        }
    }
}
