package io.slaflow.bpmn.internal;

import io.slaflow.core.acceptance.AcceptanceCase;
import io.slaflow.core.contract.ServiceContract;
import io.slaflow.core.request.ServiceRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An acceptance case as stored with its process: the request, the contract as it stood when the case
 * was opened (later contract changes do not reach running cases), and every step from the opening on.
 * The case itself is the steps replayed through {@link AcceptanceCase}, so the stored data stays plain
 * and the rules stay in one place. Immutable.
 *
 * @param request the request the work answers
 * @param contract the customer's contract at opening
 * @param steps the opening step ({@link CaseStep.Op#OPEN}) and every step after it, oldest first
 */
public record CaseRecord(ServiceRequest request, ServiceContract contract, List<CaseStep> steps) {

    /** Creates a record; the first step must open the case. */
    public CaseRecord {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(contract, "contract");
        steps = List.copyOf(steps);
        if (steps.isEmpty() || steps.get(0).op() != CaseStep.Op.OPEN) {
            throw new IllegalArgumentException("a case record begins with the step that opened it");
        }
    }

    /** Returns the case the steps lead to. */
    public AcceptanceCase replay() {
        CaseStep open = steps.get(0);
        AcceptanceCase c = AcceptanceCase.open(request, contract, open.solution(), open.at());
        for (int i = 1; i < steps.size(); i++) {
            c = steps.get(i).apply(c);
        }
        return c;
    }

    /** Returns the last step. */
    public CaseStep last() {
        return steps.get(steps.size() - 1);
    }

    /** Returns this record with {@code step} appended. */
    public CaseRecord with(CaseStep step) {
        List<CaseStep> next = new ArrayList<>(steps);
        next.add(Objects.requireNonNull(step, "step"));
        return new CaseRecord(request, contract, next);
    }
}
