package io.slaflow.benchmarks.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used by one PostgreSQL server (its postmaster and every backend under it), read from
 * Linux's {@code /proc}; elsewhere it reads as unknown. Backends that ended during a measurement
 * are missed, so figures are a lower bound (the nodes' pooled connections live through a storm).
 */
final class PostgresCpu {

    private static final Path PROC = Path.of("/proc");
    private final long postmaster;
    private final long ticksPerSecond;

    private PostgresCpu(long postmaster, long ticksPerSecond) {
        this.postmaster = postmaster;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** Returns the meter of the server whose data directory is {@code dataDirectory}. */
    static PostgresCpu of(Path dataDirectory) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        return new PostgresCpu(pid, 100);
    }

    /** Returns the CPU nanoseconds the server used so far, or -1 if unknown. */
    long nanos() {
        if (!Files.isDirectory(PROC)) {
            return -1;
        }
        long ticks = 0;
        try (Stream<Path> processes = Files.list(PROC)) {
            for (Path p : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                List<String> stat = stat(p);
                if (stat != null && (p.getFileName().toString().equals(Long.toString(postmaster))
                        || stat.get(1).equals(Long.toString(postmaster)))) {
                    ticks += Long.parseLong(stat.get(11)) + Long.parseLong(stat.get(12));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * 1_000_000_000L / ticksPerSecond;
    }

    /** Returns the fields of /proc/pid/stat after the command name: state, ppid, ... (utime is [11], stime [12]). */
    private static List<String> stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            return List.of(line.substring(line.lastIndexOf(')') + 2).split(" "));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
