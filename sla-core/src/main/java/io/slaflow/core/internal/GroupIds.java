package io.slaflow.core.internal;

import java.util.regex.Pattern;

/** The spelling of a support group's id, shared by routing rules and escalation levels. Not API. */
public final class GroupIds {

    private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    /** What a group id may hold, for messages: {@value}. */
    public static final String RULE = "must be a group id of letters, digits, '_', '.' or '-'";

    private GroupIds() {
    }

    /**
     * Tells whether {@code group} is a valid group id: a letter or digit, then letters, digits,
     * {@code _}, {@code .} or {@code -}.
     *
     * @param group the id, may be null
     * @return true if it is valid
     */
    public static boolean valid(String group) {
        return group != null && GROUP_ID.matcher(group).matches();
    }
}
