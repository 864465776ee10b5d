package io.slaflow.bpmn.internal;

import java.util.Objects;

/** Checks the arguments of the facade's operations before anything is stored. */
public final class Arguments {

    private Arguments() {
    }

    /**
     * Returns {@code value} if it holds text.
     *
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException if it is blank
     */
    public static String text(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank (was '" + value + "')");
        }
        return value;
    }
}
