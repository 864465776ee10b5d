package io.slaflow.examples.simulation;

import io.slaflow.bpmn.RunningClocks;
import io.slaflow.examples.report.ChangeMark;
import io.slaflow.examples.report.ReportWriter;
import io.slaflow.examples.report.RunInfo;
import io.slaflow.examples.report.Scenario;
import io.slaflow.examples.report.SlaReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sample integration run (README, Quick start line 1): a simulated week at a support desk in Kyiv
 * serving two customers on different contracts of one policy file: acme-trade in Kyiv on the default
 * policy, and silk-road-foods in Tashkent (UTC+5) on the {@code gold} policy, whose targets run on its
 * own working day; mid-week a policy change announced the day before takes force
 * ({@link io.slaflow.bpmn.SlaEngine#reconfigure}). Run through the public
 * {@link io.slaflow.bpmn.SlaEngine} API on an embedded H2 database with a
 * {@link io.slaflow.core.testkit.TestClock}. Key users and ordinary users file consultations,
 * specifications, development, updates and emergencies, critical and not, with a daily peak;
 * consultants, analysts, programmers and duty specialists on two shifts, kept in the engine's
 * {@linkplain io.slaflow.bpmn.SlaEngine#staff() staff directory}, take them in the work order while on
 * duty, claim each as they start it (consultations must be started within five minutes) and spend
 * working time on each; calls that find every consultant busy are called back; some requests wait on
 * the customer; some are handed over to the next line. On the run's second day a consultant is off
 * sick, and an emergency is {@linkplain io.slaflow.bpmn.SlaEngine#decline declined} and taken by the
 * next duty specialist on duty ({@link Incidents}). The same week runs again for
 * each capacity what-if (by default one consultant fewer, one programmer more), each on its own engine
 * and, processors permitting, at the same time as the baseline.
 *
 * <p>It prints a line per simulated day and a summary table, and writes {@code index.html} (charts,
 * the what-ifs side by side, compliance per customer, every breach, the process diagrams, the change
 * marked on the open-work chart), {@code report.csv} (one row per request, with its customer and the
 * configuration version that timed it), a PNG per BPMN process, and {@code requests/<id>.html} per
 * breached request of the baseline (its timeline and the explanation of each breach, read from the
 * engine before it closes; linked from the breach table). The same seed gives the same run.
 *
 * <pre>{@code
 * SimulationResult result = SupportDeskSimulation.run(SimulationConfig.fromArgs("--days", "2"), System.out);
 * }</pre>
 */
public final class SupportDeskSimulation {

    /** The system property that names the default report directory (the Maven build sets it). */
    public static final String REPORT_DIR_PROPERTY = "slaflow.report.dir";

    /** The name of the scenario with the configured staffing. */
    public static final String BASELINE = "baseline";

    /** Kept so that the level set in {@link #main} holds (loggers are weakly referenced). */
    private static final Logger VALIDATOR_LOG = Logger.getLogger("org.hibernate.validator");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);

    private SupportDeskSimulation() {
    }

    /**
     * Runs the simulation with the command line's options ({@link SimulationConfig#USAGE}).
     *
     * @param args the options; none for a week with the defaults
     * @throws IOException if the report cannot be written
     * @throws IllegalArgumentException if an option is unknown or its value is bad
     */
    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        VALIDATOR_LOG.setLevel(Level.WARNING);
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(SimulationConfig.USAGE);
            return;
        }
        List<String> options = new ArrayList<>();
        String dir = System.getProperty(REPORT_DIR_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            options.addAll(List.of("--out", dir));
        }
        options.addAll(Arrays.asList(args));
        run(SimulationConfig.fromArgs(options.toArray(String[]::new)), System.out);
    }

    /**
     * Runs the baseline and every what-if on the same arrivals, each on its own engine, and writes the
     * report if the configuration names a directory.
     *
     * @param config the settings
     * @param out where the progress lines and the summary go
     * @return the report, the figures and the files written
     * @throws IOException if the report cannot be written
     */
    public static SimulationResult run(SimulationConfig config, PrintStream out) throws IOException {
        long started = System.nanoTime();
        List<Arrival> arrivals = Arrivals.generate(config.seed(), config.firstDay(), config.days(), config.zone(),
                config.customers());
        out.printf(Locale.ROOT, "slaflow sample run: %d day(s) from %s, seed %d, desk in %s, %d requests from %s%n",
                config.days(), DAY.format(config.firstDay()), config.seed(), config.zone(), arrivals.size(),
                customers(config, arrivals));
        List<DeskRun.Outcome> outcomes = runScenarios(config, arrivals, out);
        RunInfo run = new RunInfo("Support desk: " + config.days() + (config.days() == 1 ? " simulated day" : " simulated days"),
                config.policy().name(), config.seed(), config.days(), config.start(), config.zone(), notes(config),
                marks(config));
        List<Scenario> scenarios = outcomes.stream().map(DeskRun.Outcome::scenario).toList();
        SlaReport report = new SlaReport(run, scenarios, outcomes.get(0).diagrams());
        List<Path> files = config.reportDirectory() == null ? List.of()
                : ReportWriter.write(report, config.reportDirectory());
        List<ScenarioFigures> figures = outcomes.stream().map(DeskRun.Outcome::figures).toList();
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        SummaryTable.print(out, report, figures);
        if (!files.isEmpty()) {
            out.println("Report: " + files.get(0).toAbsolutePath().normalize());
        }
        out.printf(Locale.ROOT, "Wall time: %.1f s%n", wall.toMillis() / 1000.0);
        return new SimulationResult(report, figures, files, wall);
    }

    /** Returns each customer with its zone, policy and number of requests, e.g. {@code acme-trade (Europe/Kyiv, policy two-shift-desk): 108}. */
    private static String customers(SimulationConfig config, List<Arrival> arrivals) {
        List<String> parts = new ArrayList<>();
        for (Customer c : config.customers()) {
            long n = arrivals.stream().filter(a -> a.request().customer().equals(c.name())).count();
            parts.add(c.name() + " (" + c.zone() + ", policy " + config.policyFile().policyFor(c.name()).name() + "): " + n);
        }
        return String.join(", ", parts);
    }

    /** The report's lines of run information: the customers and their contracts, and the policy change. */
    private static List<String> notes(SimulationConfig config) {
        List<String> notes = new ArrayList<>();
        for (Customer c : config.customers()) {
            notes.add("Customer " + c.name() + ": " + c.zone().getId() + ", policy "
                    + config.policyFile().policyFor(c.name()).name() + ", " + Math.round(c.share() * 100)
                    + "% of the requests");
        }
        config.policyChangeAt().ifPresent(at -> notes.add("Configuration v2 (" + PolicyChange.of(config.policyFile())
                .description() + ") announced " + TIME.format(config.policyChangeAnnouncedAt().orElseThrow()
                .atZone(config.zone())) + ", in force from " + TIME.format(at.atZone(config.zone())) + "; open requests "
                + (DeskRun.STRATEGY == RunningClocks.KEEP ? "keep their targets (KEEP)" : "take the new targets (MOVE)")
                + "; report.csv's config_version says which version timed each request"));
        return notes;
    }

    private static List<ChangeMark> marks(SimulationConfig config) {
        return config.policyChangeAt().map(at -> List.of(new ChangeMark(at, "v2 in force"))).orElse(List.of());
    }

    /**
     * Runs the scenarios, each on its own engine, as many at a time as there are processors. The
     * baseline prints its days as it goes; each what-if's lines follow once it is done, in order.
     */
    private static List<DeskRun.Outcome> runScenarios(SimulationConfig config, List<Arrival> arrivals, PrintStream out)
            throws IOException {
        List<String> names = new ArrayList<>(List.of(BASELINE));
        List<Staffing> staffings = new ArrayList<>(List.of(config.staffing()));
        config.whatIfs().forEach(w -> {
            names.add(w.name());
            staffings.add(w.applyTo(config.staffing()));
        });
        int threads = Math.max(1, Math.min(names.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "slaflow-scenario");
            t.setDaemon(true);
            return t;
        });
        try {
            List<ByteArrayOutputStream> buffers = new ArrayList<>();
            List<Future<DeskRun.Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                buffers.add(buffer);
                PrintStream progress = i == 0 ? out : new PrintStream(buffer, true, StandardCharsets.UTF_8);
                DeskRun run = new DeskRun(config, names.get(i), staffings.get(i), arrivals, progress, i == 0);
                if (i == 0) {
                    out.println("Scenario " + names.get(i) + ": " + staffings.get(i));
                }
                futures.add(pool.submit(run::run));
            }
            List<DeskRun.Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                DeskRun.Outcome outcome = await(futures.get(i));
                if (i > 0) {
                    out.println("Scenario " + names.get(i) + ": " + staffings.get(i));
                    out.print(buffers.get(i).toString(StandardCharsets.UTF_8));
                }
                outcomes.add(outcome);
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static DeskRun.Outcome await(Future<DeskRun.Outcome> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the scenarios ran");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
