package io.slaflow.bpmn.internal;

import io.slaflow.core.request.ServiceRequest;
import java.math.BigDecimal;
import java.util.Objects;

/** Checks the arguments of the facade's operations before anything is stored. */
public final class Arguments {

    /** The longest text an operation stores (a diagnosis, question, reply, note or resolution): as a description. */
    public static final int MAX_NOTE_LENGTH = ServiceRequest.MAX_DESCRIPTION_LENGTH;

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

    /**
     * Returns {@code value} if it holds text of at most {@link #MAX_NOTE_LENGTH} characters.
     *
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException if it is blank or too long
     */
    public static String note(String value, String name) {
        text(value, name);
        if (value.length() > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException(name + " must be at most " + MAX_NOTE_LENGTH + " characters (was "
                    + value.length() + ")");
        }
        return value;
    }

    /**
     * Returns {@code value} if it is a positive number of hours with at most 2 decimals and 9 digits
     * before the point (what a contract's prepaid hours may hold).
     *
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException otherwise
     */
    public static BigDecimal hours(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        BigDecimal plain = value.stripTrailingZeros();
        if (value.signum() <= 0 || Math.max(plain.scale(), 0) > 2 || plain.precision() - plain.scale() > 9) {
            throw new IllegalArgumentException(name + " must be positive, with at most 2 decimals and 9 digits"
                    + " before the point (was " + value.toPlainString() + ")");
        }
        return value;
    }
}
