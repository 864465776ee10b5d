package io.slaflow.bpmn.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who belongs to which group, as given to the builder, and the rotation that offers emergencies to
 * one duty member at a time. Immutable apart from the rotation counter; thread-safe.
 */
public final class Members {

    private final Map<String, Set<String>> groupsOfUser;
    private final Map<String, List<String>> usersOfGroup;
    private final AtomicInteger rotation = new AtomicInteger();

    /**
     * Creates the directory.
     *
     * @param memberships pairs of user id and group, in the order given
     */
    public Members(List<Map.Entry<String, String>> memberships) {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        Map<String, List<String>> users = new LinkedHashMap<>();
        for (Map.Entry<String, String> m : memberships) {
            if (groups.computeIfAbsent(m.getKey(), k -> new LinkedHashSet<>()).add(m.getValue())) {
                users.computeIfAbsent(m.getValue(), k -> new ArrayList<>()).add(m.getKey());
            }
        }
        Map<String, Set<String>> g = new LinkedHashMap<>();
        groups.forEach((k, v) -> g.put(k, Set.copyOf(v)));
        Map<String, List<String>> u = new LinkedHashMap<>();
        users.forEach((k, v) -> u.put(k, List.copyOf(v)));
        this.groupsOfUser = Map.copyOf(g);
        this.usersOfGroup = Map.copyOf(u);
    }

    /** Tells whether {@code user} was registered. */
    public boolean isKnown(String user) {
        return groupsOfUser.containsKey(user);
    }

    /** Returns the groups of {@code user}, empty if unknown. */
    public Set<String> groupsOf(String user) {
        return groupsOfUser.getOrDefault(user, Set.of());
    }

    /** Returns the members of {@code group} in registration order, empty if none. */
    public List<String> membersOf(String group) {
        return usersOfGroup.getOrDefault(group, List.of());
    }

    /** Returns the next member of {@code group} in rotation, or null when it has none. */
    public String nextInRotation(String group) {
        List<String> members = membersOf(group);
        if (members.isEmpty()) {
            return null;
        }
        return members.get(Math.floorMod(rotation.getAndIncrement(), members.size()));
    }
}
