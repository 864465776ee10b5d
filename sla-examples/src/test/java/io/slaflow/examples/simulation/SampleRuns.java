package io.slaflow.examples.simulation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The short sample run the tests share (it takes a while, so it runs once per test JVM): two days from
 * the default Monday, seed {@value #SEED}, default staffing, policy and what-ifs, written to
 * {@code target/sla-report-run/} and left there for a look.
 */
public final class SampleRuns {

    /** The seed of the shared run. */
    public static final long SEED = 7;
    /** The days of the shared run. */
    public static final int DAYS = 2;
    /** Where the shared run's report is written. */
    public static final Path DIRECTORY = Path.of(System.getProperty("basedir", ".")).resolve("target/sla-report-run");

    private static SimulationResult twoDays;
    private static String output;

    private SampleRuns() {
    }

    /** Returns the configuration of the shared run. */
    public static SimulationConfig config() {
        return SimulationConfig.builder().days(DAYS).seed(SEED).reportDirectory(DIRECTORY).build();
    }

    /** Returns the shared run's result, running it first if needed. */
    public static synchronized SimulationResult twoDays() {
        if (twoDays == null) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
                twoDays = SupportDeskSimulation.run(config(), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            output = buffer.toString(StandardCharsets.UTF_8);
        }
        return twoDays;
    }

    /** Returns what the shared run printed. */
    public static synchronized String output() {
        twoDays();
        return output;
    }
}
