package io.slaflow.core.internal;

/** Text as a YAML double-quoted scalar that YAML reads back unchanged. Not API. */
public final class YamlText {

    private YamlText() {
    }

    /**
     * Returns {@code s} in double quotes, with quotes, backslashes, newlines, tabs and the characters
     * YAML does not allow unescaped (controls, line and paragraph separators, the byte order mark, the
     * noncharacters U+FFFE and U+FFFF) written as escapes.
     *
     * @param s the text
     * @return the quoted scalar
     */
    public static String quoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff
                            || c == 0xfffe || c == 0xffff) {
                        sb.append(String.format("\\u%04x", c));
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }
}
