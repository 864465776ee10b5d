package io.slaflow.bpmn.internal;

import io.slaflow.core.request.RequestKind;
import io.slaflow.core.request.RequesterTier;
import io.slaflow.core.request.ServiceRequest;
import java.util.Optional;

/**
 * The support lines and how requests move between them (D1, D7): key users go to analysts, ordinary
 * users to online consultants, emergencies straight to duty; consultants hand over to analysts and
 * analysts to programmers. Stands in for {@code io.slaflow.core.routing} until that lands; only this
 * class and {@link WorkOrder} know the rules.
 */
public final class Lines {

    /** Online consultants: ordinary users' requests. */
    public static final String CONSULTANTS = "consultants";
    /** Analysts: key users' requests; they hand development to programmers. */
    public static final String ANALYSTS = "analysts";
    /** Programmers: development handed over by analysts. */
    public static final String PROGRAMMERS = "programmers";
    /** Whoever is on duty: emergencies. */
    public static final String DUTY = "duty";
    /** Leads: the escalation target. */
    public static final String LEADS = "leads";

    private Lines() {
    }

    /** Returns the line that receives {@code request}. */
    public static String lineFor(ServiceRequest request) {
        if (request.kind() == RequestKind.EMERGENCY) {
            return DUTY;
        }
        return request.tier() == RequesterTier.KEY_USER ? ANALYSTS : CONSULTANTS;
    }

    /** Returns the line a request goes to when {@code line} hands it over, if there is one. */
    public static Optional<String> handOverTarget(String line) {
        return switch (line) {
            case CONSULTANTS -> Optional.of(ANALYSTS);
            case ANALYSTS -> Optional.of(PROGRAMMERS);
            default -> Optional.empty();
        };
    }

    /** Returns the Flowable task priority of a kind: higher comes first in the work order. */
    public static int taskPriority(RequestKind kind) {
        return 100 - 25 * WorkOrder.rank(kind);
    }
}
