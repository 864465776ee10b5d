package io.slaflow.examples.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes well-formed XML markup (the page is XHTML-compatible HTML with inline SVG). Attribute values
 * and text are always escaped; only {@link #raw} takes trusted text, and only constants are passed to
 * it. Not thread-safe.
 */
final class Markup {

    private final StringBuilder out = new StringBuilder(64 * 1024);

    /** Opens an element; {@code attrs} alternate names and values, and a null value leaves its name out. */
    Markup open(String tag, Object... attrs) {
        out.append('<').append(tag);
        attributes(attrs);
        out.append('>');
        return this;
    }

    /** Writes an element with no content: {@code <tag .../>}. */
    Markup empty(String tag, Object... attrs) {
        out.append('<').append(tag);
        attributes(attrs);
        out.append("/>");
        return this;
    }

    /** Writes an element holding only (escaped) text. */
    Markup element(String tag, String text, Object... attrs) {
        return open(tag, attrs).text(text).close(tag);
    }

    /** Closes an element. */
    Markup close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** Writes escaped text. */
    Markup text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Writes trusted markup verbatim: constants of this package only, never data. */
    Markup raw(String trusted) {
        out.append(trusted);
        return this;
    }

    /** Starts a new line, so that the page source stays readable. */
    Markup nl() {
        out.append('\n');
        return this;
    }

    private void attributes(Object[] attrs) {
        if (attrs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs (got " + attrs.length + " items)");
        }
        for (int i = 0; i < attrs.length; i += 2) {
            Object value = attrs[i + 1];
            if (value != null) {
                String text = value instanceof Number n ? num(n.doubleValue()) : value.toString();
                out.append(' ').append(attrs[i]).append("=\"").append(escape(text)).append('"');
            }
        }
    }

    /**
     * Escapes text for XML and HTML content and attributes: {@code & < > " '} become references, and
     * characters XML 1.0 forbids (controls, lone surrogates) become U+FFFD.
     */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> i = appendChecked(text, i, sb);
            }
        }
        return sb.toString();
    }

    private static int appendChecked(String text, int i, StringBuilder sb) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            sb.append(c).append(text.charAt(i + 1));
            return i + 1;
        }
        boolean allowed = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c < 0xD800 || c >= 0xE000 && c < 0xFFFE;
        sb.append(allowed ? c : '\uFFFD');
        return i;
    }

    /** Formats a coordinate or size: at most two decimals, no trailing zeros, no exponent. */
    static String num(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a coordinate must be finite (was " + value + ")");
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
