package io.slaflow.benchmarks.calendar;

import io.slaflow.core.calendar.WorkingCalendar;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What building one year of working intervals costs, in the measuring thread's CPU time (which
 * other processes on a shared machine hardly disturb, unlike wall-clock time): each round makes a
 * fresh calendar of each kind and asks it for 32 years it has never built, one kind after the
 * other, alternating which goes first. Prints the median and the quartiles per built year.
 *
 * <pre>java -cp sla-benchmarks/target/benchmarks.jar io.slaflow.benchmarks.calendar.YearBuildCost 300</pre>
 */
public final class YearBuildCost {

    private static final int YEARS = 32;

    private YearBuildCost() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Map<String, Supplier<WorkingCalendar>> kinds = YearBuildKinds.kinds();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Map<String, List<Double>> perYear = new LinkedHashMap<>();
        kinds.keySet().forEach(k -> perYear.put(k, new ArrayList<>()));
        List<String> order = new ArrayList<>(kinds.keySet());
        long sink = 0;
        for (int round = -50; round < rounds; round++) { // 50 rounds of warm-up
            java.util.Collections.rotate(order, 1);
            for (String kind : order) {
                WorkingCalendar calendar = kinds.get(kind).get();
                long start = cpu.getCurrentThreadCpuTime();
                for (int y = 0; y < YEARS; y++) {
                    Instant jan1 = LocalDate.of(2000 + y, 1, 2).atStartOfDay(WorkingCalendarBenchmark.KYIV).toInstant();
                    sink += calendar.addWorkingTime(jan1, Duration.ofHours(1)).getEpochSecond();
                }
                long nanos = cpu.getCurrentThreadCpuTime() - start;
                if (round >= 0) {
                    perYear.get(kind).add(nanos / 1000.0 / YEARS);
                }
            }
        }
        System.out.println("CPU microseconds per built year over " + rounds + " rounds (sink " + (sink & 1) + ")");
        System.out.println("| calendar | median | quartiles |");
        System.out.println("|---|---:|---:|");
        perYear.forEach((kind, values) -> {
            double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("| %s | %.1f | %.1f - %.1f |%n", kind, v[v.length / 2], v[v.length / 4], v[3 * v.length / 4]);
        });
    }
}
