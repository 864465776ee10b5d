package io.slaflow.core.internal;

import java.time.Duration;

/**
 * How a violation shows the value it refused: {@code (was "")}, {@code (was -PT30M)}, and long text
 * by its length and start, {@code (was 201 characters: "Sales documents post over the custome"...)}.
 * Not API.
 */
public final class ViolationText {

    /** Text longer than this is shown cut to {@link #SHOWN_CHARACTERS} characters. */
    static final int LONG_TEXT = 60;

    /** How many characters of a long text a violation shows. */
    static final int SHOWN_CHARACTERS = 40;

    private ViolationText() {
    }

    /**
     * Returns {@code (was value)}: text in double quotes with quotes, backslashes and control
     * characters escaped, other values by {@link String#valueOf(Object)}.
     *
     * @param value the refused value, may be null
     * @return the parenthesised value
     */
    public static String was(Object value) {
        return "(was " + show(value) + ")";
    }

    /**
     * Returns the value as {@link #was(Object)} shows it, without the parentheses.
     *
     * @param value the value, may be null
     * @return the value for a message
     */
    public static String show(Object value) {
        if (value instanceof Duration d && d.isNegative() && d.getSeconds() != Long.MIN_VALUE) {
            return "-" + d.negated(); // -PT30M as written, rather than PT-30M; Duration.parse reads both
        }
        if (!(value instanceof CharSequence text)) {
            return String.valueOf(value);
        }
        if (text.length() <= LONG_TEXT) {
            return quote(text);
        }
        return text.length() + " characters: " + quote(text.subSequence(0, SHOWN_CHARACTERS)) + "...";
    }

    /**
     * Puts text in double quotes, escaping quotes, backslashes, control characters and unpaired
     * surrogates as in Java.
     *
     * @param text the text
     * @return the quoted text
     */
    public static String quote(CharSequence text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.isSurrogate(c) && !paired(text, i)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Tells whether the surrogate at {@code i} is half of a pair. */
    private static boolean paired(CharSequence text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
