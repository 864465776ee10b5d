package io.slaflow.core.routing;

import java.util.List;

/**
 * The names of the default support groups (docs/domain.md, D1 and D7): where requests are routed and who works them.
 * A host may use other names in its own {@link RoutingRules}.
 */
public final class SupportGroups {

    /** Online consultants: receive ordinary users' requests and solve most of them on the spot. */
    public static final String CONSULTANTS = "consultants";
    /** Analysts: receive key users' requests and any request that needs a change to the software. */
    public static final String ANALYSTS = "analysts";
    /** Programmers: do the development and specification work analysts hand over. */
    public static final String PROGRAMMERS = "programmers";
    /** Whoever is on duty: takes emergencies, whoever asks. */
    public static final String DUTY = "duty";
    /** Team leads: where escalations go when a deadline nears or passes. */
    public static final String LEADS = "leads";

    /** Every default group, in the order above. */
    public static final List<String> ALL = List.of(CONSULTANTS, ANALYSTS, PROGRAMMERS, DUTY, LEADS);

    private SupportGroups() {
    }
}
