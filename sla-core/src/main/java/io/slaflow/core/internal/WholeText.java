package io.slaflow.core.internal;

/**
 * Checks that text is made of whole characters: no half of a surrogate pair stands alone. Such text
 * cannot be encoded as UTF-8, so a policy file printed with it would not read back. Not API.
 */
public final class WholeText {

    private WholeText() {
    }

    /**
     * Returns the index of the first surrogate in {@code s} that is not half of a pair, or -1.
     *
     * @param s the text
     * @return the index, or -1 when every character is whole
     */
    public static int unpairedSurrogate(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns the violation message for text with an unpaired surrogate, or null for whole text (and
     * for null, which other checks report).
     *
     * @param s the text, may be null
     * @return e.g. {@code must not contain an unpaired surrogate (U+D800 at index 1); ... (was "a\ud800")}
     */
    public static String problem(String s) {
        int at = s == null ? -1 : unpairedSurrogate(s);
        if (at < 0) {
            return null;
        }
        return String.format("must not contain an unpaired surrogate (U+%04X at index %d); use whole characters %s",
                (int) s.charAt(at), at, ViolationText.was(s));
    }
}
