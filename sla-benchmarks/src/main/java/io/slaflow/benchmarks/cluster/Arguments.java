package io.slaflow.benchmarks.cluster;

import java.util.Arrays;
import java.util.List;

/** Reads the harnesses' {@code name=value} arguments. */
public final class Arguments {

    private Arguments() {
    }

    /**
     * Returns the value of {@code name=value} among {@code args}, or {@code fallback}.
     *
     * @param args the program arguments
     * @param name the argument's name
     * @param fallback the default
     * @return the value given, or the default
     */
    public static String arg(String[] args, String name, String fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return fallback;
    }

    /**
     * Returns the whole number given as {@code name=N} ({@code 10_000} and {@code 10,000} read as
     * 10000), or {@code fallback}.
     *
     * @throws IllegalArgumentException if the value is not a whole number
     */
    public static int intArg(String[] args, String name, int fallback) {
        String value = arg(args, name, null);
        return value == null ? fallback : number(name, value);
    }

    /**
     * Returns the whole numbers given as {@code name=N,M,..} ({@code _} allowed inside a number), or
     * {@code fallback}.
     *
     * @throws IllegalArgumentException if a value is not a whole number
     */
    public static List<Integer> intsArg(String[] args, String name, List<Integer> fallback) {
        String value = arg(args, name, null);
        return value == null ? fallback : Arrays.stream(value.split(",")).map(v -> number(name, v)).toList();
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.replace("_", "").replace(",", "").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number (was '" + value + "')", e);
        }
    }
}
